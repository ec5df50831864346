import { partitionDocId } from "../schemas/closeRedrive.js";
import type { CloseRedrives } from "../usecases/ports.js";
import { closePartitions, closeRedrives, waveCloses, waves } from "./collections.js";
import { db } from "./firebase.js";

/**
 * Re-drives of a wave's close in Firestore: one transaction reads `waveCloses/{waveId}`, the
 * partition `partitions/{NN}` and the request's `redrives/{requestId}` (3 reads; a fourth, the
 * wave, only when its close is not found), and writes the
 * partition and the record (2 writes) when the use case re-drives. Two admins re-driving the same
 * partition at once: the second transaction re-reads the partition, now pending with a fresh
 * enqueue time, so it is no longer stalled and that request is refused.
 */
export const firestoreCloseRedrives: CloseRedrives = {
  redrive({ waveId, partition, requestId }, decide) {
    const partitionRef = closePartitions(waveId).doc(partitionDocId(partition));
    const recordRef = closeRedrives(waveId).doc(requestId);
    return db().runTransaction(async (tx) => {
      const [close, found, earlier] = await Promise.all([tx.get(waveCloses().doc(waveId)), tx.get(partitionRef), tx.get(recordRef)]);
      const waveExists = close.exists || (await tx.get(waves().doc(waveId))).exists;
      const choice = decide({ close: close.data() ?? null, waveExists, partition: found.data() ?? null, earlier: earlier.data() ?? null });
      if ("record" in choice) {
        tx.set(partitionRef, choice.partition);
        tx.create(recordRef, choice.record);
      }
      return choice.result;
    });
  },
};
