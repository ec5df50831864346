import type { Desk } from "../usecases/ports.js";
import { NO_FAMILY, withMember } from "../domain/family.js";
import { applicants, deskReceipts, families, nikDisputes, nikIndex, operatorDays, timeline } from "./collections.js";
import { db } from "./firebase.js";

const ALREADY_EXISTS = 6;

/**
 * The desk in Firestore. Looking up: one read of `nikIndex`. The operator's day: one read.
 * Opening a case: one create. Resolving: one transaction reading the case, the NIK index, both
 * applicants, the registration's family card and timeline (a person's timeline holds tens of
 * events), and for a re-tie writing the case, the NIK index, both applicants, the family card (it
 * lists the claimant), each timeline event copied under the claimant and one event each: about
 * 6 + 2 × events writes, far under the 500 a transaction takes.
 */
export const firestoreDesk: Desk = {
  async nikOwner(nikKey) {
    return (await nikIndex().doc(nikKey).get()).data()?.uid ?? null;
  },
  async assistedOn(operatorUid, day) {
    return (await operatorDays().doc(`${operatorUid}_${day}`).get()).data()?.count ?? 0;
  },
  async dispute(id) {
    return (await nikDisputes().doc(id).get()).data() ?? null;
  },
  async openDispute(id, doc) {
    try {
      await nikDisputes().doc(id).create(doc);
      return { created: true, dispute: doc };
    } catch (error) {
      if ((error as { code?: number }).code !== ALREADY_EXISTS) throw error;
      // A retry of the same request: the case as it was stored first.
      const stored = (await nikDisputes().doc(id).get()).data();
      if (stored === undefined) throw error;
      return { created: false, dispute: stored };
    }
  },
  async receipt(requestId) {
    return (await deskReceipts().doc(requestId).get()).data() ?? null;
  },
  async recordReceipt(requestId, doc) {
    try {
      await deskReceipts().doc(requestId).create(doc);
      return doc;
    } catch (error) {
      if ((error as { code?: number }).code !== ALREADY_EXISTS) throw error;
      // A concurrent retry (or a reuse) got there first: the receipt as it was recorded.
      const stored = (await deskReceipts().doc(requestId).get()).data();
      if (stored === undefined) throw error;
      return stored;
    }
  },
  async resolveDispute(id, decide) {
    return db().runTransaction(async (tx) => {
      const dispute = (await tx.get(nikDisputes().doc(id))).data() ?? null;
      if (dispute === null) {
        return decide({ dispute, nikOwner: null, registration: null, timeline: [], claimantRegistration: null }).result;
      }
      const [indexSnap, registrationSnap, claimantSnap, events] = await Promise.all([
        tx.get(nikIndex().doc(dispute.nikKey)),
        tx.get(applicants().doc(dispute.uid)),
        tx.get(applicants().doc(dispute.claimantUid)),
        tx.get(timeline(dispute.uid).orderBy("at")),
      ]);
      const registration = registrationSnap.data() ?? null;
      // Its family card lists the account: a re-tie lists the claimant's too.
      const familyRef = registration === null ? null : families().doc(registration.kkKey);
      const family = familyRef === null ? null : ((await tx.get(familyRef)).data() ?? NO_FAMILY);
      const choice = decide({
        dispute,
        nikOwner: indexSnap.data()?.uid ?? null,
        registration,
        timeline: events.docs.map((doc) => doc.data()),
        claimantRegistration: claimantSnap.data() ?? null,
      });
      if (choice.dispute === undefined) return choice.result;
      tx.set(nikDisputes().doc(id), choice.dispute);
      if (choice.retie !== undefined) {
        const { moved, claimantEvent, blocked, blockedEvent } = choice.retie;
        const to = choice.dispute.claimantUid;
        tx.set(nikIndex().doc(dispute.nikKey), { uid: to, at: claimantEvent.at });
        // Created: a registration the claimant made meanwhile fails the whole move.
        tx.create(applicants().doc(to), moved);
        tx.set(applicants().doc(dispute.uid), blocked);
        tx.create(timeline(dispute.uid).doc(), blockedEvent);
        if (familyRef !== null && family !== null) tx.set(familyRef, withMember(family, to, false));
        for (const event of events.docs) tx.create(timeline(to).doc(event.id), event.data());
        tx.create(timeline(to).doc(), claimantEvent);
      }
      return choice.result;
    });
  },
};
