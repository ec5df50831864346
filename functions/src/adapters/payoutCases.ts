import type { PayoutCases, StoredPayoutCase } from "../usecases/ports.js";
import { paymentQuarantine, payoutCases } from "./collections.js";
import { db } from "./firebase.js";

/**
 * The queries below that need a composite index (firestore.indexes.json; tests/unit/payoutCasesIndexes.test.ts):
 * the open report on an installment (equalities only, but the emulator would not say if merging
 * single-field indexes were refused), and the open reports oldest first. A participant's own
 * reports are `uid ==` alone, served by the field's own index.
 */
export const PAYOUT_CASE_QUERY_SHAPES = [
  { collection: "payoutCases", equalities: ["uid", "installmentId", "status"], orderBy: null },
  { collection: "payoutCases", equalities: ["status"], orderBy: "openedAt" },
] as const;

const stored = (docs: Array<{ id: string; data(): StoredPayoutCase["doc"] }>): StoredPayoutCase[] => docs.map((doc) => ({ id: doc.id, doc: doc.data() }));

/** Participants' reports (`payoutCases/{requestId}`) and the resolution of quarantined partner reports (`paymentQuarantine/{id}`). */
export const firestorePayoutCases: PayoutCases = {
  async open(id, doc) {
    return db().runTransaction(async (tx) => {
      const [existing, openOnInstallment] = await Promise.all([
        tx.get(payoutCases().doc(id)),
        tx.get(payoutCases().where("uid", "==", doc.uid).where("installmentId", "==", doc.installmentId).where("status", "==", "open").limit(1)),
      ]);
      const same = existing.data();
      if (same !== undefined) return { kind: "existing", id, doc: same };
      const open = openOnInstallment.docs[0];
      if (open !== undefined) return { kind: "existing", id: open.id, doc: open.data() };
      tx.create(payoutCases().doc(id), doc);
      return { kind: "created", id, doc };
    });
  },

  async ofParticipant(uid) {
    // A participant has a handful of cases at most: sorted here rather than with one more composite index.
    const cases = stored((await payoutCases().where("uid", "==", uid).get()).docs);
    return cases.sort((a, b) => b.doc.openedAt.getTime() - a.doc.openedAt.getTime());
  },

  async openCases(limit) {
    return stored((await payoutCases().where("status", "==", "open").orderBy("openedAt").limit(limit).get()).docs);
  },

  async resolveQuarantine(id, decide) {
    return db().runTransaction(async (tx) => {
      const ref = paymentQuarantine().doc(id);
      const { doc, result } = decide((await tx.get(ref)).data() ?? null);
      if (doc !== null) tx.set(ref, doc);
      return result;
    });
  },

  async resolveCase(id, decide) {
    return db().runTransaction(async (tx) => {
      const ref = payoutCases().doc(id);
      const { doc, result } = decide((await tx.get(ref)).data() ?? null);
      if (doc !== null) tx.set(ref, doc);
      return result;
    });
  },
};
