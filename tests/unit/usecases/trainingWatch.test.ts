import { describe, expect, it } from "vitest";
import { isSpike, overlapping } from "../../../functions/src/domain/training/flags.js";
import { grantRole } from "../../../functions/src/usecases/grantRole.js";
import { authorizePurchase } from "../../../functions/src/usecases/training/purchase.js";
import { commitRedeem } from "../../../functions/src/usecases/training/redeem.js";
import { settlementStatement } from "../../../functions/src/usecases/training/statement.js";
import { watchRedemptions } from "../../../functions/src/usecases/training/watch.js";
import { admin, auditor, operatorOf } from "./fixtures.js";
import { INSTITUTION, OFFLINE, otpFor, participant, PLATFORM, SELF_PACED, trainingSetup, WEBINAR } from "./trainingFixtures.js";

/** What the program office watches: overlapping bookings, redemption spikes, partners' monthly statements. */

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);

describe("flags (never refusals)", () => {
  it("when two scheduled trainings overlap in time, then they are named; self-paced ones and back-to-back ones are not", () => {
    const webinar = { redeemCode: "A", startsAt: at("2026-03-12T01:00:00Z"), endsAt: at("2026-04-11T01:00:00Z") };
    expect(overlapping(webinar, [{ redeemCode: "B", startsAt: at("2026-04-01T00:00:00Z"), endsAt: at("2026-05-01T00:00:00Z") }])).toEqual(["B"]);
    expect(overlapping(webinar, [{ redeemCode: "C", startsAt: at("2026-04-11T01:00:00Z"), endsAt: at("2026-05-01T00:00:00Z") }])).toEqual([]);
    expect(overlapping(webinar, [{ redeemCode: "D", startsAt: at("2026-03-12T01:00:00Z") }])).toEqual([]);
    expect(overlapping({ redeemCode: "E", startsAt: at("2026-03-12T01:00:00Z") }, [webinar])).toEqual([]);
  });

  it("when a course's last hour is at least 30 and more than 5 times its hourly mean of the week before, then it is a spike", () => {
    expect([isSpike(29, 0), isSpike(30, 0), isSpike(30, 168 * 6), isSpike(31, 168 * 6)]).toEqual([false, true, false, true]);
  });

  it("when a participant buys a second scheduled training at the same time as the first, then the purchase goes through and the office gets a flag", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    for (const [course, invoice] of [
      [WEBINAR, "INV-W"],
      [OFFLINE, "INV-O"],
      [SELF_PACED, "INV-S"],
    ] as const) {
      const { token, otp } = await otpFor(memory, "u1", pid, course);
      expect(await authorizePurchase(memory, PLATFORM, { token, otp, invoiceCode: invoice, invoiceUrl: "https://p.test/i" })).toMatchObject({ ok: true });
    }
    const flags = [...memory.state.trainingFlags.values()];
    expect(flags).toEqual([
      { kind: "overlapping-sessions", pid, redeemCodes: [expect.any(String), expect.any(String)], at: memory.clock.now(), state: "open" },
    ]);
  });

  it("when one course is redeemed 30 times in an hour after a quiet week, then it is flagged once for that hour", async () => {
    const memory = trainingSetup();
    for (let i = 1; i <= 30; i += 1) {
      const pid = await participant(memory, `u${i}`, i);
      const { token, otp } = await otpFor(memory, `u${i}`, pid, SELF_PACED);
      const bought = await authorizePurchase(memory, PLATFORM, { token, otp, invoiceCode: `INV-${i}`, invoiceUrl: "https://p.test/i" });
      if (!bought.ok) throw new Error(bought.reason);
      const code = [...memory.state.vouchers.values()].find((v) => v.uid === `u${i}`)!.redeemCode;
      expect(await commitRedeem(memory, INSTITUTION, { code, sequence: 1 })).toMatchObject({ ok: true });
    }
    const now = new Date(memory.clock.now().getTime() + HOUR / 2);
    expect(await watchRedemptions(memory, now)).toEqual({ courses: 1, flagged: ["PMD-001"] });
    expect(await watchRedemptions(memory, now)).toEqual({ courses: 1, flagged: [] });
    expect([...memory.state.trainingFlags.values()]).toEqual([
      { kind: "redemption-spike", courseCode: "PMD-001", institutionCode: "akademi-digital", lastHour: 30, hourlyMean: 0, at: now, state: "open" },
    ]);
  });
});

describe("a partner's monthly statement", () => {
  it("when the office reads an institution's month, then accrued and held rupiah are summed by stage; operators may not read it", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    const { token, otp } = await otpFor(memory, "u1", pid, SELF_PACED);
    await authorizePurchase(memory, PLATFORM, { token, otp, invoiceCode: "INV-1", invoiceUrl: "https://p.test/1" });
    const code = [...memory.state.vouchers.keys()][0];
    await commitRedeem(memory, INSTITUTION, { code, sequence: 1 });
    memory.state.trainingPartners.set("akademi-digital", { ...memory.state.trainingPartners.read("akademi-digital")!, settlementsFrozen: true });
    await commitRedeem(memory, INSTITUTION, { code, sequence: 999, score: 80 });
    const statement = await settlementStatement(memory, auditor, { partnerCode: "akademi-digital", month: "2026-03" });
    expect(statement).toEqual({
      ok: true,
      value: {
        partnerCode: "akademi-digital",
        partnerName: "Akademi Digital Indonesia",
        month: "2026-03",
        settlementsFrozen: true,
        accrued: { redeemed: { amount: 375_000, vouchers: 1 }, completed: { amount: 0, vouchers: 0 } },
        held: { redeemed: { amount: 0, vouchers: 0 }, completed: { amount: 375_000, vouchers: 1 } },
        total: { accrued: 375_000, held: 375_000 },
      },
    });
    expect(await settlementStatement(memory, operatorOf("31"), { partnerCode: "akademi-digital", month: "2026-03" })).toEqual({
      ok: false,
      reason: "not-admin-or-auditor",
    });
    expect(await settlementStatement(memory, admin, { partnerCode: "nobody", month: "2026-03" })).toEqual({ ok: false, reason: "partner-not-found" });
  });
});

describe("a training partner's own staff", () => {
  it("when an admin grants partner staff for an onboarded partner, then the account gets that partner's claim; an unknown or de-listed partner is refused", async () => {
    const memory = trainingSetup();
    memory.state.accounts.set("staff-1", { email: "staf@lpk.test", claims: {}, disabled: false, validFrom: 0 });
    const grant = (partner: string, requestId: string) => grantRole(memory, admin, { requestId, email: "staf@lpk.test", role: "partner", partner }, "callable");
    expect(await grant("nobody", "0b6f3c2e-8d1a-4c1e-9d2b-3f4a5b6c7d81")).toEqual({ ok: false, reason: "partner-unknown" });
    memory.state.trainingPartners.set("kelas-kerja", { ...memory.state.trainingPartners.read("kelas-kerja")!, status: "delisted" });
    expect(await grant("kelas-kerja", "0b6f3c2e-8d1a-4c1e-9d2b-3f4a5b6c7d82")).toEqual({ ok: false, reason: "partner-unknown" });
    expect(await grant("lpk-nusantara", "0b6f3c2e-8d1a-4c1e-9d2b-3f4a5b6c7d83")).toMatchObject({
      ok: true,
      value: { role: "partner", partner: "lpk-nusantara" },
    });
    expect(memory.state.accounts.get("staff-1")?.claims).toEqual({ role: "partner", partner: "lpk-nusantara" });
  });

  it("when staff read statements, then only their own partner's, and none once it is de-listed", async () => {
    const memory = trainingSetup();
    const staff = { uid: "staff-1", claims: { role: "partner" as const, partner: "akademi-digital" } };
    expect(await settlementStatement(memory, staff, { partnerCode: "akademi-digital", month: "2026-03" })).toMatchObject({
      ok: true,
      value: { total: { accrued: 0 } },
    });
    expect(await settlementStatement(memory, staff, { partnerCode: "lpk-nusantara", month: "2026-03" })).toEqual({ ok: false, reason: "not-admin-or-auditor" });
    memory.state.trainingPartners.set("akademi-digital", { ...memory.state.trainingPartners.read("akademi-digital")!, status: "delisted" });
    expect(await settlementStatement(memory, staff, { partnerCode: "akademi-digital", month: "2026-03" })).toEqual({ ok: false, reason: "partner-delisted" });
  });
});
