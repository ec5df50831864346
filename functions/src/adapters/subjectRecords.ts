import type { SubjectRecords } from "../usecases/ports.js";
import { clawbackRepayments, clawbacks, entitlements, inbox } from "./collections.js";

/**
 * The right of access's reads (usecases/downloadMyData.ts) that no other adapter makes by uid. The
 * clawback query is `uid ==` alone, served by the field's own single-field index; a person has a
 * handful of cases, each with a handful of repayments.
 */
/** The one query below: an equality alone, served by the field's single-field index, which must not be exempted (tests/unit/subjectRecords.test.ts). */
export const SUBJECT_RECORD_QUERY_SHAPES = [{ collection: "clawbacks", equalities: ["uid"], orderBy: null }] as const;

export const firestoreSubjectRecords: SubjectRecords = {
  async entitlement(uid) {
    return (await entitlements().doc(uid).get()).data() ?? null;
  },
  async inbox(uid) {
    return (await inbox(uid).get()).docs.map((doc) => ({ key: doc.id, doc: doc.data() }));
  },
  async clawbacksOf(uid) {
    const cases = (await clawbacks().where("uid", "==", uid).get()).docs;
    const withRepayments = await Promise.all(
      cases.map(async (doc) => ({ installmentId: doc.id, doc: doc.data(), repayments: (await clawbackRepayments(doc.id).get()).docs.map((r) => r.data()) })),
    );
    return withRepayments.sort((a, b) => (a.installmentId < b.installmentId ? -1 : a.installmentId > b.installmentId ? 1 : 0));
  },
};
