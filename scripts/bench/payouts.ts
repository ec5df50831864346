import { randomUUID } from "node:crypto";
import { URLS } from "../stack/config.js";
import { fireSchedule } from "../stack/scheduler.js";
import { LIFE_STEPS, meterLifeCycle, type LifeStep, type StepCost } from "./payoutLife.js";
import { ensurePartnerStates, seedPayees, type Payee } from "./payoutSeed.js";
import { percentile, runConcurrently, table } from "./stats.js";
import { paidCount, payoutOutcomes, waitUntilPaid, warmUpFunctions, type Timings } from "./payoutWatch.js";

/**
 * Incentive payouts on the local stack (`npm run bench -- payouts`):
 * 1. Firestore reads and writes per installment over its whole life, step by step, counted
 *    in-process on the same use cases and adapters (payoutLife.ts).
 * 2. Dispatch throughput through the Cloud Tasks emulator: N installments due, each with a verified
 *    account the simulator knows, dispatched by the `dispatchPayouts` schedule (fired in the
 *    functions emulator), then sent by the partner's task function, notified by the simulator
 *    through Hosting's webhook, and applied by `applyPaymentEvent` — until every one is `paid`.
 *    After a warm-up round (the functions emulator starts a worker per concurrent request).
 * 3. A floor from the same run: the same Firestore work per installment as bare transactions.
 * 4. 656,000 installments (wave 1's 164,000 participants × 4 monthly installments, 2020) through
 *    one queue at Cloud Tasks' 500 dispatches/s, against Firestore's sequential-index write limit.
 */
const COUNT = Number(process.env.BENCH_PAYOUTS ?? 300);
const WARM_UP = Number(process.env.BENCH_PAYOUT_WARMUP ?? 40);
/** Workers started before the warm-up round for the webhook and the apply task (the send task gets its queue's concurrency). */
const OTHER_WORKERS = 10;
const SAMPLE = Number(process.env.BENCH_PAYOUT_SAMPLE ?? 20);
const PARTNER = "bank-nusantara" as const;
const PROJECTED = 656_000;
/** Cloud Tasks' maximum maxDispatchesPerSecond for one queue. */
const QUEUE_CAP = 500;
/** Firestore's write rate to a collection whose documents hold a monotonically increasing indexed field. */
const SEQUENTIAL_INDEX_CAP = 500;

const STEP_NAMES: Record<LifeStep, string> = {
  entitled: "entitled (schedule: payout, timeline, ledger)",
  dispatch: "dispatch (scheduled → queued)",
  send: "send task (queued → sending → sent)",
  webhook: "webhook (partner's event stored)",
  apply: "apply task (sent → paid)",
  notify: "notification (inbox, SMS outbox)",
};

/** The steps from queued to paid: what one day's dispatch costs per installment. */
const DISPATCH_DAY: readonly LifeStep[] = ["dispatch", "send", "webhook", "apply", "notify"];

export async function benchPayouts(): Promise<string> {
  const { db } = await import("../../functions/src/adapters/firebase.js");
  const { programYears } = await import("../../functions/src/adapters/collections.js");
  const { paymentPartner } = await import("../../functions/src/domain/payouts/partners.js");
  const demo = await import("../demo-data.js");
  const spec = paymentPartner(PARTNER);
  const rules = { ...demo.programYear, year: new Date().getFullYear() };
  await programYears().doc(String(rules.year)).set(rules);
  await ensurePartnerStates();
  const run = randomUUID().replace(/-/g, "").slice(0, 8);

  // 1. Reads and writes per installment, by step.
  const life = await meterLifeCycle(run, SAMPLE, PARTNER, rules);
  const sum = (steps: readonly LifeStep[], pick: (cost: StepCost) => number) => steps.reduce((total, step) => total + pick(life[step]), 0);
  const inCollection = (steps: readonly LifeStep[], collection: string) => sum(steps, (cost) => cost.byCollection.get(collection) ?? 0);

  // 3. The floor: per installment one bare transaction per step of its dispatch day, each reading and
  // writing as many documents as that step does, as many in flight as the partner's queue allows.
  const shapes = DISPATCH_DAY.map((step) => ({ reads: Math.round(life[step].reads), writes: Math.max(1, Math.round(life[step].writes)) }));
  const floor = await runConcurrently(COUNT, spec.rate.concurrent, async () => {
    for (const shape of shapes) {
      const id = randomUUID();
      await db().runTransaction(async (tx) => {
        await Promise.all(Array.from({ length: shape.reads }, (_, n) => tx.get(db().doc(`benchFloorRead/${id}-${n}`))));
        for (let n = 0; n < shape.writes; n += 1) tx.set(db().doc(`benchFloorWrite/${id}-${n}`), { at: new Date(), n });
      });
    }
  });

  // 2. Through the emulators: workers started a few at a time, a warm-up round, then the measured one.
  const workersSeconds = await warmUpFunctions(spec.rate.concurrent, OTHER_WORKERS);
  const round = async (from: number, count: number): Promise<{ payees: Payee[]; timings: Timings }> => {
    const payees = await seedPayees({
      run,
      from,
      count,
      partner: PARTNER,
      programYear: rules,
      simulatorUrl: URLS.payments,
      withInstallments: true,
      now: new Date(),
    });
    const before = await paidCount();
    const fired = Date.now();
    await fireSchedule("dispatchPayouts", new Date());
    const timings = await waitUntilPaid(payees, fired, before);
    return { payees, timings };
  };
  const warm = await round(SAMPLE, WARM_UP);
  if (warm.timings.stuck.length > 0)
    throw new Error(`warm-up: ${warm.timings.stuck.length} installments not paid: ${JSON.stringify(warm.timings.stuck.slice(0, 5))}`);
  const { payees, timings } = await round(SAMPLE + WARM_UP, COUNT);
  const outcomes = await payoutOutcomes(payees);

  const paidRate = timings.paid / timings.seconds;
  const floorRate = COUNT / floor.seconds;
  const ms = (values: number[]) => `${percentile(values, 50).toFixed(0)} ms / ${percentile(values, 95).toFixed(0)} ms`;
  const cost = (c: { reads: number; writes: number }) => `${c.reads.toFixed(2)} / ${c.writes.toFixed(2)}`;
  const whole = { reads: sum(LIFE_STEPS, (c) => c.reads), writes: sum(LIFE_STEPS, (c) => c.writes) };
  const day = { reads: sum(DISPATCH_DAY, (c) => c.reads), writes: sum(DISPATCH_DAY, (c) => c.writes) };
  const collections = new Map<string, number>();
  for (const step of LIFE_STEPS) for (const [name, count] of life[step].byCollection) collections.set(name, (collections.get(name) ?? 0) + count);

  // 4. The projection: the queue's cap against each collection's sequential-index cap, per installment.
  const hot = [
    { name: "payouts", field: "updatedAt (also sentAt, leaseUntil, paidAt)", writes: inCollection(DISPATCH_DAY, "payouts") },
    { name: "payoutLedger", field: "at", writes: inCollection(DISPATCH_DAY, "payoutLedger") },
    { name: "paymentEvents", field: "receivedAt", writes: inCollection(DISPATCH_DAY, "paymentEvents") },
  ];
  const queueSeconds = PROJECTED / QUEUE_CAP;
  const indexRate = Math.min(...hot.map((h) => SEQUENTIAL_INDEX_CAP / Math.max(h.writes, 1e-9)));
  const bindingSeconds = PROJECTED / Math.min(QUEUE_CAP, indexRate);
  const hours = (seconds: number) => `${Math.round(seconds).toLocaleString("en-US")} s (${(seconds / 3600).toFixed(2)} h)`;
  const big = (n: number) => Math.round(n).toLocaleString("en-US");

  return [
    `Payouts (${COUNT} installments due, after starting workers (${workersSeconds.toFixed(0)} s) and ${WARM_UP} installments to warm up; ${PARTNER}'s queue: ${spec.rate.perSecond}/s, ${spec.rate.concurrent} at once; simulator notifies after 500 ms; local emulators)`,
    table([
      ["dispatchPayouts (fired), scheduled → queued", `${timings.dispatchSeconds.toFixed(1)} s, ${(COUNT / timings.dispatchSeconds).toFixed(1)} payouts/s`],
      ["dispatch fired → all paid", `${timings.seconds.toFixed(1)} s, ${paidRate.toFixed(1)} payouts/s`],
      ["  queued → paid p50 / p95", ms(timings.queuedToPaid)],
      ["  queued → sending (waiting in the queue)", ms(timings.queuedToSending)],
      ["  sending → sent (send task: check, partner call)", ms(timings.sendingToSent)],
      ["  sent → paid (notification, webhook, apply task)", ms(timings.sentToPaid)],
      [
        `floor: the same Firestore work as bare transactions`,
        `${floorRate.toFixed(1)} payouts/s (${shapes.map((s) => `${s.reads}r+${s.writes}w`).join(", ")} each; ${spec.rate.concurrent} in flight)`,
      ],
      ["ratio paid / floor", (paidRate / floorRate).toFixed(2)],
      [
        "exactly once",
        `${outcomes.paid} paid, ${timings.stuck.length} stuck, ${outcomes.doubled} paid twice, ${outcomes.unbalanced} ledgers unbalanced, ${outcomes.quarantined} quarantined, ${outcomes.resent} resent to the partner (same reference)`,
      ],
    ]),
    "",
    `Firestore reads / writes per installment (counted in-process over ${SAMPLE} whole lives, the same use cases and adapters)`,
    table([
      ...LIFE_STEPS.map((step): [string, string] => [STEP_NAMES[step], cost(life[step])]),
      ["dispatch day (queued → paid)", cost(day)],
      ["whole life", cost(whole)],
      ["writes by collection", [...collections].map(([name, count]) => `${name} ${count.toFixed(2)}`).join(", ")],
    ]),
    "",
    `${big(PROJECTED)} installments (wave 1: 164,000 × 4, 2020) through one queue at Cloud Tasks' ${QUEUE_CAP} dispatches/s`,
    table([
      ["the queue alone", `${big(PROJECTED)} / ${QUEUE_CAP}/s = ${hours(queueSeconds)}`],
      ...hot.map((h): [string, string] => [
        `${h.name} (${h.field})`,
        `${h.writes.toFixed(2)} writes/installment → ≤ ${big(SEQUENTIAL_INDEX_CAP / Math.max(h.writes, 1e-9))} installments/s → ${hours(PROJECTED / (SEQUENTIAL_INDEX_CAP / Math.max(h.writes, 1e-9)))}`,
      ]),
      ["binding: max(queue, busiest sequential index)", hours(bindingSeconds)],
      [`${PARTNER}'s own rate (${spec.rate.perSecond}/s)`, hours(PROJECTED / spec.rate.perSecond)],
      ["Firestore operations, dispatch day", `${big(day.reads * PROJECTED)} reads, ${big(day.writes * PROJECTED)} writes`],
      [
        `at the queue's cap: in flight (500 × send p50)`,
        `${big((QUEUE_CAP * percentile(timings.sendingToSent, 50)) / 1000)} send tasks at once (emulator latency)`,
      ],
      ["at this run's emulator rate", hours(PROJECTED / paidRate)],
    ]),
  ].join("\n");
}
