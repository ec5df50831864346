import { FieldPath, FieldValue } from "firebase-admin/firestore";
import { chunkId, partitionId } from "../domain/draw/partitions.js";
import type { ApplicantDoc } from "../schemas/applicant.js";
import { waveCloseDoc, closePartitionDoc, type ClosePartitionDoc } from "../schemas/waveClose.js";
import type { PoolMember, WaveCloses } from "../usecases/ports.js";
import { applicants, closeChunks, closeDrafts, closePartitions, fields, waveCloses } from "./collections.js";
import { db } from "./firebase.js";

/**
 * The close's query shape, listed for tests/unit/waveCloseIndexes.test.ts: the partition's members
 * in pid order within its range, served by the composite index (inPool, status, pid).
 */
export const CLOSE_MEMBERS_SHAPE = { collection: "applicants", equalities: ["inPool", "status"], orderBy: "pid" } as const;

/**
 * A wave's close in Firestore. Reads: one per pool member (the partition's query, in pages), one
 * per chunk, and a handful per state change; every state change is a transaction that reads the
 * state it starts from.
 */
export const firestoreWaveCloses: WaveCloses = {
  async get(waveId) {
    return (await waveCloses().doc(waveId).get()).data() ?? null;
  },
  async partitions(waveId) {
    return (await closePartitions(waveId).orderBy(FieldPath.documentId()).get()).docs.map((d) => d.data());
  },
  async start(waveId, close, partitions) {
    return db().runTransaction(async (tx) => {
      if ((await tx.get(waveCloses().doc(waveId))).exists) return false;
      tx.create(waveCloses().doc(waveId), close);
      for (const partition of partitions) tx.create(closePartitions(waveId).doc(partitionId(partition.index)), partition);
      return true;
    });
  },
  async takePartition(waveId, index, attempt, now, leaseUntil) {
    const ref = closePartitions(waveId).doc(partitionId(index));
    return db().runTransaction(async (tx) => {
      const partition = (await tx.get(ref)).data();
      if (partition === undefined) return "missing";
      if (partition.state === "done") return "done";
      if (partition.attempt > attempt) return "superseded";
      if (partition.state === "running" && partition.attempt === attempt && partition.leaseUntil !== null && partition.leaseUntil > now) return "held";
      tx.update(ref, fields(closePartitionDoc, { state: "running", attempt, leaseUntil, startedAt: now, processed: 0, eligible: 0, excluded: 0 }));
      return "taken";
    });
  },
  async members({ from, to }, afterPid, limit) {
    let query = applicants().where("inPool", "==", true).where("status", "==", "registered").where("pid", ">=", from);
    if (to !== null) query = query.where("pid", "<", to);
    query = query.orderBy("pid").limit(limit);
    if (afterPid !== null) query = query.startAfter(afterPid);
    const snapshot = await query.get();
    return snapshot.docs.map((doc): PoolMember => ({ uid: doc.id, applicant: doc.data() satisfies ApplicantDoc }));
  },
  async writeChunk(waveId, index, seq, lines) {
    await closeChunks(waveId).doc(chunkId(index, seq)).set({ partition: index, seq, lines });
  },
  async chunk(waveId, index, seq) {
    return (await closeChunks(waveId).doc(chunkId(index, seq)).get()).data()?.lines ?? [];
  },
  async releasePartition(waveId, index, attempt, now) {
    return updateRunning(waveId, index, attempt, { leaseUntil: now });
  },
  async progress(waveId, index, attempt, processed, leaseUntil) {
    return updateRunning(waveId, index, attempt, { processed, leaseUntil });
  },
  /**
   * The partition's own document moves to done in a transaction that reads only it; the close's
   * sums move by increments in the same commit, without reading the close: 64 partitions finishing
   * at once never queue on one document's lock (the emulator times such transactions out). The
   * close is then read once, and the finisher that sees every partition done moves it to
   * `assembling` (moveStage: once). A crash between the two is caught by the schedule, which
   * moves a close whose partitions are all done (closeWave.ts).
   */
  async finishPartition(waveId, index, attempt, tally, at) {
    const ref = closePartitions(waveId).doc(partitionId(index));
    const owned = await db().runTransaction(async (tx) => {
      const partition = (await tx.get(ref)).data();
      if (partition?.state !== "running" || partition.attempt !== attempt) return false;
      tx.update(ref, fields(closePartitionDoc, { state: "done", leaseUntil: null, finishedAt: at, ...tally }));
      const sums: Record<string, FieldValue | Date> = {
        partitionsDone: FieldValue.increment(1),
        processed: FieldValue.increment(tally.processed),
        eligible: FieldValue.increment(tally.eligible),
        excluded: FieldValue.increment(tally.excluded),
        updatedAt: at,
      };
      for (const [reason, n] of Object.entries(tally.excludedByReason)) sums[`excludedByReason.${reason}`] = FieldValue.increment(n);
      tx.update(waveCloses().withConverter(null).doc(waveId), sums);
      return true;
    });
    if (!owned) return null;
    const close = (await waveCloses().doc(waveId).get()).data();
    const allDone =
      close !== undefined && close.partitionsDone >= close.partitions && (await firestoreWaveCloses.moveStage(waveId, ["partitioning"], "assembling", {}, at));
    return { allDone };
  },
  async moveStage(waveId, from, to, changes, at) {
    return db().runTransaction(async (tx) => {
      const close = (await tx.get(waveCloses().doc(waveId))).data();
      if (close === undefined || !from.includes(close.stage)) return false;
      tx.update(waveCloses().doc(waveId), fields(waveCloseDoc, { ...changes, stage: to, updatedAt: at }));
      return true;
    });
  },
  async saveDraft(waveId, draft) {
    await closeDrafts(waveId).doc("manifest").set(draft);
  },
  async draft(waveId) {
    return (await closeDrafts(waveId).doc("manifest").get()).data() ?? null;
  },
  async pageApplied(waveId, page, applied, at) {
    return db().runTransaction(async (tx) => {
      const close = (await tx.get(waveCloses().doc(waveId))).data();
      if (close?.stage !== "applying") return null;
      const pages = close.appliedPages ?? [];
      if (pages.includes(page)) return { allApplied: pages.length === close.winnersPages };
      const appliedPages = [...pages, page].sort((a, b) => a - b);
      tx.update(waveCloses().doc(waveId), fields(waveCloseDoc, { appliedPages, winnersApplied: close.winnersApplied + applied, updatedAt: at }));
      return { allApplied: appliedPages.length === close.winnersPages };
    });
  },
};

/** Changes partition `index` while `attempt` runs it, in a transaction; false when it no longer does. */
function updateRunning(waveId: string, index: number, attempt: number, changes: Partial<ClosePartitionDoc>): Promise<boolean> {
  const ref = closePartitions(waveId).doc(partitionId(index));
  return db().runTransaction(async (tx) => {
    const partition = (await tx.get(ref)).data();
    if (partition?.state !== "running" || partition.attempt !== attempt) return false;
    tx.update(ref, fields(closePartitionDoc, changes));
    return true;
  });
}
