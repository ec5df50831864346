import type { PoolMembership } from "../usecases/ports.js";
import { applicantDoc } from "../schemas/applicant.js";
import { applicants, families, fields, pidIndex, timeline } from "./collections.js";
import { db } from "./firebase.js";

/** Joining the pool: the applicant's flag, pseudonyms and family recipients, the pid → uid index and the event, in one transaction. */
export const firestorePoolMembership: PoolMembership = {
  async join(uid, pool, event) {
    return db().runTransaction(async (tx) => {
      const applicant = (await tx.get(applicants().doc(uid))).data();
      if (applicant === undefined || applicant.inPool === true || applicant.status !== "registered") return false;
      // The family's recipients, read in this transaction: a member selected meanwhile conflicts with it (drawStore.ts applyWinners).
      const familyRecipients = (await tx.get(families().doc(applicant.kkKey))).data()?.recipients ?? 0;
      tx.update(
        applicants().doc(uid),
        fields(applicantDoc, { inPool: true, pid: pool.pid, familyPid: pool.familyPid, joinedWave: pool.waveId, familyRecipients }),
      );
      tx.set(pidIndex().doc(pool.pid), { uid });
      tx.set(timeline(uid).doc(`joined-${pool.waveId}`), event);
      return true;
    });
  },
};
