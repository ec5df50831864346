import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { productionPorts } from "../../functions/src/composition.js";
import { runDeadlines } from "../../functions/src/usecases/training/deadlines.js";
import { settlementStatement } from "../../functions/src/usecases/training/statement.js";
import { watchRedemptions } from "../../functions/src/usecases/training/watch.js";
import { adminDb } from "../support/admin.js";
import { participant } from "../support/partnerSimulator.js";
import { ensureProgramYear } from "../support/people.js";
import { deleteWaves, seedWave } from "../support/waves.js";

/**
 * The training jobs on the real Firestore emulator, through the production adapters in-process:
 * the purchase deadline (queries, the revoking transaction, seats added to a scheduled wave), the
 * hourly redemption watch (a range query and a count), a partner's monthly statement.
 */

const ports = productionPorts();

beforeAll(ensureProgramYear);
/** Waves this file seeds, never drawn: deleted at the end. */
const seeded: string[] = [];
afterAll(() => deleteWaves(seeded));
const MINUTE = 60_000;

/** Makes the participant's deadline pass a minute ago, as 30 days would. */
async function lapsed(uid: string): Promise<void> {
  const past = new Date(Date.now() - MINUTE);
  await adminDb.doc(`applicants/${uid}`).update({ purchaseDeadline: past, lapseAt: past, remindAt: null });
}

describe("the purchase deadline on Firestore", () => {
  it("when two participants' deadlines pass and one bought in time, then exactly the two are revoked, their balance goes to the budget and their seats to the next scheduled wave, once", async () => {
    const [a, b, c] = [await participant(), await participant(), await participant()];
    await lapsed(a.uid);
    await lapsed(b.uid);
    // c bought a training in time: no deadline any more.
    await adminDb.doc(`applicants/${c.uid}`).update({ firstPurchaseAt: new Date(), lapseAt: null, remindAt: null });
    // Opens soon: the earliest wave not yet open, where freed seats go (other suites' waves open at once). Setup (support/waves.ts).
    const opensAt = new Date(Date.now() + 3 * MINUTE);
    const { waveId } = await seedWave({ opensAt, closesAt: new Date(opensAt.getTime() + 60 * MINUTE), quota: 10 });
    seeded.push(waveId);

    const run = await runDeadlines(ports, new Date());
    expect(run.revoked).toBeGreaterThanOrEqual(2);
    const status = async (uid: string) => (await adminDb.doc(`applicants/${uid}`).get()).data();
    expect(await status(a.uid)).toMatchObject({ status: "revoked", revokedFor: "purchase-deadline-passed", trainingBalance: 0, lapseAt: null });
    expect(await status(b.uid)).toMatchObject({ status: "revoked" });
    expect(await status(c.uid)).toMatchObject({ status: "participant", trainingBalance: 3_500_000 });
    expect((await adminDb.doc(`budgetLedger/unspent-${a.pid}`).get()).data()).toMatchObject({ kind: "unspent-returned", amount: 3_500_000 });
    expect((await adminDb.doc(`applicants/${a.uid}/timeline/revoked`).get()).data()).toMatchObject({ kind: "revoked" });
    // The seats went to the earliest wave not yet open: this one.
    const seats = await Promise.all(
      [a.pid, b.pid].map(async (pid) => (await adminDb.doc(`freedSeats/${pid}`).get()).data() as { toWave: string | null } | undefined),
    );
    expect(seats.map((s) => s?.toWave)).toEqual([waveId, waveId]);
    const wave = (await adminDb.doc(`waves/${waveId}`).get()).data();
    expect(wave?.quota).toBe(12);
    expect(wave?.freedSeats).toEqual([expect.objectContaining({ fromWave: `${new Date(Date.now() + 30 * 86_400_000).getUTCFullYear()}-1` })]);

    // A second run finds nobody left to revoke and changes nothing of theirs.
    const before = (await adminDb.doc(`budgetLedger/unspent-${a.pid}`).get()).updateTime;
    const again = await runDeadlines(ports, new Date());
    expect(again.revoked).toBe(0);
    expect((await adminDb.doc(`budgetLedger/unspent-${a.pid}`).get()).updateTime?.isEqual(before!)).toBe(true);
  });
});

describe("the redemption watch and statements on Firestore", () => {
  it("when one course is redeemed 30 times within the hour, then it is flagged once; the institution's month sums its entries", async () => {
    const run = randomUUID().slice(0, 8).toUpperCase();
    const course = `WATCH-${run}`;
    const now = new Date();
    const partnerCode = `watch-${run.toLowerCase()}`;
    const batch = adminDb.batch();
    batch.set(adminDb.doc(`trainingPartners/${partnerCode}`), {
      name: "Lembaga Uji Pantau",
      kind: "institution",
      legalName: "PT Lembaga Uji Pantau",
      registrationNumber: "9120000000001",
      contact: { name: "Kontak", email: "kontak@pantau.test", phone: "+6221000000" },
      status: "active",
      settlementsFrozen: false,
      callsPerMinute: 600,
      createdAt: now,
      updatedAt: now,
    });
    for (let i = 0; i < 30; i += 1) {
      const code = `W${run}${String(i).padStart(3, "0")}`;
      batch.set(adminDb.doc(`vouchers/${code}`), {
        redeemCode: code,
        uid: `watch-${run}-${i}`,
        courseCode: course,
        scheduleCode: `${course}-J1`,
        institutionCode: "akademi-digital",
        platformCode: "platform-belajar",
        invoiceCode: `INV-${code}`,
        transactionCode: `PKJ${code}`,
        amount: 100_000,
        state: "redeemed",
        issuedAt: new Date(now.getTime() - 10 * MINUTE),
        startsAt: new Date(now.getTime() + 86_400_000),
        attended: [1],
        redeemedAt: new Date(now.getTime() - 5 * MINUTE),
      });
      batch.set(adminDb.doc(`settlements/${code}-redeemed`), {
        partnerCode,
        redeemCode: code,
        stage: "redeemed",
        amount: 50_000,
        state: i < 10 ? "accrued" : "held",
        month: `2031-0${1 + (i % 2)}`,
        at: now,
      });
    }
    await batch.commit();
    const watched = await watchRedemptions(ports, now);
    expect(watched.flagged).toContain(course);
    expect((await watchRedemptions(ports, now)).flagged).not.toContain(course);
    const flag = (await adminDb.doc(`trainingFlags/spike-${course}-${now.toISOString().slice(0, 13)}`).get()).data();
    expect(flag).toMatchObject({ kind: "redemption-spike", lastHour: 30, institutionCode: "akademi-digital", state: "open" });

    const statement = await settlementStatement(ports, { uid: "auditor-x", claims: { role: "auditor" } }, { partnerCode, month: "2031-01" });
    expect(statement).toMatchObject({
      ok: true,
      value: { accrued: { redeemed: { amount: 250_000, vouchers: 5 } }, held: { redeemed: { amount: 500_000, vouchers: 10 } } },
    });
  });
});
