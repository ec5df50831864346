import { createServer, type IncomingMessage, type Server } from "node:http";
import { readFileSync } from "node:fs";
import type { PaymentPartnerCode } from "../../functions/src/domain/payouts/partners.js";
import type { ProgramYearDoc } from "../../functions/src/schemas/documents.js";
import type { IncomingNotification, Ports } from "../../functions/src/usecases/ports.js";
import { HOST } from "../stack/config.js";
import { LOCAL_SECRETS } from "../stack/index.js";
import { startPaymentsSimulator } from "../payments/server.js";
import { installMeter } from "./meter.js";
import { seedPayees } from "./payoutSeed.js";

/**
 * One installment's whole life, counted: the same use cases and production adapters the functions
 * run, in this process (where the meter sees the Admin SDK), against a simulator of our own whose
 * notifications come back here over real HTTP with real signatures. Tasks are captured instead of
 * enqueued and run here one after another, so every read and write is put down to its step:
 * entitled → dispatch (scheduled → queued) → send task (queued → sending → sent) → webhook (the
 * partner's event stored) → apply task (sent → paid) → notification (the outbox).
 */
export const LIFE_STEPS = ["entitled", "dispatch", "send", "webhook", "apply", "notify"] as const;
export type LifeStep = (typeof LIFE_STEPS)[number];

/** The steps from queued to paid: what one day's dispatch costs per installment. */
export const DISPATCH_DAY: readonly LifeStep[] = ["dispatch", "send", "webhook", "apply", "notify"];

export interface StepCost {
  reads: number;
  writes: number;
  /** Writes by collection (`payouts`, `payouts/*\/events`, …). */
  byCollection: Map<string, number>;
}

/** The sum of `pick` over `steps`. */
export const sum = (steps: readonly LifeStep[], costs: Record<LifeStep, StepCost>, pick: (cost: StepCost) => number) =>
  steps.reduce((total, step) => total + pick(costs[step]), 0);

/** The collection a document path is in, IDs left out: `payouts/x/events/0001` → `payouts/*\/events`. */
export const collectionOf = (path: string) =>
  path
    .split("/")
    .filter((_, i) => i % 2 === 0)
    .join("/*/");

interface Snapshot {
  reads: number;
  writes: number;
  byPath: Map<string, number>;
}

function addTo(cost: StepCost, from: Snapshot, to: Snapshot, sign = 1): void {
  cost.reads += sign * (to.reads - from.reads);
  cost.writes += sign * (to.writes - from.writes);
  for (const [path, count] of to.byPath) {
    const added = count - (from.byPath.get(path) ?? 0);
    if (added === 0) continue;
    const collection = collectionOf(path);
    cost.byCollection.set(collection, (cost.byCollection.get(collection) ?? 0) + sign * added);
  }
}

/** A notification the simulator sent to our capture server, waiting for the bench to handle it. */
interface Captured {
  request: IncomingNotification;
  answer: (status: number, body: unknown) => void;
}

function captureServer(): Promise<{ server: Server; url: string; next: () => Promise<Captured> }> {
  const arrived: Captured[] = [];
  const waiting: Array<(captured: Captured) => void> = [];
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : value]));
      const captured: Captured = {
        request: { method: request.method ?? "POST", path: request.url ?? "/", headers, rawBody: Buffer.concat(chunks) },
        answer: (status, body) => void response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body)),
      };
      const take = waiting.shift();
      if (take === undefined) arrived.push(captured);
      else take(captured);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      const next = () => {
        const ready = arrived.shift();
        if (ready !== undefined) return Promise.resolve(ready);
        return new Promise<Captured>((take, fail) => {
          const timer = setTimeout(() => fail(new Error("no notification from the simulator within 10 s")), 10_000);
          waiting.push((captured) => {
            clearTimeout(timer);
            take(captured);
          });
        });
      };
      resolve({ server, url: `http://${HOST}:${port}`, next });
    });
  });
}

/** Reads and writes per installment, by step, over `sample` life cycles run one after another; and the dispatcher's rate alone. */
export async function meterLifeCycle(
  run: string,
  sample: number,
  partner: PaymentPartnerCode,
  programYear: ProgramYearDoc,
): Promise<{ costs: Record<LifeStep, StepCost>; dispatchRate: number }> {
  const { productionPorts } = await import("../../functions/src/composition.js");
  const { configuredPaymentPartners } = await import("../../functions/src/adapters/payments/index.js");
  const { sendPayoutPayload, applyPaymentEventPayload } = await import("../../functions/src/schemas/tasks.js");
  const { scheduleChanges } = await import("../../functions/src/usecases/payouts/schedule.js");
  const { dispatchPayouts } = await import("../../functions/src/usecases/payouts/dispatch.js");
  const { sendPayout } = await import("../../functions/src/usecases/payouts/send.js");
  const { receivePaymentNotification, applyPaymentEvent } = await import("../../functions/src/usecases/payouts/events.js");
  const { PAYMENT_PARTNER_CODES, paymentPartner } = await import("../../functions/src/domain/payouts/partners.js");

  const meter = installMeter();
  const snap = (): Snapshot => ({ reads: meter.reads, writes: meter.writes, byPath: new Map(meter.writesByPath) });
  const zero = (): StepCost => ({ reads: 0, writes: 0, byCollection: new Map() });
  const costs: Record<LifeStep, StepCost> = { entitled: zero(), dispatch: zero(), send: zero(), webhook: zero(), apply: zero(), notify: zero() };

  const dispatcher = { rate: 0 };
  /** The step being counted: the outbox's share is taken out of it. */
  const counting: { step: LifeStep | null } = { step: null };
  const capture = await captureServer();
  const simulator = await startPaymentsSimulator({
    port: 0,
    webhookBase: `${capture.url}/api/v1/payments`,
    callbackDelayMs: 50,
    callbackRetry: { attempts: 0, spacingMs: 1000 },
  });
  try {
    const keys = /^PAYMENT_PARTNER_KEYS='(.+)'$/m.exec(readFileSync(LOCAL_SECRETS, "utf8"))?.[1];
    if (keys === undefined) throw new Error("no PAYMENT_PARTNER_KEYS in functions/.secret.local");
    const urls = JSON.stringify(Object.fromEntries(PAYMENT_PARTNER_CODES.map((code) => [code, `${simulator.url}/${code}`])));
    const tasks: Array<{ name: string; payload: unknown }> = [];
    const base = productionPorts({
      paymentPartners: configuredPaymentPartners({ urls: () => urls, keys: () => keys }),
      // The send task opens the seeded account numbers (payoutSeed.ts seals them under the local key).
      vault: (await import("../stack/localVault.js")).localVault(LOCAL_SECRETS),
      tasks: {
        enqueue: (name, payload) => {
          tasks.push({ name, payload });
          return Promise.resolve(true);
        },
      },
    });
    // The outbox's share of the step that sends the notice (the apply task), put down to its own step.
    const ports: Ports = {
      ...base,
      notifications: {
        async send(key, notification) {
          const before = snap();
          try {
            return await base.notifications.send(key, notification);
          } finally {
            addTo(costs.notify, before, snap());
            if (counting.step !== null) addTo(costs[counting.step], before, snap(), -1);
          }
        },
      },
    };
    const take = (name: string) => {
      const index = tasks.findIndex((task) => task.name === name);
      if (index < 0) throw new Error(`no ${name} task was enqueued`);
      return tasks.splice(index, 1)[0].payload;
    };
    const counted = async <T>(step: LifeStep, work: () => Promise<T>): Promise<T> => {
      const before = snap();
      counting.step = step;
      try {
        return await work();
      } finally {
        counting.step = null;
        addTo(costs[step], before, snap());
      }
    };

    const now = new Date();
    const payees = await seedPayees({ run, from: 0, count: sample, partner, programYear, simulatorUrl: simulator.url, withInstallments: false, now });
    const reviewedAt = new Date(now.getTime() - 10 * 86_400_000);
    for (const payee of payees) await counted("entitled", () => ports.payouts.createAll(scheduleChanges(payee.uid, programYear, reviewedAt)));
    // The dispatcher alone: no task running beside it, its enqueues captured (no Cloud Tasks call).
    const dispatchBegan = performance.now();
    const dispatched = await counted("dispatch", () => dispatchPayouts(ports, new Date()));
    dispatcher.rate = sample / ((performance.now() - dispatchBegan) / 1000);
    if (dispatched.queued !== sample) throw new Error(`dispatch queued ${dispatched.queued} of ${sample}: ${JSON.stringify(dispatched)}`);

    for (let i = 0; i < sample; i += 1) {
      const sent = await counted("send", () => sendPayout(ports, sendPayoutPayload.parse(take(paymentPartner(partner).queue))));
      if (!sent.ok || sent.value.kind !== "sent" || sent.value.outcome !== "applied") throw new Error(`send task: ${JSON.stringify(sent)}`);
      const notification = await capture.next();
      const received = await counted("webhook", () => receivePaymentNotification(ports, partner, notification.request));
      notification.answer(received.ok ? 200 : 401, received.ok ? { responseCode: "2000000" } : { error: received.reason });
      if (!received.ok) throw new Error(`webhook refused the simulator's notification: ${received.reason}`);
      const { key } = applyPaymentEventPayload.parse(take("applyPaymentEvent"));
      const applied = await counted("apply", () => applyPaymentEvent(ports, key));
      if (!applied.ok || applied.value !== "applied") throw new Error(`apply task: ${JSON.stringify(applied)}`);
    }
    for (const payee of payees) {
      const state = (await ports.payouts.get(payee.installment))?.state;
      if (state !== "paid") throw new Error(`metered installment ${payee.installment} ended ${state}, not paid`);
    }
  } finally {
    await simulator.close();
    await new Promise((resolve) => capture.server.close(resolve));
  }
  for (const step of LIFE_STEPS) {
    const cost = costs[step];
    cost.reads /= sample;
    cost.writes /= sample;
    for (const [collection, count] of cost.byCollection) cost.byCollection.set(collection, count / sample);
  }
  return { costs, dispatchRate: dispatcher.rate };
}
