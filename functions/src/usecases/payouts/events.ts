import { createHash } from "node:crypto";
import { done, refused, type Outcome } from "../../domain/outcome.js";
import type { PaymentPartnerCode } from "../../domain/payouts/partners.js";
import { installmentOfReference } from "../../domain/payouts/schedule.js";
import type { PaymentEventDoc, QuarantineDoc } from "../../schemas/payouts.js";
import type { IncomingNotification, NotificationRefusal, Ports } from "../ports.js";
import { decideReport, notifyPaid, type ReportResult } from "./apply.js";

/** `paymentEvents/{key}`: the partner and a hash of its event ID (partners' IDs may hold any characters). */
export const paymentEventKey = (partner: PaymentPartnerCode, eventId: string) => `${partner}-${createHash("sha256").update(eventId).digest("base64url")}`;

/** The task that applies a stored event: one per event. */
export const applyEventTaskKey = (key: string) => `payment-event-${key}`;

export interface Received {
  /** `stored`: new, its task enqueued; `duplicate`: stored before (a redelivery): nothing changed. */
  kind: "stored" | "duplicate";
  key: string;
}

/**
 * A payment partner's notification, at the webhook (functions/payments.ts): verified by the
 * partner's adapter over the raw body (signature or callback token, timestamp window), then stored
 * once under its event ID and handed to a task, so the partner gets its answer fast. A duplicate
 * answers the same and changes nothing; one that reuses the ID with other content is also put
 * aside for the program office (`putAsideIfContradicting`). Refusals are answered 401/400 and write nothing.
 * Writes: 1 event document + 1 task.
 */
export async function receivePaymentNotification(
  ports: Pick<Ports, "paymentPartners" | "payouts" | "tasks" | "clock">,
  partner: PaymentPartnerCode,
  request: IncomingNotification,
): Promise<Outcome<Received, NotificationRefusal>> {
  const now = ports.clock.now();
  const verified = ports.paymentPartners.get(partner).verifyNotification(request, now);
  if (!verified.ok) return refused(verified.reason, verified.details);
  const { eventId, report } = verified.value;
  const key = paymentEventKey(partner, eventId);
  const event: PaymentEventDoc = {
    partner,
    eventId,
    reference: report.reference,
    state: report.state,
    amount: report.amount,
    currency: report.currency,
    partnerReference: report.partnerReference,
    code: report.code,
    message: report.message,
    reportedAt: report.at,
    receivedAt: now,
    outcome: "pending",
    appliedAt: null,
  };
  const stored = await ports.payouts.recordEvent(key, event);
  if (!stored) await putAsideIfContradicting(ports, key, event, request.rawBody);
  // Enqueued on a duplicate too: the first delivery may have been stored and its enqueue lost; the task's key makes it once.
  await ports.tasks.enqueue("applyPaymentEvent", { key }, { key: applyEventTaskKey(key) });
  return done({ kind: stored ? "stored" : "duplicate", key });
}

/**
 * The task behind the webhook: applies a stored partner event to its payout in one transaction —
 * forward only, a duplicate or stale report ignored, an unknown reference or a mismatched amount
 * or currency quarantined for the program office (domain/payouts/payout.ts applyReport). An event
 * already applied changes nothing (a task delivered twice).
 */
export async function applyPaymentEvent(
  ports: Pick<Ports, "payouts" | "notifications" | "clock" | "audit">,
  key: string,
): Promise<Outcome<ReportResult | "already-applied", "event-not-found">> {
  const now = ports.clock.now();
  // The reference says which payout: read the event once to know it (the transaction reads it again).
  const first = await ports.payouts.event(key);
  if (first === null) return refused("event-not-found");
  if (first.outcome !== "pending") return done("already-applied");
  const installment = installmentOfReference(first.reference);
  if (installment === null) {
    const doc: QuarantineDoc = {
      partner: first.partner,
      eventKey: key,
      reference: first.reference,
      installmentId: null,
      reason: "unknown-reference",
      reported: { state: first.state, amount: first.amount, currency: first.currency, code: first.code },
      ours: null,
      at: now,
      status: "open",
    };
    await ports.payouts.quarantine(key, doc, key);
    return done("quarantined");
  }
  const result = await ports.payouts.change(installment, { eventKey: key }, ({ payout, event, clawback }) => {
    if (event === null) return { result: "already-applied" as const };
    if (event.outcome !== "pending") return { result: "already-applied" as const };
    const report = {
      state: event.state,
      reference: event.reference,
      partnerReference: event.partnerReference,
      amount: event.amount,
      currency: event.currency,
      code: event.code,
      message: event.message,
      at: event.reportedAt,
    };
    return decideReport(installment, payout, report, "notification", now, key, event.partner, clawback);
  });
  if (result === "applied" && first.state === "paid") await notifyPaid(ports, installment);
  // Money came back from the partner: on the audit log, under the event's key (a task run twice records it once).
  if (result === "applied" && first.state === "reversed")
    await ports.audit.append({
      act: "reverse-payout",
      actor: "system",
      role: "system",
      target: installment,
      key: key,
      at: now,
      details: { partner: first.partner, code: first.code, ...(first.amount === null ? {} : { amount: first.amount }) },
    });
  return done(result);
}

/**
 * A redelivery is the same event again. One that reuses a stored event's ID with another state,
 * amount, currency or reference is not: a partner's bug could hide a reversal behind a "duplicate".
 * It is put aside for the program office (once per distinct body) and never applied.
 */
async function putAsideIfContradicting(ports: Pick<Ports, "payouts">, key: string, event: PaymentEventDoc, rawBody: Buffer): Promise<void> {
  const first = await ports.payouts.event(key);
  if (first === null) return;
  const same = first.reference === event.reference && first.state === event.state && first.amount === event.amount && first.currency === event.currency;
  if (same) return;
  const doc: QuarantineDoc = {
    partner: event.partner,
    eventKey: key,
    reference: event.reference,
    installmentId: installmentOfReference(event.reference),
    reason: "conflicting-report",
    reported: { state: event.state, amount: event.amount, currency: event.currency, code: event.code },
    ours: null,
    at: event.receivedAt,
    status: "open",
  };
  await ports.payouts.putAside(`${key}-${createHash("sha256").update(rawBody).digest("base64url").slice(0, 16)}`, doc);
}
