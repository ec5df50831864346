import type { HOLD_REASONS, MyPayouts } from "@schemas/payouts.js";
import type { PayoutState } from "@schemas/payoutViews.js";
import type { MyPayoutsMessageId } from "../../i18n/myPayouts.js";

/**
 * What "my incentives" shows, worked out from the getMyPayouts answer: each state and hold in
 * words, each timeline event as what happened and who said so, and what the participant can do.
 */

export const STATE_TEXT: Record<PayoutState, MyPayoutsMessageId> = {
  scheduled: "myPayouts.state.scheduled",
  queued: "myPayouts.state.queued",
  sending: "myPayouts.state.sending",
  sent: "myPayouts.state.sent",
  unknown: "myPayouts.state.unknown",
  paid: "myPayouts.state.paid",
  failed: "myPayouts.state.failed",
  reversed: "myPayouts.state.reversed",
  held: "myPayouts.state.held",
  cancelled: "myPayouts.state.cancelled",
};

export const EVENT_TEXT: Record<PayoutState, MyPayoutsMessageId> = {
  scheduled: "myPayouts.event.scheduled",
  queued: "myPayouts.event.queued",
  sending: "myPayouts.event.sending",
  sent: "myPayouts.event.sent",
  unknown: "myPayouts.event.unknown",
  paid: "myPayouts.event.paid",
  failed: "myPayouts.event.failed",
  reversed: "myPayouts.event.reversed",
  held: "myPayouts.event.held",
  cancelled: "myPayouts.event.cancelled",
};

type HoldReason = (typeof HOLD_REASONS)[number];
// From the shared schema, not data/payouts.ts: this module stays free of the Firebase client (unit-tested alone).
type MyInstallment = MyPayouts["installments"][number];
type MyPayoutEvent = MyInstallment["events"][number];
type MyPayoutCase = MyPayouts["cases"][number];

const HOLD_TEXT: Record<HoldReason, MyPayoutsMessageId> = {
  eligibility: "myPayouts.hold.eligibility",
  "no-account": "myPayouts.hold.no-account",
  "account-review": "myPayouts.hold.account-review",
  reversed: "myPayouts.hold.reversed",
  "quarantined-report": "myPayouts.hold.quarantined-report",
  clawback: "myPayouts.hold.clawback",
};

const isHoldReason = (reason: string): reason is HoldReason => Object.prototype.hasOwnProperty.call(HOLD_TEXT, reason);

/** A held installment's reason in words; null when it is not held or the reason is not one this app knows. */
export const holdText = (installment: MyInstallment): MyPayoutsMessageId | null =>
  installment.hold !== null && isHoldReason(installment.hold) ? HOLD_TEXT[installment.hold] : null;

// The partner's own reports are said to be the partner's; the rest are the program's doing.
const SOURCE_TEXT: Partial<Record<string, MyPayoutsMessageId>> = {
  "partner-answer": "myPayouts.source.partner-answer",
  notification: "myPayouts.source.notification",
  "status-poll": "myPayouts.source.status-poll",
  review: "myPayouts.source.review",
};

export const sourceText = (event: MyPayoutEvent): MyPayoutsMessageId => SOURCE_TEXT[event.source] ?? "myPayouts.source.program";

const PARTNER_SOURCES = new Set(["partner-answer", "notification", "status-poll"]);

/** The partner's own code and message ("2005600 Successful"), for a step the partner reported; null for the program's own steps (their codes are ours). */
export const partnerWords = (event: MyPayoutEvent): string | null =>
  PARTNER_SOURCES.has(event.source) && event.code !== null ? [event.code, event.message].filter(Boolean).join(" ") : null;

/** Newest first: the latest news about the money is what a worried participant looks for. */
export const newestFirst = (events: readonly MyPayoutEvent[]): MyPayoutEvent[] => [...events].sort((a, b) => b.at.localeCompare(a.at));

/** The participant's latest report on this installment, if any. */
export const caseOf = (payouts: MyPayouts, installmentId: string): MyPayoutCase | null =>
  payouts.cases.filter((entry) => entry.installmentId === installmentId).sort((a, b) => b.openedAt.localeCompare(a.openedAt))[0] ?? null;

/** "Not received" / "received less" is offered on a paid installment with no report still open. */
export const mayReport = (installment: MyInstallment, latest: MyPayoutCase | null): boolean => installment.state === "paid" && latest?.status !== "open";

/** After reportPayout answered: its case among the participant's (replacing the one with the same ID). */
export const withCase = (payouts: MyPayouts, opened: MyPayoutCase): MyPayouts => ({
  ...payouts,
  cases: [opened, ...payouts.cases.filter((entry) => entry.id !== opened.id)],
});

/** The rupiah typed in "received less": digits only (dots and spaces as typed in Indonesia are dropped); null when it is not a whole number. */
export function typedRupiah(text: string): number | null {
  const digits = text.replace(/[\s.,]/g, "").replace(/^Rp/i, "");
  return /^\d{1,12}$/.test(digits) ? Number(digits) : null;
}
