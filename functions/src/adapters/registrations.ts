import type { Registrations } from "../usecases/ports.js";
import { applicants, families, nikIndex, operatorDays, timeline } from "./collections.js";
import { db } from "./firebase.js";

const NO_FAMILY = { registrants: 0, recipients: 0 };

/**
 * Registration in Firestore. Per registration: 3 reads (NIK index, applicant, family card) and
 * 4 writes (NIK index, applicant, timeline event, family card), all in one transaction; an
 * assisted one adds a read and a write of the operator's day. No document is shared by
 * unrelated registrations: the busiest is one family card, or one operator's day.
 */
export const firestoreRegistrations: Registrations = {
  async register(uid, nikKey, kkKey, decide, assisted) {
    return db().runTransaction(async (tx) => {
      const dayRef = assisted ? operatorDays().doc(`${assisted.operatorUid}_${assisted.day}`) : null;
      const [indexSnap, applicantSnap, familySnap, daySnap] = await Promise.all([
        tx.get(nikIndex().doc(nikKey)),
        tx.get(applicants().doc(uid)),
        tx.get(families().doc(kkKey)),
        dayRef ? tx.get(dayRef) : null,
      ]);
      const state = {
        nikOwner: indexSnap.data()?.uid ?? null,
        existing: applicantSnap.data() ?? null,
        family: familySnap.data() ?? NO_FAMILY,
        assistedToday: daySnap ? (daySnap.data()?.count ?? 0) : null,
      };
      const choice = decide(state);
      if (!choice.write) return state;
      tx.create(nikIndex().doc(nikKey), { uid, at: choice.applicant.registeredAt });
      tx.create(applicants().doc(uid), choice.applicant);
      tx.create(timeline(uid).doc(), choice.event);
      // Read in this transaction, so concurrent registrations of one family serialise here.
      tx.set(families().doc(kkKey), { ...state.family, registrants: state.family.registrants + 1 });
      if (dayRef) tx.set(dayRef, { count: (state.assistedToday ?? 0) + 1 });
      return state;
    });
  },
  async applicant(uid) {
    return (await applicants().doc(uid).get()).data() ?? null;
  },
  async timeline(uid) {
    return (await timeline(uid).orderBy("at").get()).docs.map((d) => d.data());
  },
  async family(kkKey) {
    return (await families().doc(kkKey).get()).data() ?? NO_FAMILY;
  },
  async recordEligibility(uid, eligibility, event) {
    const batch = db().batch();
    batch.update(applicants().doc(uid).withConverter(null), { eligibility });
    batch.create(timeline(uid).doc(), event);
    await batch.commit();
  },
};
