import { FieldPath, type Query } from "firebase-admin/firestore";
import type { ApplicantDoc } from "../schemas/applicant.js";
import type { RegistrantQuery, Registrants } from "../usecases/ports.js";
import { applicants, nikIndex } from "./collections.js";
import { registrantShape, registrantValueOf } from "./registrantQueries.js";

/** The query of a shape: its equalities on `applicants`, in document-ID order (registrantQueries.ts). */
function queryOf(query: RegistrantQuery): Query<ApplicantDoc> {
  let built: Query<ApplicantDoc> = applicants();
  for (const field of registrantShape(query).equalities) built = built.where(field, "==", registrantValueOf(query, field));
  return built;
}

/**
 * Registrants in Firestore. A page costs one read per registrant (at least 1); a count, one read
 * per 1,000 index entries (a region of 100,000: 100 reads); a NIK look-up, one read of
 * `nikIndex/{nikKey}`. Every shape has its index (firestore.indexes.json, checked by tests/unit/indexes.test.ts).
 */
export const firestoreRegistrants: Registrants = {
  async page(query, after, limit) {
    let built = queryOf(query).orderBy(FieldPath.documentId());
    if (after !== null) built = built.startAfter(after);
    const snapshot = await built.limit(limit).get();
    return snapshot.docs.map((doc) => ({ uid: doc.id, applicant: doc.data() }));
  },
  async count(query) {
    return (await queryOf(query).count().get()).data().count;
  },
  async uidOfNik(nikKey) {
    return (await nikIndex().doc(nikKey).get()).data()?.uid ?? null;
  },
};
