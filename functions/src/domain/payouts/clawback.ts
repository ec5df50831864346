/**
 * Clawback: a paid installment found improper later (an exclusion-list hit, fraud, a duplicate)
 * must be repaid within the program year's `repaymentDays` (the regulation: 60 days), then it
 * goes to a civil claim (DOMAIN.md "Incentives and payments").
 *
 *   open ──(repayments reach the amount)──▶ repaid
 *     ╰──(deadline lapses, something owed)──▶ escalated ──(repayments reach the amount)──▶ repaid
 *
 * The money moves in the payout ledger: opening moves the paid amount from `paid:<partner>` to
 * `clawback` (owed back to the budget), each repayment moves its part from `clawback` to
 * `returned`. The payout itself stays `paid`: the participant was paid, and now owes it back. So
 * an installment with a clawback must hold `clawback: outstanding, returned: repaid` instead of
 * `paid:<partner>: amount` (`expectedPositionWith`). A claim collected after escalation is still
 * a repayment; escalation itself moves no money.
 */
import { done, refused, type Outcome } from "../outcome.js";
import type { PaymentPartnerCode } from "./partners.js";
import { expectedPosition, type LedgerAccount, type LedgerMove, type PayoutView } from "./payout.js";

export const CLAWBACK_STATUSES = ["open", "repaid", "escalated"] as const;
export type ClawbackStatus = (typeof CLAWBACK_STATUSES)[number];

/** Why a paid installment is taken back. */
export const CLAWBACK_REASONS = ["exclusion-list", "fraud", "duplicate", "other"] as const;
export type ClawbackReason = (typeof CLAWBACK_REASONS)[number];

/** The part of a clawback case the rules read. */
export interface ClawbackView {
  status: ClawbackStatus;
  /** Rupiah taken back: the installment's amount. */
  amount: number;
  /** Rupiah repaid so far. */
  repaid: number;
  deadline: Date;
}

const JAKARTA_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

/**
 * The moment a case opened at `openedAt` lapses: the end (24:00, Asia/Jakarta) of the
 * `repaymentDays`-th calendar day after the day it opened, so the whole last day counts.
 */
export function repaymentDeadline(openedAt: Date, repaymentDays: number): Date {
  const localMidnight = Math.floor((openedAt.getTime() + JAKARTA_OFFSET_MS) / DAY_MS) * DAY_MS;
  return new Date(localMidnight + (repaymentDays + 1) * DAY_MS - JAKARTA_OFFSET_MS);
}

export const outstandingOf = (clawback: Pick<ClawbackView, "amount" | "repaid">): number => clawback.amount - clawback.repaid;

/** The ledger move of opening a case on a payout paid through `partner`. */
export const openingMove = (partner: PaymentPartnerCode, amount: number): LedgerMove => ({ from: `paid:${partner}`, to: "clawback", amount });

/** The ledger move of one repayment. */
export const repaymentMove = (amount: number): LedgerMove => ({ from: "clawback", to: "returned", amount });

export type RepaymentRefusal = "clawback-repaid" | "amount-exceeds-outstanding";

/** A repayment of `amount` rupiah (positive): partial is fine, more than is owed never is. */
export function repay(clawback: ClawbackView, amount: number): Outcome<{ repaid: number; outstanding: number; status: ClawbackStatus }, RepaymentRefusal> {
  if (clawback.status === "repaid") return refused("clawback-repaid");
  const outstanding = outstandingOf(clawback);
  if (amount > outstanding) return refused("amount-exceeds-outstanding", { outstanding });
  const repaid = clawback.repaid + amount;
  return done({ repaid, outstanding: outstanding - amount, status: repaid === clawback.amount ? "repaid" : clawback.status });
}

/** Whether the daily job escalates the case at `now`: still open, past its deadline, something owed. */
export const isLapsed = (clawback: ClawbackView, now: Date): boolean =>
  clawback.status === "open" && clawback.deadline.getTime() <= now.getTime() && outstandingOf(clawback) > 0;

/**
 * The ledger position an installment must have, given its clawback case (or none). With a case,
 * the paid amount has left `paid:<partner>` whatever the payout's state says: a payout reversed
 * by its partner after a clawback opened no longer matches, and the report shows it (the money
 * would come back twice).
 */
export function expectedPositionWith(payout: PayoutView, clawback: Pick<ClawbackView, "amount" | "repaid"> | null): Map<LedgerAccount, number> {
  if (clawback === null) return expectedPosition(payout);
  const position = new Map<LedgerAccount, number>();
  if (outstandingOf(clawback) > 0) position.set("clawback", outstandingOf(clawback));
  if (clawback.repaid > 0) position.set("returned", clawback.repaid);
  return position;
}
