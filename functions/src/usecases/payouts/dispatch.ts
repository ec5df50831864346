import { PAYMENT_PARTNER_CODES, paymentPartner, type PaymentPartnerCode } from "../../domain/payouts/partners.js";
import { transition } from "../../domain/payouts/payout.js";
import type { PayoutDoc } from "../../schemas/payouts.js";
import type { PayoutDecision, Ports, StoredPayout } from "../ports.js";
import { changeOf } from "./changes.js";

/** Payouts read per page of the due query. */
export const DISPATCH_PAGE = 300;

/** A queued payout whose task has not run after this long is enqueued again (its task was lost, or its queue paused): seconds. */
export const REQUEUE_AFTER_SECONDS = 6 * 3600;

/**
 * The idempotency key of a send task, from which Cloud Tasks' task ID is derived: one per
 * (installment, attempt, version queued). Enqueuing the same queued payout again adds nothing; a
 * payout queued anew (after its partner's pause, or a retry) gets a new task.
 */
export const sendTaskKey = (installmentId: string, attempt: number, version: number) => `payout-${installmentId}-a${attempt}-v${version}`;

export interface DispatchCounts {
  queued: number;
  /** Put on hold: no payout account yet, or one waiting for review. */
  held: number;
  /** Left scheduled: their partner's queue is paused. */
  paused: number;
  /** Queued earlier and enqueued again (lost tasks; "already exists" counts as done). */
  requeued: number;
}

type DispatchPorts = Pick<Ports, "payouts" | "tasks" | "clock">;

/** What dispatching one due payout did: nothing, held it, left it for its paused partner, or queued it. */
type Found = "skipped" | "held" | "paused" | { queued: PayoutDoc };

/** Enqueues the send task of a queued payout on its partner's queue. True when added now, false when the key's task existed. */
export async function enqueueSend(ports: Pick<Ports, "tasks">, id: string, payout: Pick<PayoutDoc, "partner" | "attempt" | "version">): Promise<boolean> {
  if (payout.partner === null) throw new Error(`payout ${id} is queued without a partner`);
  const { queue } = paymentPartner(payout.partner);
  const payload = { installmentId: id, attempt: payout.attempt, version: payout.version };
  return ports.tasks.enqueue(queue, payload, { key: sendTaskKey(id, payout.attempt, payout.version), dispatchDeadlineSeconds: 120 });
}

/**
 * The daily dispatch (functions/dispatchPayouts.ts, and at once when a paused partner resumes):
 * every installment due by `now` is queued on its partner's Cloud Tasks queue — a schedule spans
 * months, longer than a task may wait, so installments are enqueued on the day they are due, not
 * when they are made. Each payout moves `scheduled` → `queued` in a transaction before its task is
 * enqueued; the task's ID comes from (installment, attempt), so a second run, or a retry after a
 * crash between the two, adds nothing ("already exists" counts as done). A participant without a
 * verified account is held until they link one (usecases/payouts/account.ts releases the hold).
 * Queued payouts whose task has not run for `REQUEUE_AFTER_SECONDS` are enqueued again.
 *
 * Cost per installment: 1 read (the due query) + 2 reads and 2 writes (one transaction: payout and
 * account read; payout and its timeline event written; no ledger move) + 1 task; 3 reads per run
 * for the partners' pause flags. `DISPATCH_IN_FLIGHT` payouts are dispatched at once.
 */
export async function dispatchPayouts(ports: DispatchPorts, now: Date, only?: PaymentPartnerCode): Promise<DispatchCounts> {
  const counts: DispatchCounts = { queued: 0, held: 0, paused: 0, requeued: 0 };
  // Every partner's pause flag, read once for the run (3 reads): a pause during the run is honoured by the send task.
  const states = new Map(await Promise.all(PAYMENT_PARTNER_CODES.map(async (code) => [code, await ports.payouts.partnerState(code)] as const)));
  const paused = (code: PaymentPartnerCode) => (only !== undefined && code !== only) || states.get(code)?.paused === true;
  let after: StoredPayout | undefined;
  for (;;) {
    const page = await ports.payouts.inState("scheduled", "dueAt", now, DISPATCH_PAGE, after);
    if (page.length === 0) break;
    after = page.at(-1);
    for (let start = 0; start < page.length; start += DISPATCH_IN_FLIGHT) {
      const outcomes = await Promise.all(page.slice(start, start + DISPATCH_IN_FLIGHT).map(({ id }) => dispatchOne(ports, id, now, paused)));
      for (const outcome of outcomes) if (outcome !== "skipped") counts[outcome] += 1;
    }
  }
  counts.requeued = await requeueStale(ports, now, only, paused);
  return counts;
}

/** Payouts dispatched at once: each is one transaction and one enqueue on its own document, so they do not contend. */
export const DISPATCH_IN_FLIGHT = 20;

/**
 * One due payout, in one transaction: held without a verified account, left scheduled when its
 * partner is paused, else queued with its partner — then its send task enqueued.
 */
async function dispatchOne(
  ports: DispatchPorts,
  id: string,
  now: Date,
  paused: (code: PaymentPartnerCode) => boolean,
): Promise<"queued" | "held" | "paused" | "skipped"> {
  const outcome = await ports.payouts.change(id, { withAccount: true }, ({ payout, account }): PayoutDecision<Found> => {
    if (payout === null || payout.state !== "scheduled" || payout.dueAt > now) return { result: "skipped" };
    if (account === null || account.status !== "verified") {
      const step = transition(payout, "held");
      if (!step.ok) return { result: "skipped" };
      const reason = account === null ? "no-account" : "account-review";
      return { change: changeOf(payout, step.value, "dispatch", now, { hold: { reason, at: now } }, { code: reason }), result: "held" };
    }
    if (paused(account.partner)) return { result: "paused" };
    const step = transition(payout, "queued", account.partner);
    if (!step.ok) return { result: "skipped" };
    const change = changeOf(payout, step.value, "dispatch", now, { partner: account.partner }, { code: "queued" });
    return { change, result: { queued: change.payout } };
  });
  if (typeof outcome === "string") return outcome;
  await enqueueSend(ports, id, outcome.queued);
  return "queued";
}

/** Queued payouts whose task has not moved them for REQUEUE_AFTER_SECONDS: enqueued again under the same key. */
async function requeueStale(
  ports: DispatchPorts,
  now: Date,
  only: PaymentPartnerCode | undefined,
  paused: (code: PaymentPartnerCode) => boolean,
): Promise<number> {
  const before = new Date(now.getTime() - REQUEUE_AFTER_SECONDS * 1000);
  let requeued = 0;
  let after: StoredPayout | undefined;
  for (;;) {
    const page = await ports.payouts.inState("queued", "updatedAt", only === undefined ? before : now, DISPATCH_PAGE, after);
    if (page.length === 0) break;
    after = page.at(-1);
    for (const { id, payout } of page) {
      if (payout.partner === null || paused(payout.partner)) continue;
      await enqueueSend(ports, id, payout);
      requeued += 1;
    }
  }
  return requeued;
}
