/**
 * A participant's incentive installments, made once when the first training is completed and
 * reviewed (the entitlement). Source: DOMAIN.md "Incentives and payments" — 2020: Rp 600,000 a
 * month for 4 months after the first completed training; 2023: Rp 600,000 once; "payouts arrive
 * 3–5 working days after the first training's review". The amounts and count come from the
 * program year (`incentive.amountPerInstallment`, `incentive.installments`).
 *
 * The first installment is due `FIRST_PAYOUT_WORKING_DAYS` working days (Monday–Friday in
 * Asia/Jakarta; public holidays are not known here) after the review, the next ones a month apart
 * on the same day of the month (the last day of a shorter month). Survey incentives (2020:
 * Rp 50,000 × 3) are paid for a completed survey, which the program does not record yet: none are
 * scheduled.
 */
export const FIRST_PAYOUT_WORKING_DAYS = 3;

export interface PlannedInstallment {
  /** 1-based. */
  number: number;
  of: number;
  /** Rupiah. */
  amount: number;
  dueAt: Date;
}

/** Jakarta is UTC+7 all year (no daylight saving). */
const JAKARTA_OFFSET_MS = 7 * 3600_000;

function addWorkingDays(from: Date, days: number): Date {
  const local = new Date(from.getTime() + JAKARTA_OFFSET_MS);
  let left = days;
  while (left > 0) {
    local.setUTCDate(local.getUTCDate() + 1);
    const weekday = local.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  // Due at 00:00 Jakarta time of that day: the morning's dispatch pays it.
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - JAKARTA_OFFSET_MS);
}

function addMonths(dueAt: Date, months: number): Date {
  const local = new Date(dueAt.getTime() + JAKARTA_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(local.getUTCDate(), lastDay)) - JAKARTA_OFFSET_MS);
}

/** The installments of one participant for `incentive`, the first due 3 working days after `reviewedAt`. */
/** The program year's incentive figures (schemas/documents.ts `programYearDoc.incentive`), rupiah. */
export interface IncentiveRules {
  amountPerInstallment: number;
  installments: number;
}

export function installmentSchedule(incentive: IncentiveRules, reviewedAt: Date): PlannedInstallment[] {
  const first = addWorkingDays(reviewedAt, FIRST_PAYOUT_WORKING_DAYS);
  return Array.from({ length: incentive.installments }, (_, index) => ({
    number: index + 1,
    of: incentive.installments,
    amount: incentive.amountPerInstallment,
    dueAt: addMonths(first, index),
  }));
}

/**
 * The installment's ID and idempotency key: `{uid}-{programYear}-{number}` — a Firebase uid, no
 * personal data. The same key is the partner's `partnerReferenceNo` on every attempt, so the
 * partner can never be made to pay one installment twice.
 */
export const installmentId = (uid: string, programYear: number, number: number): string => `${uid}-${programYear}-${number}`;

/**
 * The partner reference of an installment (SNAP `partnerReferenceNo`, at most 64 characters): its
 * ID, prefixed — the same on every attempt, so a partner can never pay one installment twice. A
 * payout released after a reversal is a new round at the partner (the partner keeps the reversed
 * transaction under the old reference): round n > 0 is suffixed `-R{n}`. Uids are Firebase's
 * (28 characters; at most 40 of letters, digits, `-`, `_` fit).
 */
export const payoutReference = (installment: string, round = 0): string => `PKJ-${installment}${round === 0 ? "" : `-R${round}`}`;

const REFERENCE = /^PKJ-([A-Za-z0-9_-]{1,40}-\d{4}-\d{1,2})(?:-R(\d{1,3}))?$/;

/** The installment a partner reference names, or null when it is not one of ours. */
export function installmentOfReference(reference: string): string | null {
  return REFERENCE.exec(reference)?.[1] ?? null;
}

/**
 * The reference of the next round: a payout paid again after a reversal, or sent again after a
 * definitive refusal, is a new transaction at the partner, which keeps the old one under the old
 * reference (and would answer it again). A payout the partner never received keeps its reference.
 */
export function nextRoundReference(reference: string): string {
  const installment = installmentOfReference(reference);
  if (installment === null) throw new Error(`not a payout reference: ${reference}`);
  return payoutReference(installment, roundOfReference(reference) + 1);
}

/** The round of a reference (0 for the first). */
export function roundOfReference(reference: string): number {
  return Number(REFERENCE.exec(reference)?.[2] ?? 0);
}

/** SNAP's `X-EXTERNAL-ID` of one attempt (unique per partner per day, at most 36 digits): digits of the attempt's key hash. */
export function externalIdDigits(hashHex: string): string {
  return BigInt(`0x${hashHex.slice(0, 28)}`)
    .toString()
    .padStart(34, "0")
    .slice(0, 34);
}
