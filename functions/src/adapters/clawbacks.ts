import { FieldPath } from "firebase-admin/firestore";
import type { ClawbackDoc } from "../schemas/clawbacks.js";
import type { ClawbackStore, StoredClawback } from "../usecases/ports.js";
import { clawbackRepayments, clawbacks, payoutLedger, payouts } from "./collections.js";
import { db } from "./firebase.js";

/** Firestore's limit on the values of one `in` filter. */
const IN_LIMIT = 30;

const stored = (docs: Array<{ id: string; data(): ClawbackDoc }>): StoredClawback[] => docs.map((doc) => ({ id: doc.id, clawback: doc.data() }));

/**
 * Clawback cases in Firestore (`clawbacks/{installmentId}`, `…/repayments/{requestId}`) and their
 * ledger entries (`payoutLedger`, created: a second writer of one ID fails its transaction).
 * One act: 2–3 reads (payout, case, the request's repayment) and 1–3 writes.
 */
export const firestoreClawbacks: ClawbackStore = {
  async act(id, requestId, decide) {
    return db().runTransaction(async (tx) => {
      const [payout, clawback, repayment] = await Promise.all([
        tx.get(payouts().doc(id)),
        tx.get(clawbacks().doc(id)),
        requestId === null ? Promise.resolve(null) : tx.get(clawbackRepayments(id).doc(requestId)),
      ]);
      const decision = decide({ payout: payout.data() ?? null, clawback: clawback.data() ?? null, repayment: repayment?.data() ?? null });
      if (decision.clawback !== undefined) tx.set(clawbacks().doc(id), decision.clawback);
      if (decision.repayment !== undefined) {
        if (requestId === null) throw new Error("a repayment is recorded under its request ID");
        tx.create(clawbackRepayments(id).doc(requestId), decision.repayment);
      }
      for (const { id: entryId, entry } of decision.ledger ?? []) tx.create(payoutLedger().doc(entryId), entry);
      return decision.result;
    });
  },

  async get(id) {
    return (await clawbacks().doc(id).get()).data() ?? null;
  },

  async outstanding(limit) {
    return stored((await clawbacks().where("status", "in", ["open", "escalated"]).orderBy("deadline").orderBy(FieldPath.documentId()).limit(limit).get()).docs);
  },

  async lapsed(now, limit) {
    const query = clawbacks().where("status", "==", "open").where("deadline", "<=", now).orderBy("deadline").orderBy(FieldPath.documentId());
    return stored((await query.limit(limit).get()).docs);
  },

  async ofInstallments(ids) {
    const chunks = Array.from({ length: Math.ceil(ids.length / IN_LIMIT) }, (_, n) => ids.slice(n * IN_LIMIT, (n + 1) * IN_LIMIT));
    const found = await Promise.all(chunks.map(async (chunk) => stored((await clawbacks().where(FieldPath.documentId(), "in", chunk).get()).docs)));
    return new Map(found.flat().map((entry) => [entry.id, entry.clawback]));
  },

  async changedBetween(from, to, limit) {
    const query = clawbacks().where("updatedAt", ">=", from).where("updatedAt", "<", to).orderBy("updatedAt").orderBy(FieldPath.documentId());
    return stored((await query.limit(limit).get()).docs);
  },
};
