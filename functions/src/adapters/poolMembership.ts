import type { PoolMembership } from "../usecases/ports.js";
import { applicantDoc } from "../schemas/applicant.js";
import { applicants, fields, pidIndex, timeline } from "./collections.js";
import { db } from "./firebase.js";

/** Joining the pool: the applicant's flag and pseudonyms, the pid → uid index and the event, in one transaction. */
export const firestorePoolMembership: PoolMembership = {
  async join(uid, pool, event) {
    return db().runTransaction(async (tx) => {
      const applicant = (await tx.get(applicants().doc(uid))).data();
      if (applicant === undefined || applicant.inPool === true || applicant.status !== "registered") return false;
      tx.update(applicants().doc(uid), fields(applicantDoc, { inPool: true, pid: pool.pid, familyPid: pool.familyPid, joinedWave: pool.waveId }));
      tx.set(pidIndex().doc(pool.pid), { uid });
      tx.set(timeline(uid).doc(`joined-${pool.waveId}`), event);
      return true;
    });
  },
};
