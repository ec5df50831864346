import { invoiceKey } from "../domain/training/codes.js";
import { settlementId } from "../domain/training/settlement.js";
import { applicantDoc } from "../schemas/applicant.js";
import { paymentTokenDoc, purchaseDoc, scheduleDoc, settlementDoc, voucherDoc } from "../schemas/training.js";
import type { TrainingStore } from "../usecases/ports.js";
import {
  applicants,
  entitlements,
  fields,
  paymentTokens,
  pidIndex,
  purchases,
  schedules,
  settlements,
  timeline,
  trainingFlags,
  trainingPartners,
  trainings,
  vouchers,
} from "./collections.js";
import { installmentId } from "../domain/payouts/schedule.js";
import { writeChange } from "./payouts.js";
import { db } from "./firebase.js";

/**
 * Trainings in Firestore. Reads per call: the partner API's status is one read (the voucher);
 * a commit two reads and one to three writes; an authorization ~6 reads and 6 writes, all in one
 * transaction. Busiest documents: a participant's own (one person buys one thing at a time) and
 * a capacity-limited schedule's `booked` counter (at most its seats' worth of writes, ever).
 * Self-paced schedules have no seat limit and no counter, so a popular course has no hot document.
 */
export const firestoreTraining: TrainingStore = {
  async uidOfPid(pid) {
    return (await pidIndex().doc(pid).get()).data()?.uid ?? null;
  },
  async applicant(uid) {
    return (await applicants().doc(uid).get()).data() ?? null;
  },
  async training(courseCode) {
    return (await trainings().doc(courseCode).get()).data() ?? null;
  },
  async schedule(scheduleCode) {
    return (await schedules().doc(scheduleCode).get()).data() ?? null;
  },
  async partner(clientCode) {
    return (await trainingPartners().doc(clientCode).get()).data() ?? null;
  },
  async voucher(redeemCode) {
    return (await vouchers().doc(redeemCode).get()).data() ?? null;
  },
  async vouchersOf(uid) {
    return (await vouchers().where("uid", "==", uid).get()).docs.map((doc) => doc.data());
  },
  async purchase(invoiceKey) {
    return (await purchases().doc(invoiceKey).get()).data() ?? null;
  },
  async savePaymentToken(tokenHash, token) {
    await paymentTokens().doc(tokenHash).create(token);
  },
  async paymentTokensOf(uid) {
    return (await paymentTokens().where("uid", "==", uid).get()).docs.map((doc) => ({ tokenHash: doc.id, token: doc.data() }));
  },
  async declinePaymentToken(tokenHash, uid) {
    return db().runTransaction(async (tx) => {
      const token = (await tx.get(paymentTokens().doc(tokenHash))).data();
      if (token?.uid !== uid || token.usedFor !== undefined) return false;
      tx.update(paymentTokens().doc(tokenHash), fields(paymentTokenDoc, { declined: true }));
      return true;
    });
  },

  async authorize(ask, decide) {
    return db().runTransaction(async (tx) => {
      const [tokenSnap, purchaseSnap, codeSnap] = await Promise.all([
        tx.get(paymentTokens().doc(ask.tokenHash)),
        tx.get(purchases().doc(ask.invoiceKey)),
        tx.get(vouchers().doc(ask.redeemCode)),
      ]);
      const token = tokenSnap.data() ?? null;
      const purchase = purchaseSnap.data() ?? null;
      const [applicantSnap, voucherSnaps, trainingSnap, scheduleSnap] = await Promise.all([
        token === null ? null : tx.get(applicants().doc(token.uid)),
        token === null ? null : tx.get(vouchers().where("uid", "==", token.uid)),
        token === null ? null : tx.get(trainings().doc(token.courseCode)),
        token === null ? null : tx.get(schedules().doc(token.scheduleCode)),
      ]);
      const training = trainingSnap?.data() ?? null;
      const institution = training === null ? null : ((await tx.get(trainingPartners().doc(training.institutionCode))).data() ?? null);
      const facts = {
        token,
        purchase,
        applicant: applicantSnap?.data() ?? null,
        vouchers: voucherSnaps?.docs.map((doc) => doc.data()) ?? [],
        training,
        schedule: scheduleSnap?.data() ?? null,
        institution,
        redeemCodeTaken: codeSnap.exists,
      };
      const write = decide(facts);
      if (write.kind === "refused") {
        if (write.attempts !== undefined) tx.update(paymentTokens().doc(ask.tokenHash), fields(paymentTokenDoc, { attempts: write.attempts }));
        return write;
      }
      if (write.kind === "existing" || token === null) return write;
      const { voucher, purchase: bought } = write;
      tx.update(
        applicants().doc(token.uid),
        fields(applicantDoc, {
          trainingBalance: write.balance,
          ...(write.firstPurchase ? { firstPurchaseAt: voucher.issuedAt, lapseAt: null, remindAt: null } : {}),
        }),
      );
      if (write.booked !== null) tx.update(schedules().doc(voucher.scheduleCode), fields(scheduleDoc, { booked: write.booked }));
      tx.create(vouchers().doc(voucher.redeemCode), voucher);
      tx.create(purchases().doc(ask.invoiceKey), bought);
      tx.update(paymentTokens().doc(ask.tokenHash), fields(paymentTokenDoc, { usedFor: ask.invoiceKey }));
      tx.set(timeline(token.uid).doc(`bought-${voucher.redeemCode}`), write.event);
      if (write.flag !== null) tx.set(trainingFlags().doc(`overlap-${voucher.redeemCode}`), write.flag);
      return write;
    });
  },

  async commit(redeemCode, decide) {
    return db().runTransaction(async (tx) => {
      const voucher = (await tx.get(vouchers().doc(redeemCode))).data() ?? null;
      const institution = voucher === null ? null : ((await tx.get(trainingPartners().doc(voucher.institutionCode))).data() ?? null);
      const write = decide({ voucher, institution });
      if (write.kind !== "attended") return write;
      tx.set(vouchers().doc(redeemCode), write.voucher);
      for (const { id, entry } of write.settlements) tx.create(settlements().doc(id), entry);
      if (write.event !== null) tx.set(timeline(write.voucher.uid).doc(`${write.event.kind}-${redeemCode}`), write.event);
      return write;
    });
  },

  async cancel(redeemCode, decide) {
    return db().runTransaction(async (tx) => {
      const voucher = (await tx.get(vouchers().doc(redeemCode))).data() ?? null;
      const purchaseRef = voucher === null ? null : purchases().doc(invoiceKey(voucher.platformCode, voucher.invoiceCode));
      const settlementRefs =
        voucher === null ? [] : (["redeemed", "completed"] as const).map((stage) => settlements().doc(settlementId(voucher.redeemCode, stage)));
      const [purchaseSnap, applicantSnap, scheduleSnap, othersSnap, settlementSnaps] = await Promise.all([
        purchaseRef === null ? null : tx.get(purchaseRef),
        voucher === null ? null : tx.get(applicants().doc(voucher.uid)),
        voucher === null ? null : tx.get(schedules().doc(voucher.scheduleCode)),
        voucher === null ? null : tx.get(vouchers().where("uid", "==", voucher.uid)),
        Promise.all(settlementRefs.map((ref) => tx.get(ref))),
      ]);
      const write = decide({
        voucher,
        purchase: purchaseSnap?.data() ?? null,
        applicant: applicantSnap?.data() ?? null,
        schedule: scheduleSnap?.data() ?? null,
        otherActive: (othersSnap?.docs ?? []).filter((doc) => doc.id !== redeemCode && doc.data().state !== "cancelled" && doc.data().state !== "frozen")
          .length,
        settlements: settlementSnaps.flatMap((snap) => {
          const entry = snap.data();
          return entry === undefined ? [] : [{ id: snap.id, entry }];
        }),
      });
      if (write.kind !== "cancelled" || voucher === null) return write;
      tx.set(vouchers().doc(redeemCode), write.voucher);
      tx.update(
        applicants().doc(voucher.uid),
        fields(applicantDoc, {
          trainingBalance: write.balance,
          ...(write.deadline === null ? {} : { firstPurchaseAt: null, lapseAt: write.deadline.lapseAt, remindAt: write.deadline.remindAt }),
        }),
      );
      for (const id of write.hold) tx.update(settlements().doc(id), fields(settlementDoc, { state: "held" }));
      if (write.booked !== null) tx.update(schedules().doc(voucher.scheduleCode), fields(scheduleDoc, { booked: write.booked }));
      if (write.purchaseStatus !== null && purchaseRef !== null) tx.update(purchaseRef, fields(purchaseDoc, { status: write.purchaseStatus }));
      tx.set(timeline(voucher.uid).doc(`${write.event.kind}-${redeemCode}`), write.event);
      return write;
    });
  },

  async redemptionsSince(since) {
    const snapshot = await vouchers().where("redeemedAt", ">=", since).get();
    const byCourse = new Map<string, { courseCode: string; institutionCode: string; count: number }>();
    for (const doc of snapshot.docs) {
      const { courseCode, institutionCode } = doc.data();
      const entry = byCourse.get(courseCode) ?? { courseCode, institutionCode, count: 0 };
      byCourse.set(courseCode, { ...entry, count: entry.count + 1 });
    }
    return [...byCourse.values()];
  },
  async courseRedemptions(courseCode, from, to) {
    const counted = await vouchers().where("courseCode", "==", courseCode).where("redeemedAt", ">=", from).where("redeemedAt", "<", to).count().get();
    return counted.data().count;
  },
  async flag(id, flag) {
    try {
      await trainingFlags().doc(id).create(flag);
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 6) return false;
      throw error;
    }
  },
  async settlementsOf(partnerCode, month) {
    return (await settlements().where("partnerCode", "==", partnerCode).where("month", "==", month).get()).docs.map((doc) => doc.data());
  },

  async review(redeemCode, decide) {
    return db().runTransaction(async (tx) => {
      const voucher = (await tx.get(vouchers().doc(redeemCode))).data() ?? null;
      const entitlement = voucher === null ? null : ((await tx.get(entitlements().doc(voucher.uid))).data() ?? null);
      const write = decide({ voucher, entitlement });
      if (write.kind !== "reviewed") return write;
      tx.update(vouchers().doc(redeemCode), fields(voucherDoc, { review: write.voucher.review }));
      if (write.entitlement !== null) tx.create(entitlements().doc(write.voucher.uid), write.entitlement);
      for (const change of write.schedule) writeChange(tx, installmentId(change.payout.uid, change.payout.programYear, change.payout.number), change, true);
      tx.set(timeline(write.voucher.uid).doc(`reviewed-${redeemCode}`), write.event);
      return write;
    });
  },
};
