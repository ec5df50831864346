import { NO_FAMILY, withMember } from "../domain/family.js";
import type { Registrations } from "../usecases/ports.js";
import { applicantDoc } from "../schemas/applicant.js";
import { applicants, families, fields, nikIndex, operatorDays, registerAttempts, timeline } from "./collections.js";
import { db } from "./firebase.js";

/**
 * Registration in Firestore. Per registration: 4 reads (NIK index, applicant, family card, the
 * caller's attempts of the day) and 4 writes (NIK index, applicant, timeline event, family card),
 * all in one transaction; an assisted one adds a read and a write of the operator's day; a
 * refusal writes only the caller's attempts. No document is shared by unrelated registrations:
 * the busiest is one family card, or one operator's day.
 */
export const firestoreRegistrations: Registrations = {
  async register({ uid, nikKey, kkKey, caller, day, assisted }, decide) {
    return db().runTransaction(async (tx) => {
      const dayRef = assisted ? operatorDays().doc(`${caller}_${day}`) : null;
      const attemptsRef = registerAttempts().doc(`${caller}_${day}`);
      const [indexSnap, applicantSnap, familySnap, daySnap, attemptsSnap] = await Promise.all([
        tx.get(nikIndex().doc(nikKey)),
        tx.get(applicants().doc(uid)),
        tx.get(families().doc(kkKey)),
        dayRef ? tx.get(dayRef) : null,
        tx.get(attemptsRef),
      ]);
      const state = {
        nikOwner: indexSnap.data()?.uid ?? null,
        existing: applicantSnap.data() ?? null,
        family: familySnap.data() ?? NO_FAMILY,
        assistedToday: daySnap ? (daySnap.data()?.count ?? 0) : null,
        attemptsToday: attemptsSnap.data()?.count ?? 0,
      };
      const choice = decide(state);
      if (!choice.write) {
        if (choice.countAttempt) tx.set(attemptsRef, { count: state.attemptsToday + 1 });
        return state;
      }
      tx.create(nikIndex().doc(nikKey), { uid, at: choice.applicant.registeredAt });
      tx.create(applicants().doc(uid), choice.applicant);
      tx.create(timeline(uid).doc(), choice.event);
      // Read in this transaction, so concurrent registrations of one family serialise here.
      tx.set(families().doc(kkKey), withMember(state.family, uid, true));
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
    batch.update(applicants().doc(uid), fields(applicantDoc, { eligibility }));
    batch.create(timeline(uid).doc(), event);
    await batch.commit();
  },
};
