import type { MyTraining, MyVoucher } from "@schemas/myTraining.js";
import type { MyTrainingMessageId } from "../../i18n/myTraining.js";

/**
 * What "my training" shows, worked out from the getMyTraining answer and the time now, and the
 * answer changed as each action's own answer says (no need to ask the server again).
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Whole days left until `deadline`, a part of a day counting as a day; 0 once it has passed. */
export function daysLeft(deadline: Date, now: Date): number {
  const left = deadline.getTime() - now.getTime();
  return left <= 0 ? 0 : Math.ceil(left / DAY);
}

export interface Countdown {
  key: Extract<MyTrainingMessageId, `myTraining.countdown.${string}`>;
  params: Record<string, number>;
}

/**
 * The time left until `until` in words ("4 menit 5 detik"), whole seconds rounded up so it never
 * says 0 while any time is left; null once it is over.
 */
export function countdown(until: Date, now: Date): Countdown | null {
  const left = until.getTime() - now.getTime();
  if (left <= 0) return null;
  const seconds = Math.ceil(left / SECOND);
  if (seconds >= 3600) return { key: "myTraining.countdown.hours", params: { hours: Math.floor(seconds / 3600), minutes: Math.floor((seconds % 3600) / 60) } };
  if (seconds >= 60) return { key: "myTraining.countdown.minutes", params: { minutes: Math.floor(seconds / 60), seconds: seconds % 60 } };
  return { key: "myTraining.countdown.seconds", params: { seconds } };
}

/** A voucher's state in words. */
export const STATE_TEXT: Record<MyVoucher["state"], MyTrainingMessageId> = {
  issued: "myTraining.state.issued",
  redeemed: "myTraining.state.redeemed",
  completed: "myTraining.state.completed",
  cancelled: "myTraining.state.cancelled",
  frozen: "myTraining.state.frozen",
};

export interface VoucherActions {
  /** "Batalkan pembelian": within the cooling-off window, before the training starts. */
  cancel: boolean;
  /** "Saya tidak membeli ini": while the code can still be used (bought or redeemed). */
  report: boolean;
  /** The rating and review form: completed, not reviewed yet. */
  review: boolean;
}

export function voucherActions(voucher: MyVoucher, now: Date): VoucherActions {
  const until = voucher.cancellableUntil === null ? null : new Date(voucher.cancellableUntil);
  return {
    cancel: voucher.state === "issued" && until !== null && until.getTime() > now.getTime(),
    report: voucher.state === "issued" || voucher.state === "redeemed",
    review: voucher.state === "completed" && !voucher.reviewed,
  };
}

/** Whether the redeem code still means something to the institution (not cancelled, not frozen). */
export const codeInForce = (voucher: MyVoucher): boolean => voucher.state !== "cancelled" && voucher.state !== "frozen";

/** The sessions attended, in order, for "2 sesi (sesi ke-1, 2)"; null when none. */
export function sessionsAttended(voucher: MyVoucher): { count: number; list: string } | null {
  if (voucher.sessions.length === 0) return null;
  const sorted = [...new Set(voucher.sessions)].sort((a, b) => a - b);
  return { count: sorted.length, list: sorted.join(", ") };
}

const withVoucher = (training: MyTraining, redeemCode: string, change: (voucher: MyVoucher) => MyVoucher): MyTraining => ({
  ...training,
  vouchers: training.vouchers.map((voucher) => (voucher.redeemCode === redeemCode ? change(voucher) : voucher)),
});

/** After cancelPurchase answered: the voucher cancelled, the balance the answer gives. */
export const withCancelled = (training: MyTraining, redeemCode: string, balance: number): MyTraining => ({
  ...withVoucher(training, redeemCode, (voucher) => ({ ...voucher, state: "cancelled", cancellableUntil: null })),
  balance,
});

/** After reportPurchase answered: the voucher frozen pending review, the balance restored. */
export const withReported = (training: MyTraining, redeemCode: string, balance: number): MyTraining => ({
  ...withVoucher(training, redeemCode, (voucher) => ({ ...voucher, state: "frozen", cancellableUntil: null })),
  balance,
});

/** After reviewTraining answered. */
export const withReviewed = (training: MyTraining, redeemCode: string): MyTraining =>
  withVoucher(training, redeemCode, (voucher) => ({ ...voucher, reviewed: true }));

/** After declinePurchase answered: the request no longer waits for a code. */
export const withoutPending = (training: MyTraining, id: string): MyTraining => ({
  ...training,
  pending: training.pending.filter((pending) => pending.id !== id),
});
