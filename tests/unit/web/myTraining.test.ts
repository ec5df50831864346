import { describe, expect, it } from "vitest";
import { MESSAGES } from "../../../functions/src/schemas/messages.js";
import type { MyTraining, MyVoucher } from "../../../functions/src/schemas/myTraining.js";
import { REFUSAL_TEXT } from "../../../functions/src/schemas/refusalMessages.js";
import { actionFailure } from "../../../hosting/src/pages/myTraining/actionFailure.js";
import {
  countdown,
  daysLeft,
  sessionsAttended,
  voucherActions,
  withCancelled,
  withoutPending,
  withReported,
  withReviewed,
} from "../../../hosting/src/pages/myTraining/myTrainingView.js";
import { checkReview } from "../../../hosting/src/pages/myTraining/reviewForm.js";

const NOW = new Date("2026-08-17T07:00:00Z");
const HOUR = 3_600_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);

function voucher(overrides: Partial<MyVoucher> = {}): MyVoucher {
  return {
    redeemCode: "RC-1",
    courseCode: "PMD-001",
    title: "Pemasaran Digital untuk UMKM",
    institution: "Akademi Digital Indonesia",
    platform: "Platform Belajar Digital",
    scheduleCode: "PMD-001-J1",
    startsAt: at(10 * 24 * HOUR).toISOString(),
    amount: 750_000,
    state: "issued",
    sessions: [],
    postTest: false,
    cancellableUntil: at(24 * HOUR).toISOString(),
    reviewed: false,
    ...overrides,
  };
}

const training = (): MyTraining => ({
  prakerjaId: "pid-0001",
  pending: [
    { id: "a".repeat(64), platform: "Platform Belajar Digital", title: "Barista", amount: 1_200_000, code: "123456", expiresAt: at(HOUR).toISOString() },
  ],
  balance: 2_750_000,
  deadline: null,
  vouchers: [voucher(), voucher({ redeemCode: "RC-2", state: "completed", cancellableUntil: null })],
});

/** A FunctionsError as the web SDK throws it: the code with its prefix, the edge's details. */
const thrown = (code: string, details?: unknown) => Object.assign(new Error(code), { code: `functions/${code}`, details });

describe("the first-purchase deadline in days", () => {
  it("when part of a day is left, then it counts as a day; when the deadline has passed or is now, then 0", () => {
    expect(daysLeft(at(30 * 24 * HOUR), NOW)).toBe(30);
    expect(daysLeft(at(29 * 24 * HOUR + 1), NOW)).toBe(30);
    expect(daysLeft(at(1), NOW)).toBe(1);
    expect(daysLeft(NOW, NOW)).toBe(0);
    expect(daysLeft(at(-HOUR), NOW)).toBe(0);
  });
});

describe("the countdown to a code's expiry", () => {
  it("when minutes are left, then minutes and seconds, rounded up so it never says 0 while time is left", () => {
    expect(countdown(at(5 * 60_000), NOW)).toEqual({ key: "myTraining.countdown.minutes", params: { minutes: 5, seconds: 0 } });
    expect(countdown(at(4 * 60_000 + 4_001), NOW)).toEqual({ key: "myTraining.countdown.minutes", params: { minutes: 4, seconds: 5 } });
    expect(countdown(at(1), NOW)).toEqual({ key: "myTraining.countdown.seconds", params: { seconds: 1 } });
  });

  it("when an hour or more is left, then hours and minutes; when it is over, then null", () => {
    expect(countdown(at(25 * HOUR + 90_000), NOW)).toEqual({ key: "myTraining.countdown.hours", params: { hours: 25, minutes: 1 } });
    expect(countdown(NOW, NOW)).toBeNull();
    expect(countdown(at(-1), NOW)).toBeNull();
  });
});

describe("what a participant can do about a voucher", () => {
  it("when it is bought and within the cancellation window, then cancel and report", () => {
    expect(voucherActions(voucher(), NOW)).toEqual({ cancel: true, report: true, review: false });
  });

  it("when the window has closed on the clock since the page was read, then report only", () => {
    expect(voucherActions(voucher({ cancellableUntil: at(-1).toISOString() }), NOW)).toEqual({ cancel: false, report: true, review: false });
    expect(voucherActions(voucher({ cancellableUntil: null }), NOW)).toEqual({ cancel: false, report: true, review: false });
  });

  it("when it is redeemed, then report only; completed and not reviewed, then review; otherwise nothing", () => {
    expect(voucherActions(voucher({ state: "redeemed", cancellableUntil: null }), NOW)).toEqual({ cancel: false, report: true, review: false });
    expect(voucherActions(voucher({ state: "completed", cancellableUntil: null }), NOW)).toEqual({ cancel: false, report: false, review: true });
    const none = { cancel: false, report: false, review: false };
    expect(voucherActions(voucher({ state: "completed", reviewed: true, cancellableUntil: null }), NOW)).toEqual(none);
    expect(voucherActions(voucher({ state: "cancelled", cancellableUntil: null }), NOW)).toEqual(none);
    expect(voucherActions(voucher({ state: "frozen", cancellableUntil: null }), NOW)).toEqual(none);
  });

  it("when sessions were attended out of order or twice, then they are listed once, in order", () => {
    expect(sessionsAttended(voucher())).toBeNull();
    expect(sessionsAttended(voucher({ sessions: [3, 1, 3] }))).toEqual({ count: 2, list: "1, 3" });
  });
});

describe("the page after an action's answer", () => {
  it("when a purchase is cancelled or reported, then that voucher alone changes and the balance is the answer's", () => {
    const cancelled = withCancelled(training(), "RC-1", 3_500_000);
    expect(cancelled.balance).toBe(3_500_000);
    expect(cancelled.vouchers.map((v) => [v.redeemCode, v.state, v.cancellableUntil])).toEqual([
      ["RC-1", "cancelled", null],
      ["RC-2", "completed", null],
    ]);
    const reported = withReported(training(), "RC-1", 3_500_000);
    expect(reported.vouchers[0]).toMatchObject({ state: "frozen", cancellableUntil: null });
    expect(reported.balance).toBe(3_500_000);
  });

  it("when a training is reviewed or a request declined, then only that one changes", () => {
    expect(withReviewed(training(), "RC-2").vouchers.map((v) => v.reviewed)).toEqual([false, true]);
    expect(withoutPending(training(), "a".repeat(64)).pending).toEqual([]);
    expect(withoutPending(training(), "b".repeat(64)).pending).toHaveLength(1);
  });
});

describe("what a refused action shows", () => {
  it("when the server gives a refusal reason of that callable, then its shared text in both languages", () => {
    expect(actionFailure("cancelPurchase", thrown("failed-precondition", { reason: "cooling-off-over" }))).toEqual({
      kind: "refusal",
      reason: "cooling-off-over",
      text: REFUSAL_TEXT["cooling-off-over"],
    });
    expect(actionFailure("declinePurchase", thrown("not-found", { reason: "purchase-not-found" }))).toMatchObject({
      kind: "refusal",
      reason: "purchase-not-found",
    });
  });

  it("when the reason belongs to another callable, or there is none, then this page's own message by code", () => {
    expect(actionFailure("reportPurchase", thrown("failed-precondition", { reason: "cooling-off-over" }))).toEqual({
      kind: "message",
      message: "myTraining.other",
    });
    expect(actionFailure("reviewTraining", thrown("unavailable"))).toEqual({ kind: "message", message: "myTraining.unavailable" });
    expect(actionFailure("reviewTraining", thrown("unauthenticated"))).toEqual({ kind: "message", message: "myTraining.unauthenticated" });
    expect(actionFailure("reviewTraining", new Error("offline"))).toEqual({ kind: "message", message: "myTraining.other" });
  });

  it("when the input was refused field by field, then the edge's field messages", () => {
    const fields = [{ field: "rating", code: "custom", message: MESSAGES["review-rating"] }];
    expect(actionFailure("reviewTraining", thrown("invalid-argument", { fields }))).toEqual({ kind: "fields", errors: fields });
  });
});

describe("the review form, checked with the callable's schema", () => {
  it("when no rating is chosen, then the shared rating message", () => {
    const checked = checkReview("RC-2", { rating: "", text: "" });
    expect(checked).toMatchObject({ ok: false, errors: { rating: { field: "rating", message: MESSAGES["review-rating"] } } });
  });

  it("when the review is longer than 2,000 characters after trimming, then the shared length message", () => {
    expect(checkReview("RC-2", { rating: "4", text: `  ${"a".repeat(2000)}  ` })).toMatchObject({ ok: true, input: { rating: 4, text: "a".repeat(2000) } });
    expect(checkReview("RC-2", { rating: "4", text: "a".repeat(2001) })).toMatchObject({
      ok: false,
      errors: { text: { message: MESSAGES["review-text-long"] } },
    });
  });

  it("when a rating is chosen and the review left empty, then the input the callable takes", () => {
    expect(checkReview("RC-2", { rating: "5", text: "" })).toEqual({ ok: true, input: { redeemCode: "RC-2", rating: 5, text: "" } });
  });

  it("when the redeem code is missing, then the problem is the whole form's", () => {
    expect(checkReview("", { rating: "5", text: "" })).toMatchObject({ ok: false, errors: { form: { field: "redeemCode" } } });
  });
});
