import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LogEntry } from "../../scripts/simulator/client.js";
import { curlSnippet } from "../../scripts/simulator/demo.js";
import { localPartnerKeys } from "../../scripts/simulator/server.js";
import { URLS } from "../../scripts/stack/config.js";
import { adminDb } from "../support/admin.js";
import {
  footprint,
  FROZEN_INSTITUTION,
  INSTITUTION,
  latestOtp,
  otpsSent,
  participant,
  partnerCatalogue,
  simulatorDriver,
  type Course,
  type SimulatorDriver,
} from "../support/partnerSimulator.js";
import { call } from "../support/stack.js";

/**
 * The partner API end to end on the real emulators, over real HTTP through Hosting, driven by the
 * training-partner simulator (scripts/simulator/) playing a digital platform and a training
 * institution: a training bought, redeemed, attended, completed and reviewed; duplicate deliveries,
 * concurrent commits and purchases, the published clients' formats, a cancellation raced against
 * itself, and a frozen institution.
 */

const RUN = `J${randomUUID().slice(0, 8)}`;
let sim: SimulatorDriver;
let courses: Awaited<ReturnType<typeof partnerCatalogue>>;
const invoice = (name: string) => `INV-${RUN}-${name}`;

beforeAll(async () => {
  [sim, courses] = await Promise.all([simulatorDriver(), partnerCatalogue(RUN)]);
});
afterAll(async () => {
  await sim?.simulator.close();
});

const settlementsOf = async (redeemCode: string) =>
  (await adminDb.collection("settlements").where("redeemCode", "==", redeemCode).get()).docs.map(
    (d) => d.data() as { stage: string; amount: number; state: string; partnerCode: string },
  );

describe("a participant's training, from purchase to entitlement, through the simulator", () => {
  it("when a platform sells a training and the institution redeems, runs a session and the post-test, then the review makes the participant entitled", async () => {
    const who = await participant();
    const course = courses.selfPaced;

    const quota = await sim.post("/platform/quota", { courseCode: course.courseCode, scheduleCode: course.scheduleCode });
    expect(quota).toMatchObject({ ok: true, answer: { status: 200, body: { success: true, data: { quota: 100_000, unlimited: true } } } });

    const otp = await sim.post("/platform/buy", { prakerjaId: who.pid, ...course, amount: course.price, invoiceCode: invoice("journey") });
    expect(otp).toMatchObject({ ok: true, step: "send-otp", answer: { status: 200, body: { success: true, message: "OTP telah dikirim ke peserta." } } });
    expect(otp.paymentToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const code = await latestOtp(who.uid);
    expect(code).toMatch(/^\d{6}$/);

    const bought = await sim.post("/platform/authorize", { paymentToken: otp.paymentToken, otp: code });
    expect(bought).toMatchObject({
      ok: true,
      answer: { status: 200, body: { success: true, data: { invoice_code: invoice("journey"), amount: course.price, status: "SUCCESS" } } },
    });
    const [voucher] = (await footprint(who)).vouchers;
    const redeemCode = voucher.code;
    expect((await footprint(who)).balance).toBe(3_500_000 - course.price);

    const paid = await sim.post("/platform/status", { invoiceCode: invoice("journey") });
    expect(paid.answer.body.data).toMatchObject({ status: "SUCCESS", transaction_code: bought.transactionCode });

    const before = await sim.post("/institution/status", { redeemCode });
    expect(before.answer.body.data).toMatchObject({ redeem_code: redeemCode, status: 0, attendance_status: 0, redeem_at: null, completed: false });

    const redeemed = await sim.post("/institution/commit", { redeemCode, sequence: 1 });
    expect(redeemed.answer.body.data).toMatchObject({ status: 1, attendance_status: 1, sequence: 1, committed: true });
    const session = await sim.post("/institution/commit", { redeemCode, sequence: 2 });
    expect(session.answer.body.data).toMatchObject({ sequence: 2, attendance_status: 1, committed: true, completed: false });
    const postTest = await sim.post("/institution/commit", { redeemCode, sequence: 999, score: 87.5, certificateCode: `CERT-${RUN}` });
    expect(postTest.answer.body.data).toMatchObject({ sequence: 999, committed: true, completed: true, status: 1 });

    const stored = (await adminDb.doc(`vouchers/${redeemCode}`).get()).data();
    expect(stored).toMatchObject({ state: "completed", attended: [1, 2, 999], postTestScore: 87.5, certificate: `CERT-${RUN}` });
    const owed = await settlementsOf(redeemCode);
    expect(owed.map((s) => [s.stage, s.state, s.partnerCode]).sort()).toEqual([
      ["completed", "accrued", INSTITUTION],
      ["redeemed", "accrued", INSTITUTION],
    ]);
    expect(owed.reduce((sum, s) => sum + s.amount, 0)).toBe(course.price);

    const review = await call("reviewTraining", { redeemCode, rating: 5, text: "Bermanfaat." }, who.account.idToken);
    expect(review).toMatchObject({ status: 200, result: { entitled: true } });
    const entitlement = (await adminDb.doc(`entitlements/${who.uid}`).get()).data();
    expect(entitlement).toMatchObject({ redeemCode });

    // The simulator's log holds every request it sent and every answer it got, in order.
    const log = (await (await fetch(`${sim.simulator.url}/log`)).json()) as LogEntry[];
    const mine = log.filter((e) => JSON.stringify(e.body).includes(redeemCode) || e.body.includes(who.pid) || e.body.includes(invoice("journey")));
    expect(mine.map((e) => new URL(e.url).pathname.split("/payment/")[1])).toEqual([
      "send-otp",
      "authorize",
      "status",
      "redeem-code/status",
      "redeem-code/commit",
      "redeem-code/commit",
      "redeem-code/commit",
    ]);
    expect(mine.every((e) => e.headers.signature?.match(/^[0-9a-f]{40}$/) && e.status === 200)).toBe(true);
  });
});

describe("a partner's deliveries: duplicates, races and the published clients' formats", () => {
  it("when the platform's authorize is delivered twice at once, each signed anew, then the balance is taken once and both get the same purchase", async () => {
    const who = await participant();
    const course = courses.webinar;
    const otp = await sim.post("/platform/buy", { prakerjaId: who.pid, ...course, amount: course.price, invoiceCode: invoice("dup") });
    const twice = await sim.post("/platform/authorize", { paymentToken: otp.paymentToken, otp: await latestOtp(who.uid), faults: { duplicate: true } });
    expect(twice.deliveries.map((d) => d.status)).toEqual([200, 200]);
    expect(twice.deliveries[0].body.data).toEqual(twice.deliveries[1].body.data);
    const after = await footprint(who);
    expect(after.vouchers).toHaveLength(1);
    expect(after.balance).toBe(3_500_000 - course.price);
    expect((await adminDb.doc(`schedules/${course.scheduleCode}`).get()).data()?.booked).toBe(1);
  });

  it("when the institution's commit is replayed byte for byte, then one is carried out and the copy is refused 409 signature-replayed", async () => {
    const who = await participant();
    const { redeemCode } = await sim.buy(who, courses.selfPaced, invoice("replay"));
    const replayed = await sim.post("/institution/commit", { redeemCode, sequence: 1, faults: { duplicate: "replay" } });
    const statuses = replayed.deliveries.map((d) => d.status).sort();
    expect(statuses).toEqual([200, 409]);
    const copy = replayed.deliveries.find((d) => d.status === 409)!;
    expect(copy.body).toMatchObject({ success: false, code: "signature-replayed", error: { code: "signature-replayed" } });
    expect(await settlementsOf(redeemCode)).toHaveLength(1);
  });

  it("when ten commits of one code arrive at once, then the code is redeemed once: one answer says committed, one settlement entry", async () => {
    const who = await participant();
    const { redeemCode } = await sim.buy(who, courses.selfPaced, invoice("ten"));
    const answers = await Promise.all(Array.from({ length: 10 }, () => sim.post("/institution/commit", { redeemCode, sequence: 1 })));
    expect(answers.map((a) => a.answer.status)).toEqual(Array(10).fill(200));
    expect(answers.filter((a) => a.answer.body.data?.committed === true)).toHaveLength(1);
    const owed = await settlementsOf(redeemCode);
    expect(owed).toHaveLength(1);
    expect(owed[0]).toMatchObject({ stage: "redeemed", amount: courses.selfPaced.price / 2, state: "accrued" });
    expect((await adminDb.doc(`vouchers/${redeemCode}`).get()).data()).toMatchObject({ state: "redeemed", attended: [1] });
  });

  it("when one participant's purchases are authorized at the same moment, then the balance never goes below zero", async () => {
    const balance = 1_000_000;
    const who = await participant(balance);
    const three: Course[] = [courses.selfPaced, courses.webinar, courses.design];
    const tokens: Array<{ course: Course; paymentToken: string; otp: string; invoiceCode: string }> = [];
    for (const [i, course] of three.entries()) {
      const invoiceCode = invoice(`race-${i}`);
      const otp = await sim.post("/platform/buy", { prakerjaId: who.pid, ...course, amount: course.price, invoiceCode });
      expect(otp.ok).toBe(true);
      tokens.push({ course, paymentToken: otp.paymentToken!, otp: (await otpsSent(who.uid))[0], invoiceCode });
    }
    const answers = await Promise.all(
      tokens.map((t) => sim.post("/platform/authorize", { paymentToken: t.paymentToken, otp: t.otp, invoiceCode: t.invoiceCode })),
    );
    const won = answers.flatMap((a, i) => (a.ok ? [tokens[i].course.price] : []));
    // Any two of the three cost more than the balance: exactly one can be bought.
    expect(won).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => a.answer.body.error?.code)).toEqual(["balance-too-low", "balance-too-low"]);
    const after = await footprint(who);
    expect(after.balance).toBe(balance - won[0]);
    expect(after.balance).toBeGreaterThanOrEqual(0);
    expect(after.vouchers).toHaveLength(1);
  });

  it("when partners send as the published Python, Ruby and Go clients do, then each is accepted", async () => {
    const who = await participant();
    const course = courses.design;
    const otp = await sim.post("/platform/buy", { prakerjaId: who.pid, ...course, amount: course.price, invoiceCode: invoice("styles"), style: "python" });
    expect(otp.ok).toBe(true);
    // Go's helper signs the Authorization header's value too; its header names are capitalised.
    const bought = await sim.post("/platform/authorize", { paymentToken: otp.paymentToken, otp: await latestOtp(who.uid), style: "go" });
    expect(bought.ok).toBe(true);
    const [voucher] = (await footprint(who)).vouchers;
    const status = await sim.post("/institution/status", { redeemCode: voucher.code, style: "python" });
    expect(status).toMatchObject({ ok: true, answer: { status: 200 } });
    const commit = await sim.post("/institution/commit", { redeemCode: voucher.code, style: "ruby" });
    expect(commit).toMatchObject({ ok: true, answer: { body: { data: { committed: true } } } });

    const log = (await (await fetch(`${sim.simulator.url}/log`)).json()) as LogEntry[];
    const sent = (requestId: string | null) => log.find((e) => e.requestId === requestId)!;
    expect(sent(status.answer.requestId).body).toBe(`{"redeem_code": "${voucher.code}"}`);
    expect(Object.keys(sent(commit.answer.requestId).headers)).toEqual(expect.arrayContaining(["Client_code", "Timestamp", "Signature"]));
    expect(Object.keys(sent(bought.answer.requestId).headers)).toEqual(expect.arrayContaining(["Client_code", "Timestamp", "Signature", "Authorization"]));
  });
});

describe("cancelling and frozen settlements", () => {
  it("when the participant cancels twice at once within the cooling-off window, then the price returns to the balance exactly once", async () => {
    const who = await participant();
    const course = courses.webinar;
    const { redeemCode } = await sim.buy(who, course, invoice("cancel"));
    expect((await footprint(who)).balance).toBe(3_500_000 - course.price);
    const [a, b] = await Promise.all([
      call("cancelPurchase", { redeemCode }, who.account.idToken),
      call("cancelPurchase", { redeemCode }, who.account.idToken),
    ]);
    // Both answer the balance (the second as a retry after a lost answer would), and it was refunded once.
    expect([a, b].map((r) => [r.status, r.result])).toEqual([
      [200, { balance: 3_500_000 }],
      [200, { balance: 3_500_000 }],
    ]);
    expect((await footprint(who)).balance).toBe(3_500_000);
    expect((await adminDb.collection(`applicants/${who.account.uid}/timeline`).where("kind", "==", "training-cancelled").get()).size).toBe(1);
    expect((await adminDb.doc(`vouchers/${redeemCode}`).get()).data()).toMatchObject({ state: "cancelled", cancelledBy: "participant" });
    const paid = await sim.post("/platform/status", { invoiceCode: invoice("cancel") });
    expect(paid.answer.body.data).toMatchObject({ status: "VOID" });
    // A cancelled code cannot be redeemed.
    const late = await sim.post("/institution/commit", { redeemCode });
    expect(late.answer).toMatchObject({ status: 400, body: { code: "voucher-cancelled" } });
  });

  it("when a frozen institution redeems and completes a code, then what it is owed is held, not accrued", async () => {
    const who = await participant();
    const { redeemCode } = await sim.buy(who, courses.frozen, invoice("frozen"));
    const asFrozen = { clientCode: FROZEN_INSTITUTION };
    expect((await sim.post("/institution/commit", { redeemCode, sequence: 1, ...asFrozen })).ok).toBe(true);
    expect((await sim.post("/institution/commit", { redeemCode, sequence: 999, score: 70, ...asFrozen })).ok).toBe(true);
    const owed = await settlementsOf(redeemCode);
    expect(owed.map((s) => [s.stage, s.state, s.partnerCode]).sort()).toEqual([
      ["completed", "held", FROZEN_INSTITUTION],
      ["redeemed", "held", FROZEN_INSTITUTION],
    ]);
    expect(owed.filter((s) => s.state === "accrued")).toHaveLength(0);
  });
});

describe("the curl snippet npm start prints for partner engineers", () => {
  it("when the printed snippet is run in a shell, then openssl's signature is accepted and the code's status is answered", async () => {
    const who = await participant();
    const { redeemCode } = await sim.buy(who, courses.selfPaced, invoice("curl"));
    const snippet = curlSnippet({ apiBase: URLS.webApp, clientCode: INSTITUTION, key: localPartnerKeys()[INSTITUTION] ?? "", redeemCode });
    const { stdout } = await promisify(execFile)("bash", ["-c", snippet]);
    expect(JSON.parse(stdout)).toMatchObject({ success: true, data: { redeem_code: redeemCode, status: 0 } });
  });
});
