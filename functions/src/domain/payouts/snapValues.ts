import { done, refused, type Outcome } from "../outcome.js";

/**
 * SNAP's amounts, response codes and transaction statuses (Bank Indonesia SNAP, as published by
 * its payment providers: docs.midtrans.com "Interbank Transfer", "Transfer Status Inquiry",
 * "Customer Top Up", "Error mapping").
 */

/** An amount as SNAP writes it: `{"value":"600000.00","currency":"IDR"}` (String(16,2)). */
export interface SnapAmount {
  value: string;
  currency: string;
}

/** Whole rupiah as a SNAP amount. Programs pay whole rupiah: anything else is a bug, thrown. */
export function snapAmount(rupiah: number): SnapAmount {
  if (!Number.isSafeInteger(rupiah) || rupiah < 0) throw new RangeError(`not a whole, non-negative rupiah amount: ${rupiah}`);
  return { value: `${rupiah}.00`, currency: "IDR" };
}

export type AmountRefusal = "amount-currency" | "amount-format" | "amount-fraction";

/** A SNAP amount as whole rupiah: IDR only, `digits.00` only (no sign, no other cents, at most 16 digits). */
export function rupiahFromSnap(amount: SnapAmount): Outcome<number, AmountRefusal> {
  if (amount.currency !== "IDR") return refused("amount-currency");
  const match = /^(\d{1,16})\.(\d{2})$/.exec(amount.value);
  if (match === null) return refused("amount-format");
  if (match[2] !== "00") return refused("amount-fraction");
  const rupiah = Number(match[1]);
  return Number.isSafeInteger(rupiah) ? done(rupiah) : refused("amount-format");
}

/** SNAP's two-digit service codes of the calls we make. */
export const SNAP_SERVICE = {
  accountInquiryExternal: "16",
  transferInterbank: "18",
  transferStatus: "36",
  emoneyAccountInquiry: "37",
  emoneyTopup: "38",
  emoneyTopupStatus: "39",
  accessTokenB2b: "73",
} as const;

/** A `responseCode` split: HTTP status (3 digits) + service code (2) + case code (2), e.g. `2021800`. */
export interface SnapResponseCode {
  httpStatus: number;
  service: string;
  case: string;
}

export function parseResponseCode(code: string): SnapResponseCode | null {
  const match = /^([1-5]\d{2})(\d{2})(\d{2})$/.exec(code);
  if (match === null) return null;
  return { httpStatus: Number(match[1]), service: match[2] ?? "", case: match[3] ?? "" };
}

export function responseCode(httpStatus: number, service: string, caseCode: string): string {
  return `${httpStatus}${service}${caseCode}`;
}

/**
 * SNAP's `latestTransactionStatus`: 00 success, 01 initiated, 02 paying, 03 pending, 04 refunded,
 * 05 canceled, 06 failed, 07 not found. What each means for a payout: 00 paid; 01–03 accepted
 * (the partner has it, the money has not arrived); 04 reversed (paid, then taken back — the
 * partner's reversal notification says this); 05–06 failed; 07 means the partner has no such
 * transaction (`unknown`): a status answer "not known", and never a valid notification.
 */
export type SnapTransactionState = "paid" | "accepted" | "reversed" | "failed" | "unknown";

const SNAP_TRANSACTION_STATUS: Readonly<Record<string, SnapTransactionState>> = {
  "00": "paid",
  "01": "accepted",
  "02": "accepted",
  "03": "accepted",
  "04": "reversed",
  "05": "failed",
  "06": "failed",
  "07": "unknown",
};

/** What a `latestTransactionStatus` means for a payout; `null` for a code SNAP does not define. */
export function snapTransactionState(status: string): SnapTransactionState | null {
  return Object.hasOwn(SNAP_TRANSACTION_STATUS, status) ? (SNAP_TRANSACTION_STATUS[status] ?? null) : null;
}

/** The status code a partner sends for a payout state (the simulator's side of the table above). */
export const SNAP_STATUS_OF: Record<Exclude<SnapTransactionState, "unknown">, string> = {
  paid: "00",
  accepted: "03",
  reversed: "04",
  failed: "06",
};
