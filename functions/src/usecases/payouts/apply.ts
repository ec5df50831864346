import { applyReport, transition, type TransitionSource } from "../../domain/payouts/payout.js";
import { paymentPartner, type PaymentPartnerCode } from "../../domain/payouts/partners.js";
import { roundOfReference } from "../../domain/payouts/schedule.js";
import type { PayoutDoc, QuarantineDoc } from "../../schemas/payouts.js";
import type { PartnerPayoutReport, PayoutDecision, Ports } from "../ports.js";
import { changeOf } from "./changes.js";

/** What became of a partner's report. */
export type ReportResult = "applied" | "ignored" | "quarantined";

/**
 * Decides what a partner's report does to a payout (domain/payouts/payout.ts `applyReport`) and
 * returns the decision for the store's transaction: the change, or nothing (a duplicate, a stale
 * report), or a quarantine record `quarantineId` for a person (an amount or currency that is not
 * ours, a report that contradicts a final state, a reference we do not have). `partner` is who reported.
 */
export function decideReport(
  id: string,
  payout: PayoutDoc | null,
  report: PartnerPayoutReport,
  source: TransitionSource,
  now: Date,
  quarantineId: string,
  partner: PaymentPartnerCode,
  underClawback = false,
): PayoutDecision<ReportResult> {
  const reported = { state: report.state, amount: report.amount, code: report.code };
  if (payout === null) {
    const doc: QuarantineDoc = {
      partner,
      eventKey: quarantineId,
      reference: report.reference,
      installmentId: null,
      reason: "unknown-reference",
      reported: { ...reported, currency: report.currency },
      ours: null,
      at: now,
      status: "open",
    };
    return { quarantine: { id: quarantineId, doc }, eventOutcome: "quarantined", appliedAt: now, result: "quarantined" };
  }
  // A report from a partner other than the one the payout went to (or about another round of it) is not about this payout.
  const foreign = (payout.partner !== null && payout.partner !== partner) || payout.reference !== report.reference;
  // A reversal of a payout under a repayment case would return its money twice (the case already moved it): a person decides.
  const reversedUnderClawback = underClawback && report.state === "reversed";
  const outcome = foreign || reversedUnderClawback ? ({ kind: "quarantine", reason: "conflicting-report" } as const) : applyReport(payout, report);
  if (outcome.kind === "ignore") return { eventOutcome: "ignored", appliedAt: now, result: "ignored" };
  if (outcome.kind === "quarantine") {
    const doc: QuarantineDoc = {
      partner,
      eventKey: quarantineId,
      reference: report.reference,
      installmentId: id,
      reason: outcome.reason,
      reported: { ...reported, currency: report.currency },
      ours: { state: payout.state, amount: payout.amount },
      at: now,
      status: "open",
    };
    return { quarantine: { id: quarantineId, doc }, eventOutcome: "quarantined", appliedAt: now, result: "quarantined" };
  }
  const patch = report.partnerReference === null ? {} : { partnerReference: report.partnerReference };
  const note = { code: report.code, message: report.message, ...(report.partnerReference === null ? {} : { partnerReference: report.partnerReference }) };
  return { change: changeOf(payout, outcome.transition, source, now, patch, note), eventOutcome: "applied", appliedAt: now, result: "applied" };
}

/**
 * Tells the participant an installment was paid (email, SMS, in-app), once per installment and
 * round: the notification's key is theirs, so a second report of the same payment sends nothing.
 */
export async function notifyPaid(ports: Pick<Ports, "notifications" | "payouts">, id: string): Promise<void> {
  const payout = await ports.payouts.get(id);
  if (payout?.state !== "paid" || payout.partner === null) return;
  // Once per round: a payout paid again after a reversal is told again, with its new reference.
  await ports.notifications.send(`payout-paid-${id}-r${roundOfReference(payout.reference)}`, {
    kind: "payout-paid",
    uid: payout.uid,
    params: {
      amount: payout.amount,
      number: payout.number,
      of: payout.of,
      partnerName: paymentPartner(payout.partner).name,
      partnerReference: payout.partnerReference ?? payout.reference,
    },
  });
}

/** `sending` → `unknown`: no answer we can trust came back, or the lease of the attempt lapsed. Asked about by the status poller. */
export function decideUnknown(payout: PayoutDoc | null, attempt: number, source: TransitionSource, now: Date, code: string): PayoutDecision<ReportResult> {
  if (payout === null || payout.state !== "sending" || payout.attempt !== attempt) return { result: "ignored" };
  const step = transition(payout, "unknown");
  if (!step.ok) return { result: "ignored" };
  return { change: changeOf(payout, step.value, source, now, {}, { code }), result: "applied" };
}
