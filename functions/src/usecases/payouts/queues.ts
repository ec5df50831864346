import { done, refused, type Outcome } from "../../domain/outcome.js";
import { paymentPartner, type PaymentPartnerCode } from "../../domain/payouts/partners.js";
import { transition } from "../../domain/payouts/payout.js";
import { nextRoundReference } from "../../domain/payouts/schedule.js";
import type { PaymentPartnerStateDoc, ReviewPayoutInput } from "../../schemas/payouts.js";
import type { PayoutDecision, Ports } from "../ports.js";
import { changeOf } from "./changes.js";
import { dispatchPayouts, type DispatchCounts } from "./dispatch.js";

export interface QueueSwitch {
  partner: PaymentPartnerStateDoc;
  /** Whether Cloud Tasks' own queue was paused/resumed too (false on the local emulator, which cannot). */
  cloudTasks: boolean;
  /** On resume: what the dispatcher queued for this partner at once. */
  dispatched: DispatchCounts | null;
}

/**
 * The program office pauses one payment partner's payouts during its outage, and resumes them:
 * the program's own flag (`paymentPartners/{code}.paused`: the dispatcher leaves that partner's due
 * payouts scheduled and a send task puts a queued payout back on the schedule without calling the
 * partner) and, where Cloud Tasks allows, its queue too. Resuming queues at once what waited.
 * Refusal `partner-not-found`: no `paymentPartners/{code}` document (the seed makes them).
 */
export async function setPayoutQueue(
  ports: Pick<Ports, "payouts" | "taskQueues" | "tasks" | "clock" | "audit">,
  by: string,
  input: { partner: PaymentPartnerCode; paused: boolean; requestId?: string },
): Promise<Outcome<QueueSwitch, "partner-not-found">> {
  const now = ports.clock.now();
  const state = await ports.payouts.setPaused(input.partner, input.paused, by, now);
  if (state === null) return refused("partner-not-found", { partner: input.partner });
  await ports.audit.append({
    act: "set-payout-queue",
    actor: by,
    role: OFFICE_ROLE,
    target: input.partner,
    key: input.requestId ?? `${input.partner}-${input.paused ? "pause" : "resume"}-${now.toISOString()}`,
    at: now,
    details: { paused: input.paused },
  });
  const queue = paymentPartner(input.partner).queue;
  const cloud = input.paused ? await ports.taskQueues.pause(queue) : await ports.taskQueues.resume(queue);
  const dispatched = input.paused ? null : await dispatchPayouts(ports, now, input.partner);
  return done({ partner: state, cloudTasks: cloud.supported, dispatched });
}

export type ReviewRefusal = "installment-not-found" | "not-reviewable";

/** The role of `by` in this file's acts: only admins hold "manage-payouts" (domain/roles.ts), which the callables check. */
const OFFICE_ROLE = "admin";

/**
 * The program office decides on a payout that waits for a person — held (an exclusion-list hit at
 * the pre-payout check, an account under review), failed, or reversed: `release` puts it back on
 * the schedule (a failed or reversed one as a new attempt with the same reference), `cancel` ends
 * it and returns its money to the budget (`returned`). The note and the officer are in its timeline.
 * Refusals: `installment-not-found`; `not-reviewable` (details: its state) for any other state.
 */
export async function reviewPayout(
  ports: Pick<Ports, "payouts" | "clock" | "audit">,
  by: string,
  input: ReviewPayoutInput,
): Promise<Outcome<{ state: string }, ReviewRefusal>> {
  const now = ports.clock.now();
  const reviewed: { from?: string } = {};
  const outcome = await ports.payouts.change(input.installmentId, {}, ({ payout }): PayoutDecision<Outcome<{ state: string }, ReviewRefusal>> => {
    if (payout === null) return { result: refused("installment-not-found") };
    const reviewable = payout.state === "held" || payout.state === "failed" || payout.state === "reversed";
    const step = transition(payout, input.decision === "release" ? "scheduled" : payout.state === "failed" ? "held" : "cancelled");
    if (!reviewable || !step.ok) return { result: refused("not-reviewable", { state: payout.state }) };
    // Paid again after a reversal or a refusal: a new round at the partner, which keeps the old transaction under the old reference.
    const newRound = input.decision === "release" && (payout.state === "reversed" || payout.state === "failed");
    const patch = newRound ? { reference: nextRoundReference(payout.reference) } : {};
    const change = changeOf(payout, step.value, "review", now, patch, { code: input.decision, message: input.note, by });
    reviewed.from = payout.state;
    return { change, result: done({ state: change.payout.state }) };
  });
  if (outcome.ok)
    await ports.audit.append({
      act: "review-payout",
      actor: by,
      role: OFFICE_ROLE,
      target: input.installmentId,
      key: input.requestId,
      at: now,
      details: { decision: input.decision, ...reviewed, state: outcome.value.state },
    });
  return outcome;
}
