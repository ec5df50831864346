import { isForward } from "../domain/wave.js";
import type { Waves } from "../usecases/ports.js";
import { db } from "./firebase.js";
import { waveEvents, waves } from "./collections.js";

export const firestoreWaves: Waves = {
  async unfinished() {
    const snapshot = await waves().where("state", "in", ["scheduled", "open"]).get();
    return snapshot.docs.map((doc) => ({ id: doc.id, wave: doc.data() }));
  },
  async advance(id, to, event) {
    return db().runTransaction(async (tx) => {
      const ref = waves().doc(id);
      const current = (await tx.get(ref)).data();
      if (current === undefined) throw new Error(`wave ${id} vanished`);
      // Another run may have moved it already; states never go back.
      if (current.state === to || !isForward(current.state, to)) return current.state;
      tx.update(ref, { state: to });
      tx.set(waveEvents(id).doc(to), event);
      return to;
    });
  },
};
