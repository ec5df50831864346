import { FieldPath, type Query } from "firebase-admin/firestore";
import { applicantDoc, type ApplicantDoc } from "../schemas/applicant.js";
import type { Verifications } from "../usecases/ports.js";
import { applicants, fields, timeline, verificationDecisions } from "./collections.js";
import { db } from "./firebase.js";
import { queueShape } from "./verificationQueue.js";

/**
 * Verification cases in Firestore: the queue is a query on `applicants` (a composite index per
 * shape, firestore.indexes.json), and a decision is one transaction of 2 reads (the applicant, the
 * request's decision record) and 3 writes (the applicant, its timeline event, the record).
 */
export const firestoreVerifications: Verifications = {
  async cases({ state, region, after, limit }) {
    const shape = queueShape(region);
    let query: Query<ApplicantDoc> = applicants();
    for (const field of shape.equalities) query = query.where(field, "==", field === "verification.state" ? state : region);
    query = query.orderBy(shape.orderBy).orderBy(FieldPath.documentId());
    if (after !== null) query = query.startAfter(after.requestedAt, after.uid);
    const snapshot = await query.limit(limit).get();
    return snapshot.docs.map((doc) => ({ uid: doc.id, applicant: doc.data() }));
  },
  async decide(uid, requestId, decide) {
    return db().runTransaction(async (tx) => {
      const [applicantSnap, recordSnap] = await Promise.all([tx.get(applicants().doc(uid)), tx.get(verificationDecisions().doc(requestId))]);
      const state = { applicant: applicantSnap.data() ?? null, recorded: recordSnap.data() ?? null };
      const choice = decide(state);
      if (!choice.write) return state;
      tx.update(applicants().doc(uid), fields(applicantDoc, { verification: choice.verification, eligibility: choice.eligibility }));
      tx.create(timeline(uid).doc(`verification-${requestId}`), choice.event);
      tx.create(verificationDecisions().doc(requestId), choice.record);
      return state;
    });
  },
};
