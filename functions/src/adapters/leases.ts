import type { Leases } from "../usecases/ports.js";
import { leases } from "./collections.js";
import { db } from "./firebase.js";

/**
 * `leases/{name}`: who holds a step and until when. Taken in a transaction, so of two runs
 * arriving together exactly one gets it; the other sees it held and leaves the step alone.
 * One read and one write per take or release.
 */
export const firestoreLeases: Leases = {
  async take(name, holder, now, until) {
    return db().runTransaction(async (tx) => {
      const ref = leases().doc(name);
      const current = (await tx.get(ref)).data();
      // A lease past its time was left by a run that died: it no longer protects anything.
      if (current !== undefined && current.holder !== holder && current.until > now) return false;
      tx.set(ref, { holder, until, takenAt: now });
      return true;
    });
  },
  async release(name, holder) {
    await db().runTransaction(async (tx) => {
      const ref = leases().doc(name);
      if ((await tx.get(ref)).data()?.holder === holder) tx.delete(ref);
    });
  },
};
