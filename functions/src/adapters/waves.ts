import { isForward } from "../domain/wave.js";
import type { Waves } from "../usecases/ports.js";
import { db } from "./firebase.js";
import { waveDoc } from "../schemas/documents.js";
import { fields, waveEvents, waves, waveSecrets } from "./collections.js";

const ALREADY_EXISTS = 6;

export const firestoreWaves: Waves = {
  async get(id) {
    return (await waves().doc(id).get()).data() ?? null;
  },
  async create(id, wave, seed) {
    const batch = db().batch();
    batch.create(waves().doc(id), wave);
    batch.create(waveSecrets().doc(id), { seed });
    try {
      await batch.commit();
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === ALREADY_EXISTS) return false;
      throw error;
    }
  },
  async drawing() {
    return (await waves().where("state", "in", ["closed", "frozen"]).get()).docs.map((d) => d.id);
  },
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
      tx.update(ref, fields(waveDoc, { state: to }));
      tx.set(waveEvents(id).doc(to), event);
      return to;
    });
  },
};
