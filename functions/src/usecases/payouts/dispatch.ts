import { paymentPartner, type PaymentPartnerCode } from "../../domain/payouts/partners.js";
import { transition } from "../../domain/payouts/payout.js";
import type { PayoutDoc } from "../../schemas/payouts.js";
import type { PaymentPartnerStateDoc } from "../../schemas/payouts.js";
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

/** What the first look at a due payout found: nothing to do, held, or the partner it goes to. */
type Found = "skipped" | "held" | { partner: PaymentPartnerCode };

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
 * Cost per installment: 1 read (the due query) + 2 reads and 3 writes (the transaction: payout,
 * account; payout, event; no ledger move) + 1 task.
 */
export async function dispatchPayouts(ports: DispatchPorts, now: Date, only?: PaymentPartnerCode): Promise<DispatchCounts> {
  const counts: DispatchCounts = { queued: 0, held: 0, paused: 0, requeued: 0 };
  const partnerStates = new Map<PaymentPartnerCode, PaymentPartnerStateDoc | null>();
  const paused = async (code: PaymentPartnerCode) => {
    if (!partnerStates.has(code)) partnerStates.set(code, await ports.payouts.partnerState(code));
    return partnerStates.get(code)?.paused === true;
  };
  let after: StoredPayout | undefined;
  for (;;) {
    const page = await ports.payouts.inState("scheduled", "dueAt", now, DISPATCH_PAGE, after);
    if (page.length === 0) break;
    after = page.at(-1);
    for (const { id } of page) {
      const outcome = await ports.payouts.change(id, { withAccount: true }, ({ payout, account }): PayoutDecision<Found> => {
        if (payout === null || payout.state !== "scheduled" || payout.dueAt > now) return { result: "skipped" };
        if (account === null || account.status !== "verified") {
          const step = transition(payout, "held");
          if (!step.ok) return { result: "skipped" };
          const reason = account === null ? "no-account" : "account-review";
          return { change: changeOf(payout, step.value, "dispatch", now, { hold: { reason, at: now } }, { code: reason }), result: "held" };
        }
        return { result: { partner: account.partner } };
      });
      if (outcome === "skipped") continue;
      if (outcome === "held") {
        counts.held += 1;
        continue;
      }
      if ((only !== undefined && outcome.partner !== only) || (await paused(outcome.partner))) {
        counts.paused += 1;
        continue;
      }
      const queued = await ports.payouts.change(id, { withAccount: true }, ({ payout, account }) => {
        if (payout === null || payout.state !== "scheduled" || account?.status !== "verified" || account.partner !== outcome.partner) return { result: null };
        const step = transition(payout, "queued", account.partner);
        if (!step.ok) return { result: null };
        const change = changeOf(payout, step.value, "dispatch", now, { partner: account.partner }, { code: "queued" });
        return { change, result: change.payout };
      });
      if (queued === null) continue;
      await enqueueSend(ports, id, queued);
      counts.queued += 1;
    }
  }
  counts.requeued = await requeueStale(ports, now, only, paused);
  return counts;
}

/** Queued payouts whose task has not moved them for REQUEUE_AFTER_SECONDS: enqueued again under the same key. */
async function requeueStale(
  ports: DispatchPorts,
  now: Date,
  only: PaymentPartnerCode | undefined,
  paused: (code: PaymentPartnerCode) => Promise<boolean>,
): Promise<number> {
  const before = new Date(now.getTime() - REQUEUE_AFTER_SECONDS * 1000);
  let requeued = 0;
  let after: StoredPayout | undefined;
  for (;;) {
    const page = await ports.payouts.inState("queued", "updatedAt", only === undefined ? before : now, DISPATCH_PAGE, after);
    if (page.length === 0) break;
    after = page.at(-1);
    for (const { id, payout } of page) {
      if (payout.partner === null || (only !== undefined && payout.partner !== only) || (await paused(payout.partner))) continue;
      await enqueueSend(ports, id, payout);
      requeued += 1;
    }
  }
  return requeued;
}
