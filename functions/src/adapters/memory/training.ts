import { installmentId } from "../../domain/payouts/schedule.js";
import { stagePayoutChange } from "./payouts.js";
import { createHash } from "node:crypto";
import { invoiceKey } from "../../domain/training/codes.js";
import { settlementId } from "../../domain/training/settlement.js";
import type { Random, TrainingStore } from "../../usecases/ports.js";
import { roundTrip, type Memory } from "./state.js";

/**
 * Trainings in memory, with the Firestore adapter's reads and writes: each transactional method
 * reads, decides and writes with no `await` in between, as a transaction that was not contended.
 */
export function memoryTraining(memory: Memory): TrainingStore {
  const {
    applicants,
    pidIndex,
    trainings,
    schedules,
    trainingPartners,
    vouchers,
    purchases,
    paymentTokens,
    timeline,
    settlements,
    entitlements,
    trainingFlags,
  } = memory.state;
  const vouchersOf = (uid: string) => [...vouchers.values()].filter((voucher) => voucher.uid === uid).map((voucher) => structuredClone(voucher));
  return {
    async uidOfPid(pid) {
      await roundTrip();
      return pidIndex.read(pid)?.uid ?? null;
    },
    async applicant(uid) {
      await roundTrip();
      return applicants.read(uid) ?? null;
    },
    async training(courseCode) {
      await roundTrip();
      return trainings.read(courseCode) ?? null;
    },
    async schedule(scheduleCode) {
      await roundTrip();
      return schedules.read(scheduleCode) ?? null;
    },
    async partner(clientCode) {
      await roundTrip();
      return trainingPartners.read(clientCode) ?? null;
    },
    async voucher(redeemCode) {
      await roundTrip();
      return vouchers.read(redeemCode) ?? null;
    },
    async vouchersOf(uid) {
      await roundTrip();
      return vouchersOf(uid);
    },
    async purchase(key) {
      await roundTrip();
      return purchases.read(key) ?? null;
    },
    async savePaymentToken(tokenHash, token) {
      await roundTrip();
      memory.batch().create(paymentTokens, tokenHash, token).commit();
    },
    async paymentTokensOf(uid) {
      await roundTrip();
      return [...paymentTokens.entries()].filter(([, token]) => token.uid === uid).map(([tokenHash, token]) => ({ tokenHash, token: structuredClone(token) }));
    },
    async declinePaymentToken(tokenHash, uid) {
      await roundTrip();
      const token = paymentTokens.read(tokenHash);
      if (token?.uid !== uid || token.usedFor !== undefined) return false;
      memory.batch().update(paymentTokens, tokenHash, { declined: true }).commit();
      return true;
    },
    async authorize(ask, decide) {
      await roundTrip();
      const token = paymentTokens.read(ask.tokenHash) ?? null;
      const write = decide({
        token,
        purchase: purchases.read(ask.invoiceKey) ?? null,
        applicant: token === null ? null : (applicants.read(token.uid) ?? null),
        vouchers: token === null ? [] : vouchersOf(token.uid),
        training: token === null ? null : (trainings.read(token.courseCode) ?? null),
        schedule: token === null ? null : (schedules.read(token.scheduleCode) ?? null),
        institution: (() => {
          const training = token === null ? undefined : trainings.read(token.courseCode);
          return training === undefined ? null : (trainingPartners.read(training.institutionCode) ?? null);
        })(),
        redeemCodeTaken: vouchers.has(ask.redeemCode),
      });
      const batch = memory.batch();
      if (write.kind === "refused") {
        if (write.attempts !== undefined) batch.update(paymentTokens, ask.tokenHash, { attempts: write.attempts }).commit();
        return write;
      }
      if (write.kind === "existing" || token === null) return write;
      const { voucher } = write;
      batch.update(applicants, token.uid, {
        trainingBalance: write.balance,
        ...(write.firstPurchase ? { firstPurchaseAt: voucher.issuedAt, lapseAt: null, remindAt: null } : {}),
      });
      if (write.booked !== null) batch.update(schedules, voucher.scheduleCode, { booked: write.booked });
      batch
        .create(vouchers, voucher.redeemCode, voucher)
        .create(purchases, ask.invoiceKey, write.purchase)
        .update(paymentTokens, ask.tokenHash, { usedFor: ask.invoiceKey })
        .set(timeline, `${token.uid}/bought-${voucher.redeemCode}`, write.event);
      if (write.flag !== null) batch.set(trainingFlags, `overlap-${voucher.redeemCode}`, write.flag);
      batch.commit();
      return write;
    },
    async commit(redeemCode, decide) {
      await roundTrip();
      const voucher = vouchers.read(redeemCode) ?? null;
      const write = decide({ voucher, institution: voucher === null ? null : (trainingPartners.read(voucher.institutionCode) ?? null) });
      if (write.kind !== "attended") return write;
      const batch = memory.batch().set(vouchers, redeemCode, write.voucher);
      for (const { id, entry } of write.settlements) batch.create(settlements, id, entry);
      if (write.event !== null) batch.set(timeline, `${write.voucher.uid}/${write.event.kind}-${redeemCode}`, write.event);
      batch.commit();
      return write;
    },
    async cancel(redeemCode, decide) {
      await roundTrip();
      const voucher = vouchers.read(redeemCode) ?? null;
      const key = voucher === null ? null : invoiceKey(voucher.platformCode, voucher.invoiceCode);
      const write = decide({
        voucher,
        purchase: key === null ? null : (purchases.read(key) ?? null),
        applicant: voucher === null ? null : (applicants.read(voucher.uid) ?? null),
        schedule: voucher === null ? null : (schedules.read(voucher.scheduleCode) ?? null),
        otherActive:
          voucher === null ? 0 : vouchersOf(voucher.uid).filter((v) => v.redeemCode !== redeemCode && v.state !== "cancelled" && v.state !== "frozen").length,
        settlements:
          voucher === null
            ? []
            : (["redeemed", "completed"] as const).flatMap((stage) => {
                const id = settlementId(redeemCode, stage);
                const entry = settlements.read(id);
                return entry === undefined ? [] : [{ id, entry }];
              }),
      });
      if (write.kind !== "cancelled" || voucher === null || key === null) return write;
      const batch = memory
        .batch()
        .set(vouchers, redeemCode, write.voucher)
        .update(applicants, voucher.uid, {
          trainingBalance: write.balance,
          ...(write.deadline === null ? {} : { firstPurchaseAt: null, lapseAt: write.deadline.lapseAt, remindAt: write.deadline.remindAt }),
        });
      for (const id of write.hold) batch.update(settlements, id, { state: "held" });
      if (write.booked !== null) batch.update(schedules, voucher.scheduleCode, { booked: write.booked });
      if (write.purchaseStatus !== null && purchases.has(key)) batch.update(purchases, key, { status: write.purchaseStatus });
      batch.set(timeline, `${voucher.uid}/${write.event.kind}-${redeemCode}`, write.event).commit();
      return write;
    },
    async redemptionsSince(since) {
      await roundTrip();
      const byCourse = new Map<string, { courseCode: string; institutionCode: string; count: number }>();
      for (const v of vouchers.values()) {
        if (v.redeemedAt === undefined || v.redeemedAt < since) continue;
        const entry = byCourse.get(v.courseCode) ?? { courseCode: v.courseCode, institutionCode: v.institutionCode, count: 0 };
        byCourse.set(v.courseCode, { ...entry, count: entry.count + 1 });
      }
      return [...byCourse.values()];
    },
    async courseRedemptions(courseCode, from, to) {
      await roundTrip();
      return [...vouchers.values()].filter((v) => v.courseCode === courseCode && v.redeemedAt !== undefined && v.redeemedAt >= from && v.redeemedAt < to)
        .length;
    },
    async flag(id, flag) {
      await roundTrip();
      if (trainingFlags.has(id)) return false;
      memory.batch().create(trainingFlags, id, flag).commit();
      return true;
    },
    async settlementsOf(partnerCode, month) {
      await roundTrip();
      return [...settlements.values()].filter((s) => s.partnerCode === partnerCode && s.month === month).map((s) => structuredClone(s));
    },
    async review(redeemCode, decide) {
      await roundTrip();
      const voucher = vouchers.read(redeemCode) ?? null;
      const write = decide({ voucher, entitlement: voucher === null ? null : (entitlements.read(voucher.uid) ?? null) });
      if (write.kind !== "reviewed") return write;
      const batch = memory.batch().set(vouchers, redeemCode, write.voucher);
      if (write.entitlement !== null) batch.create(entitlements, write.voucher.uid, write.entitlement);
      for (const change of write.schedule)
        stagePayoutChange(memory, batch, installmentId(change.payout.uid, change.payout.programYear, change.payout.number), change, true);
      batch.set(timeline, `${write.voucher.uid}/reviewed-${redeemCode}`, write.event).commit();
      return write;
    },
  };
}

/** Random bytes in a fixed sequence (SHA-256 of a counter), so tests draw the same codes every run. */
export function memoryRandom(): Random & { drawn: number } {
  let counter = 0;
  const random = {
    drawn: 0,
    bytes(length: number) {
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i += 32) {
        counter += 1;
        out.set(
          createHash("sha256")
            .update(`random-${counter}`)
            .digest()
            .subarray(0, Math.min(32, length - i)),
          i,
        );
      }
      random.drawn += length;
      return out;
    },
  };
  return random;
}
