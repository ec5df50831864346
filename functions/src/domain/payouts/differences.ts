/**
 * What the reconciliation report compares and lists (reconciliation.ts): our payouts, partners'
 * statement lines and ledger lines as read, and the differences, every text in them bounded so
 * that a page of them has a known size (reportPages.ts).
 */
import { PAYMENT_PARTNER_CODES, type PaymentPartnerCode } from "./partners.js";
import { ledgerPosition, type LedgerMove, type PayoutState, type PayoutView } from "./payout.js";

export const DIFFERENCE_KINDS = [
  "paid-by-partner-not-by-us",
  "paid-by-us-not-by-partner",
  "amount-differs",
  "reversed-by-partner",
  "ledger-unbalanced",
  "due-not-paid",
  "statement-unavailable",
] as const;
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];

/**
 * Bounds of a difference's text (IDs, references, accounts: printable ASCII, at most 64
 * characters, anything else replaced), so that a page of differences has a known size
 * (reportPages.ts). Our IDs and references are shorter (schedule.ts: at most 48 and 52).
 */
export const TEXT_LIMIT = 64;
/** A ledger comparison lists at most this many accounts whose balance is wrong, the largest gaps first. */
export const LEDGER_ROWS_LIMIT = 6;

export interface Tally {
  count: number;
  amount: number;
}

/** One of our payouts, as the report reads it. */
export interface OurPayout extends PayoutView {
  id: string;
  reference: string;
  paidAt: Date | null;
  dueAt: Date;
  /** The hold's reason, when held. */
  hold: string | null;
}

/** One line of a partner's statement (usecases/ports.ts StatementLine). */
export interface StatementEntry {
  reference: string;
  partnerReference: string;
  state: "paid" | "reversed";
  amount: number;
  at: Date;
}

/** One ledger entry as stored (`payoutLedger`): its accounts are names, which may be ones the program does not know. */
export interface LedgerLine {
  from: string;
  to: string;
  amount: number;
}

export interface Difference {
  kind: DifferenceKind;
  installmentId: string | null;
  partner: PaymentPartnerCode | null;
  reference: string | null;
  /** Rupiah at stake: the payment, the gap between two amounts, or a partner's payments of the day. */
  amount: number;
  ours: { state: PayoutState; amount: number; paidAt: Date | null; dueAt: Date; hold: string | null } | null;
  statement: { state: "paid" | "reversed"; amount: number; partnerReference: string; at: Date } | null;
  ledger: Array<{ account: string; expected: number; actual: number }> | null;
}

export const clip = (text: string): string => text.replace(/[^\x20-\x7e]/gu, "?").slice(0, TEXT_LIMIT);

const ACCOUNTS = new Set<string>([
  "budget",
  "entitlement",
  "returned",
  "clawback",
  ...PAYMENT_PARTNER_CODES.flatMap((code) => [`payout:${code}`, `paid:${code}`]),
]);
const isMove = (line: LedgerLine): line is LedgerMove => ACCOUNTS.has(line.from) && ACCOUNTS.has(line.to);

/** An installment's position (payout.ts ledgerPosition); an entry naming an account the program does not know counts as it is, and never balances. */
export function positionOf(lines: readonly LedgerLine[]): Map<string, number> {
  const position = new Map<string, number>(ledgerPosition(lines.filter(isMove)));
  for (const line of lines.filter((line) => !isMove(line))) {
    position.set(line.from, (position.get(line.from) ?? 0) - line.amount);
    position.set(line.to, (position.get(line.to) ?? 0) + line.amount);
  }
  position.delete("budget");
  for (const [account, balance] of position) if (balance === 0) position.delete(account);
  return position;
}
