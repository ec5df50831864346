import { describe, expect, it } from "vitest";
import { invoiceKey } from "../../../functions/src/domain/training/codes.js";
import { cancelMyPurchase, reportPurchase, voidPurchase } from "../../../functions/src/usecases/training/cancel.js";
import { declinePurchase, myTraining, reviewTraining } from "../../../functions/src/usecases/training/participant.js";
import { authorizePurchase, paymentStatus, quotaSchedule, sendPurchaseOtp } from "../../../functions/src/usecases/training/purchase.js";
import { commitRedeem, redeemStatus } from "../../../functions/src/usecases/training/redeem.js";
import { browseCatalogue } from "../../../functions/src/usecases/browseCatalogue.js";
import { runDeadlines } from "../../../functions/src/usecases/training/deadlines.js";
import { writesOf } from "./fixtures.js";
import { INSTITUTION, LPK, OFFLINE, OTHER_PLATFORM, otpFor, participant, PLATFORM, SELF_PACED, trainingSetup, WEBINAR } from "./trainingFixtures.js";
import type { MemoryPorts } from "../../../functions/src/adapters/memory/index.js";

/** Buying, redeeming, attending, completing, cancelling and reviewing a training, through the memory adapters. */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function bought(memory: MemoryPorts, uid: string, pid: string, course = SELF_PACED, invoice = `INV-${uid}-${course.courseCode}`) {
  const { token, otp } = await otpFor(memory, uid, pid, course);
  const result = await authorizePurchase(memory, PLATFORM, { token, otp, invoiceCode: invoice, invoiceUrl: `https://platform.test/invoice/${invoice}` });
  if (!result.ok) throw new Error(result.reason);
  const purchase = memory.state.purchases.read(invoiceKey(PLATFORM.clientCode, invoice))!;
  return { ...result.value, redeemCode: purchase.redeemCode, token, otp };
}

describe("buying a training with the balance (the published digital-platform flow)", () => {
  it("when a platform checks a schedule's quota, then seats left are answered; a self-paced one is unlimited", async () => {
    const memory = trainingSetup();
    expect(await quotaSchedule(memory, { courseCode: WEBINAR.courseCode, scheduleCode: WEBINAR.scheduleCode })).toEqual({
      ok: true,
      value: { schedule_code: "AKT-002-J1", course_code: "AKT-002", quota: 300, unlimited: false },
    });
    expect(await quotaSchedule(memory, { courseCode: SELF_PACED.courseCode, scheduleCode: SELF_PACED.scheduleCode })).toMatchObject({
      value: { quota: 100_000, unlimited: true },
    });
    expect(await quotaSchedule(memory, { courseCode: SELF_PACED.courseCode, scheduleCode: WEBINAR.scheduleCode })).toEqual({
      ok: false,
      reason: "schedule-course-mismatch",
    });
  });

  it("when a platform asks for an OTP, then the participant is sent a 6-digit code; the token is stored only as its hash, the code for the participant's app", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    const { token, otp } = await otpFor(memory, "u1", pid, SELF_PACED);
    expect(otp).toMatch(/^\d{6}$/);
    const [stored] = [...memory.state.paymentTokens.values()];
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored?.otp).toBe(otp);
    expect(stored).toMatchObject({ platformCode: "platform-belajar", uid: "u1", courseCode: "PMD-001", amount: 750_000, attempts: 0 });
  });

  it("when the OTP is right, then the balance is deducted, a voucher issued and the invoice recorded, in one go", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    const { token, otp } = await otpFor(memory, "u1", pid, WEBINAR);
    const { result, writes } = await writesOf(memory, () =>
      authorizePurchase(memory, PLATFORM, { token, otp, invoiceCode: "INV-1", invoiceUrl: "https://platform.test/i/1" }),
    );
    expect(result).toMatchObject({ ok: true, value: { invoice_code: "INV-1", amount: 500_000, status: "SUCCESS", prakerja_name: "Siti N********" } });
    const applicant = memory.state.applicants.read("u1")!;
    expect(applicant).toMatchObject({ trainingBalance: 3_000_000, lapseAt: null, remindAt: null });
    expect(applicant.firstPurchaseAt).toEqual(memory.clock.now());
    expect(memory.state.schedules.read(WEBINAR.scheduleCode)?.booked).toBe(1);
    const [voucher] = [...memory.state.vouchers.values()];
    expect(voucher).toMatchObject({
      uid: "u1",
      courseCode: "AKT-002",
      institutionCode: "akademi-digital",
      platformCode: "platform-belajar",
      amount: 500_000,
      state: "issued",
    });
    expect(voucher?.redeemCode).toMatch(/^[2-9A-HJKMNP-Z]{12}$/);
    expect(writes.filter((w) => !w.startsWith("mail/") && !w.startsWith("sms/") && !w.includes("/inbox/"))).toEqual([
      "applicants/u1",
      "schedules/AKT-002-J1",
      `vouchers/${voucher?.redeemCode}`,
      `purchases/${invoiceKey("platform-belajar", "INV-1")}`,
      expect.stringMatching(/^paymentTokens\//),
      `applicants/u1/timeline/bought-${voucher?.redeemCode}`,
    ]);
  });

  it("when the same invoice is authorized again with the same token, then the answer is the same and nothing is written", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    const first = await bought(memory, "u1", pid, SELF_PACED, "INV-9");
    const again = await writesOf(memory, () =>
      authorizePurchase(memory, PLATFORM, { token: first.token, otp: first.otp, invoiceCode: "INV-9", invoiceUrl: "https://platform.test/i/9" }),
    );
    expect(again.writes).toEqual([]);
    expect(again.result).toMatchObject({ ok: true, value: { invoice_code: "INV-9", transaction_code: first.transaction_code } });
    expect(memory.state.applicants.read("u1")?.trainingBalance).toBe(2_750_000);
  });

  it("when the OTP is wrong, then each attempt counts; after five the token is spent, even with the right code", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    const { token, otp } = await otpFor(memory, "u1", pid, SELF_PACED);
    const wrong = otp === "000000" ? "111111" : "000000";
    const ask = (code: string) => authorizePurchase(memory, PLATFORM, { token, otp: code, invoiceCode: "INV-2", invoiceUrl: "https://platform.test/i/2" });
    const results = [];
    for (let i = 0; i < 5; i += 1) results.push(await ask(wrong));
    expect(results.map((r) => (r.ok ? "ok" : [r.reason, r.details?.attemptsLeft]))).toEqual([
      ["otp-invalid", 4],
      ["otp-invalid", 3],
      ["otp-invalid", 2],
      ["otp-invalid", 1],
      ["otp-attempts-exceeded", 0],
    ]);
    expect(await ask(otp)).toEqual({ ok: false, reason: "otp-attempts-exceeded" });
    expect(memory.state.applicants.read("u1")?.trainingBalance).toBe(3_500_000);
    expect(memory.state.vouchers.size).toBe(0);
  });

  it("when another platform uses the token, or it expired, or the invoice code was used with another token, then each is refused and nothing is bought", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    const a = await otpFor(memory, "u1", pid, SELF_PACED);
    expect(await authorizePurchase(memory, OTHER_PLATFORM, { token: a.token, otp: a.otp, invoiceCode: "X", invoiceUrl: "https://x.test/x" })).toEqual({
      ok: false,
      reason: "payment-token-invalid",
    });
    memory.clock.advance(5 * 60_000);
    expect(await authorizePurchase(memory, PLATFORM, { token: a.token, otp: a.otp, invoiceCode: "X", invoiceUrl: "https://x.test/x" })).toEqual({
      ok: false,
      reason: "payment-token-expired",
    });
    await bought(memory, "u1", pid, WEBINAR, "INV-USED");
    const b = await otpFor(memory, "u1", pid, OFFLINE);
    expect(await authorizePurchase(memory, PLATFORM, { token: b.token, otp: b.otp, invoiceCode: "INV-USED", invoiceUrl: "https://x.test/x" })).toEqual({
      ok: false,
      reason: "invoice-code-used",
    });
    expect(memory.state.vouchers.size).toBe(1);
  });

  it("when the purchase is not possible, then send-otp says why with what it found, and sends nothing", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    const ask = (over: Partial<{ prakerjaId: string; courseCode: string; scheduleCode: string; amount: number }>, platform = PLATFORM) =>
      sendPurchaseOtp(memory, platform, {
        userPlatformId: "user-1",
        prakerjaId: pid,
        courseCode: SELF_PACED.courseCode,
        scheduleCode: SELF_PACED.scheduleCode,
        amount: SELF_PACED.price,
        ...over,
      });
    expect(await ask({ prakerjaId: "nobody" })).toEqual({ ok: false, reason: "participant-unknown" });
    expect(await ask({ courseCode: "NOPE-1" })).toEqual({ ok: false, reason: "course-unknown" });
    expect(await ask({ courseCode: OFFLINE.courseCode, scheduleCode: OFFLINE.scheduleCode, amount: OFFLINE.price }, OTHER_PLATFORM)).toEqual({
      ok: false,
      reason: "training-not-sold-here",
    });
    expect(await ask({ amount: 1 })).toEqual({ ok: false, reason: "amount-mismatch", details: { amount: 1, price: 750_000 } });
    memory.clock.advance(10 * DAY);
    expect(await ask({})).toEqual({ ok: false, reason: "schedule-started" });
    expect(memory.state.paymentTokens.size).toBe(0);
    expect(memory.state.sms.size).toBe(0);
  });

  it("when the balance is lower than the price, then balance-too-low names both, and an offline training elsewhere is not open", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    memory.state.applicants.set("u1", { ...memory.state.applicants.read("u1")!, trainingBalance: 400_000 });
    expect(
      await sendPurchaseOtp(memory, PLATFORM, {
        userPlatformId: "u",
        prakerjaId: pid,
        courseCode: WEBINAR.courseCode,
        scheduleCode: WEBINAR.scheduleCode,
        amount: WEBINAR.price,
      }),
    ).toEqual({ ok: false, reason: "balance-too-low", details: { balance: 400_000, price: 500_000 } });
    memory.state.applicants.set("u1", { ...memory.state.applicants.read("u1")!, trainingBalance: 3_500_000, provinceCode: "52" });
    expect(
      await sendPurchaseOtp(memory, PLATFORM, {
        userPlatformId: "u",
        prakerjaId: pid,
        courseCode: OFFLINE.courseCode,
        scheduleCode: OFFLINE.scheduleCode,
        amount: OFFLINE.price,
      }),
    ).toEqual({ ok: false, reason: "training-not-open" });
  });

  it("when two purchases race for the last rupiah, then exactly one is bought and the balance never goes below zero", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    memory.state.applicants.set("u1", { ...memory.state.applicants.read("u1")!, trainingBalance: 1_000_000 });
    const a = await otpFor(memory, "u1", pid, SELF_PACED);
    const b = await otpFor(memory, "u1", pid, WEBINAR);
    const results = await Promise.all([
      authorizePurchase(memory, PLATFORM, { token: a.token, otp: a.otp, invoiceCode: "A", invoiceUrl: "https://p.test/a" }),
      authorizePurchase(memory, PLATFORM, { token: b.token, otp: b.otp, invoiceCode: "B", invoiceUrl: "https://p.test/b" }),
    ]);
    expect(results.map((r) => (r.ok ? "ok" : r.reason)).sort()).toEqual(["balance-too-low", "ok"]);
    expect(memory.state.applicants.read("u1")?.trainingBalance).toBeGreaterThanOrEqual(0);
    expect(memory.state.vouchers.size).toBe(1);
  });

  it("when a platform asks for the payment's status, then it sees its own invoice; another platform's is unknown", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    const purchase = await bought(memory, "u1", pid, SELF_PACED, "INV-S");
    expect(await paymentStatus(memory, PLATFORM, "INV-S")).toMatchObject({
      ok: true,
      value: { transaction_code: purchase.transaction_code, status: "SUCCESS" },
    });
    expect(await paymentStatus(memory, OTHER_PLATFORM, "INV-S")).toEqual({ ok: false, reason: "invoice-unknown" });
  });
});

describe("redeeming and attending (the published institution flow)", () => {
  it("when the institution redeems, attends sessions and commits the post-test, then the voucher completes and the institution is owed half at each stage", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    const { redeemCode } = await bought(memory, "u1", pid, SELF_PACED);
    expect(await redeemStatus(memory, INSTITUTION, redeemCode, 1)).toMatchObject({ ok: true, value: { status: 0, attendance_status: 0, redeem_at: null } });
    expect(await commitRedeem(memory, INSTITUTION, { code: redeemCode, sequence: 1 })).toMatchObject({
      ok: true,
      value: { status: 1, attendance_status: 1, committed: true, dp_platform: "Platform Belajar Digital", course_learning_method: "Daring Asinkronus" },
    });
    expect(await commitRedeem(memory, INSTITUTION, { code: redeemCode, sequence: 2 })).toMatchObject({ ok: true, value: { committed: true } });
    expect(await commitRedeem(memory, INSTITUTION, { code: redeemCode, sequence: 999 })).toEqual({ ok: false, reason: "post-test-score-required" });
    expect(await commitRedeem(memory, INSTITUTION, { code: redeemCode, sequence: 999, score: 85, certificate: "CERT-1" })).toMatchObject({
      ok: true,
      value: { completed: true, attendance_status: 1 },
    });
    expect(memory.state.vouchers.read(redeemCode)).toMatchObject({ state: "completed", attended: [1, 2, 999], postTestScore: 85, certificate: "CERT-1" });
    expect([...memory.state.settlements.values()].map((s) => [s.stage, s.amount, s.state, s.partnerCode])).toEqual([
      ["redeemed", 375_000, "accrued", "akademi-digital"],
      ["completed", 375_000, "accrued", "akademi-digital"],
    ]);
  });

  it("when a commit is repeated (retries, duplicates, ten at once), then the code is consumed once and accrues once", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    const { redeemCode } = await bought(memory, "u1", pid, SELF_PACED);
    const results = await Promise.all(Array.from({ length: 10 }, () => commitRedeem(memory, INSTITUTION, { code: redeemCode, sequence: 1 })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.value.committed).length).toBe(1);
    expect(memory.state.vouchers.read(redeemCode)?.attended).toEqual([1]);
    expect(memory.state.settlements.size).toBe(1);
  });

  it("when another institution, or nobody's code, is asked about, then it is redeem-code-unknown; a later session before redeeming is refused", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    const { redeemCode } = await bought(memory, "u1", pid, SELF_PACED);
    expect(await redeemStatus(memory, LPK, redeemCode, 1)).toEqual({ ok: false, reason: "redeem-code-unknown" });
    expect(await commitRedeem(memory, LPK, { code: redeemCode, sequence: 1 })).toEqual({ ok: false, reason: "redeem-code-unknown" });
    expect(await redeemStatus(memory, INSTITUTION, "NOPE", 1)).toEqual({ ok: false, reason: "redeem-code-unknown" });
    expect(await commitRedeem(memory, INSTITUTION, { code: redeemCode, sequence: 3 })).toEqual({ ok: false, reason: "not-redeemed" });
    expect(memory.state.settlements.size).toBe(0);
  });

  it("when the program office has frozen an institution's settlements, then its evidence is recorded but what it is owed is held, not accrued", async () => {
    const memory = trainingSetup();
    memory.state.trainingPartners.set("akademi-digital", { ...memory.state.trainingPartners.read("akademi-digital")!, settlementsFrozen: true });
    const pid = await participant(memory, "u1", 1);
    const { redeemCode } = await bought(memory, "u1", pid, SELF_PACED);
    await commitRedeem(memory, INSTITUTION, { code: redeemCode, sequence: 1 });
    const entries = [...memory.state.settlements.values()];
    expect(entries.map((s) => s.state)).toEqual(["held"]);
    expect(entries.filter((s) => s.state === "accrued").reduce((sum, s) => sum + s.amount, 0)).toBe(0);
  });
});

describe("cancelling, reporting and reviewing (the participant's side)", () => {
  it("when the participant cancels within 24 hours and before the start, then the price returns exactly once and the seat is freed", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    const { redeemCode } = await bought(memory, "u1", pid, WEBINAR);
    memory.clock.advance(23 * HOUR);
    const results = await Promise.all([cancelMyPurchase(memory, "u1", redeemCode), cancelMyPurchase(memory, "u1", redeemCode)]);
    // The second is a retry as after a lost answer: the same balance, nothing refunded twice.
    expect(results).toEqual([
      { ok: true, value: { balance: 3_500_000 } },
      { ok: true, value: { balance: 3_500_000 } },
    ]);
    expect(memory.state.timeline.read(`u1/training-cancelled-${redeemCode}`)).toMatchObject({ amount: 500_000 });
    expect(memory.state.applicants.read("u1")?.trainingBalance).toBe(3_500_000);
    expect(memory.state.schedules.read(WEBINAR.scheduleCode)?.booked).toBe(0);
    expect(memory.state.vouchers.read(redeemCode)).toMatchObject({ state: "cancelled", cancelledBy: "participant" });
    expect(await commitRedeem(memory, INSTITUTION, { code: redeemCode, sequence: 1 })).toEqual({ ok: false, reason: "voucher-cancelled" });
  });

  it("when the window has passed, then cancelling is refused; 'I did not buy this' freezes the code and restores the balance", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    const { redeemCode } = await bought(memory, "u1", pid, SELF_PACED);
    memory.clock.advance(25 * HOUR);
    expect(await cancelMyPurchase(memory, "u1", redeemCode)).toEqual({ ok: false, reason: "cooling-off-over" });
    expect(await reportPurchase(memory, "u2", redeemCode)).toEqual({ ok: false, reason: "voucher-not-found" });
    expect(await reportPurchase(memory, "u1", redeemCode)).toEqual({ ok: true, value: { balance: 3_500_000 } });
    expect(await reportPurchase(memory, "u1", redeemCode)).toEqual({ ok: true, value: { balance: 3_500_000 } });
    expect(memory.state.applicants.read("u1")?.trainingBalance).toBe(3_500_000);
    expect(await commitRedeem(memory, INSTITUTION, { code: redeemCode, sequence: 1 })).toEqual({ ok: false, reason: "voucher-frozen" });
  });

  it("when the platform voids before redemption, then the balance returns; voiding again is the published ERRPLT40028 case", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    const purchase = await bought(memory, "u1", pid, SELF_PACED, "INV-V");
    expect(await voidPurchase(memory, PLATFORM, { invoiceCode: "INV-V", transactionCode: "WRONG" })).toEqual({ ok: false, reason: "transaction-not-found" });
    expect(await voidPurchase(memory, PLATFORM, { invoiceCode: "INV-V", transactionCode: purchase.transaction_code })).toMatchObject({ ok: true });
    expect(await voidPurchase(memory, PLATFORM, { invoiceCode: "INV-V", transactionCode: purchase.transaction_code })).toEqual({
      ok: false,
      reason: "transaction-already-void",
    });
    expect(memory.state.applicants.read("u1")?.trainingBalance).toBe(3_500_000);
    expect(await paymentStatus(memory, PLATFORM, "INV-V")).toMatchObject({ value: { status: "VOID" } });
  });

  it("when a completed training is reviewed, then the participant becomes entitled to incentives once; an incomplete one cannot be reviewed", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    const first = await bought(memory, "u1", pid, SELF_PACED);
    const second = await bought(memory, "u1", pid, WEBINAR);
    expect(await reviewTraining(memory, "u1", { redeemCode: first.redeemCode, rating: 5, text: "Bagus" })).toEqual({
      ok: false,
      reason: "training-not-completed",
    });
    for (const code of [first.redeemCode, second.redeemCode]) {
      await commitRedeem(memory, INSTITUTION, { code, sequence: 1 });
      await commitRedeem(memory, INSTITUTION, { code, sequence: 999, score: 90 });
    }
    expect(await reviewTraining(memory, "u1", { redeemCode: first.redeemCode, rating: 5, text: "Bagus" })).toEqual({ ok: true, value: { entitled: true } });
    expect(await reviewTraining(memory, "u1", { redeemCode: first.redeemCode, rating: 4, text: "" })).toEqual({ ok: false, reason: "already-reviewed" });
    expect(await reviewTraining(memory, "u1", { redeemCode: second.redeemCode, rating: 4, text: "" })).toEqual({ ok: true, value: { entitled: true } });
    expect([...memory.state.entitlements.entries()]).toEqual([["u1", expect.objectContaining({ redeemCode: first.redeemCode })]]);
  });

  it("when the participant opens 'my training', then they see the balance, no deadline after the first purchase, and what they may still cancel", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    const before = await myTraining(memory, "u1");
    expect(before).toMatchObject({ ok: true, value: { balance: 3_500_000, vouchers: [] } });
    expect(before.ok && before.value.deadline).toBe("2026-04-01T03:00:00.000Z");
    const { redeemCode } = await bought(memory, "u1", pid, WEBINAR);
    expect(await myTraining(memory, "u1")).toMatchObject({
      ok: true,
      value: {
        balance: 3_000_000,
        deadline: null,
        vouchers: [
          {
            redeemCode,
            title: "Dasar Akuntansi Usaha Kecil",
            platform: "Platform Belajar Digital",
            state: "issued",
            cancellableUntil: "2026-03-03T03:00:00.000Z",
          },
        ],
      },
    });
    expect(await myTraining(memory, "nobody")).toEqual({ ok: false, reason: "not-participant" });
  });
});

describe("confirming a purchase in the participant's own app", () => {
  it("when a platform asks for a code, then the app shows what is bought, by whom, for how much, with the code; declining it makes authorize fail", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    const { token, otp } = await otpFor(memory, "u1", pid, WEBINAR);
    const shown = await myTraining(memory, "u1");
    expect(shown.ok && shown.value.pending).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{64}$/),
        platform: "Platform Belajar Digital",
        title: "Dasar Akuntansi Usaha Kecil",
        amount: 500_000,
        code: otp,
        expiresAt: "2026-03-02T03:05:00.000Z",
      },
    ]);
    const id = shown.ok ? shown.value.pending[0].id : "";
    expect(await declinePurchase(memory, "u2", id)).toEqual({ ok: false, reason: "purchase-not-found" });
    expect(await declinePurchase(memory, "u1", id)).toEqual({ ok: true, value: { declined: true } });
    expect(await authorizePurchase(memory, PLATFORM, { token, otp, invoiceCode: "INV-D", invoiceUrl: "https://p.test/d" })).toEqual({
      ok: false,
      reason: "purchase-declined",
    });
    const after = await myTraining(memory, "u1");
    expect(after.ok && after.value.pending).toEqual([]);
    expect(memory.state.applicants.read("u1")?.trainingBalance).toBe(3_500_000);
  });
});

describe("undoing the only purchase", () => {
  it("when a participant cancels the one training they bought, then the first-purchase deadline applies again and, passed, revokes them", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    const deadline = memory.state.applicants.read("u1")!.purchaseDeadline!;
    const { redeemCode } = await bought(memory, "u1", pid, WEBINAR);
    expect(memory.state.applicants.read("u1")).toMatchObject({ lapseAt: null });
    expect(await cancelMyPurchase(memory, "u1", redeemCode)).toEqual({ ok: true, value: { balance: 3_500_000 } });
    expect(memory.state.applicants.read("u1")).toMatchObject({ firstPurchaseAt: null, lapseAt: deadline });
    const shown = await myTraining(memory, "u1");
    expect(shown.ok && shown.value.deadline).toBe(deadline.toISOString());
    expect(await runDeadlines(memory, deadline)).toMatchObject({ revoked: 1 });
    expect(memory.state.applicants.read("u1")?.status).toBe("revoked");
  });

  it("when a participant still holds another training, then cancelling one leaves the deadline off", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    await bought(memory, "u1", pid, SELF_PACED);
    const { redeemCode } = await bought(memory, "u1", pid, WEBINAR);
    await cancelMyPurchase(memory, "u1", redeemCode);
    expect(memory.state.applicants.read("u1")).toMatchObject({ lapseAt: null });
    expect(memory.state.applicants.read("u1")?.firstPurchaseAt).toBeInstanceOf(Date);
  });

  it("when a redeemed code is reported as 'I did not buy this', then what the institution accrued for it is held while the balance returns", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    const { redeemCode } = await bought(memory, "u1", pid, SELF_PACED);
    await commitRedeem(memory, INSTITUTION, { code: redeemCode, sequence: 1 });
    expect(memory.state.settlements.read(`${redeemCode}-redeemed`)?.state).toBe("accrued");
    expect(await reportPurchase(memory, "u1", redeemCode)).toEqual({ ok: true, value: { balance: 3_500_000 } });
    expect(memory.state.settlements.read(`${redeemCode}-redeemed`)?.state).toBe("held");
  });
});

describe("a de-listed institution", () => {
  it("when the institution is de-listed, then its trainings cannot be bought (send-otp and authorize) and leave the public catalogue", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    const pending = await otpFor(memory, "u1", pid, SELF_PACED);
    memory.state.trainingPartners.set("akademi-digital", { ...memory.state.trainingPartners.read("akademi-digital")!, status: "delisted" });
    expect(await authorizePurchase(memory, PLATFORM, { token: pending.token, otp: pending.otp, invoiceCode: "INV-X", invoiceUrl: "https://p.test/x" })).toEqual(
      {
        ok: false,
        reason: "training-not-open",
      },
    );
    expect(
      await sendPurchaseOtp(memory, PLATFORM, {
        userPlatformId: "u",
        prakerjaId: pid,
        courseCode: SELF_PACED.courseCode,
        scheduleCode: SELF_PACED.scheduleCode,
        amount: SELF_PACED.price,
      }),
    ).toEqual({ ok: false, reason: "training-not-open" });
    const listed = await browseCatalogue(memory, {});
    expect(listed.ok && listed.value.trainings.map((t) => t.courseCode).sort()).toEqual(["BRS-004", "TAC-005"]);
    expect(await browseCatalogue(memory, { course: SELF_PACED.courseCode })).toEqual({ ok: false, reason: "training-not-found" });
    expect(memory.state.applicants.read("u1")?.trainingBalance).toBe(3_500_000);
  });
});
