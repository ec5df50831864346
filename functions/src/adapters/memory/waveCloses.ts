import { chunkId, partitionId } from "../../domain/draw/partitions.js";
import type { ClosePartitionDoc } from "../../schemas/waveClose.js";
import type { PoolMember, WaveCloses } from "../../usecases/ports.js";
import { roundTrip, type Memory } from "./state.js";

/**
 * A wave's close in memory, with adapters/waveCloses.ts's guards: each state change checks the
 * state it starts from with no await between the check and the write (a Firestore transaction).
 * Pool members are read as the partition query reads them: in the pool, registered, in the pid
 * range, in pid order.
 */
export function memoryWaveCloses(memory: Memory): WaveCloses {
  const { waveCloses, closePartitions, closeChunks, closeDrafts, applicants } = memory.state;
  /** Changes partition `index` while `attempt` runs it; false when it no longer does. */
  const updateRunning = async (waveId: string, index: number, attempt: number, changes: Partial<ClosePartitionDoc>) => {
    await roundTrip();
    const id = `${waveId}/${partitionId(index)}`;
    const partition = closePartitions.read(id);
    if (partition?.state !== "running" || partition.attempt !== attempt) return false;
    memory.batch().update(closePartitions, id, changes).commit();
    return true;
  };
  return {
    async get(waveId) {
      await roundTrip();
      return waveCloses.read(waveId) ?? null;
    },
    async partitions(waveId) {
      await roundTrip();
      return closePartitions.under(`${waveId}/`).map(([, partition]) => partition);
    },
    async start(waveId, close, partitions) {
      await roundTrip();
      if (waveCloses.has(waveId)) return false;
      const batch = memory.batch().set(waveCloses, waveId, close);
      for (const partition of partitions) batch.set(closePartitions, `${waveId}/${partitionId(partition.index)}`, partition);
      batch.commit();
      return true;
    },
    async takePartition(waveId, index, attempt, now, leaseUntil) {
      await roundTrip();
      const id = `${waveId}/${partitionId(index)}`;
      const partition = closePartitions.read(id);
      if (partition === undefined) return "missing";
      if (partition.state === "done") return "done";
      if (partition.attempt > attempt) return "superseded";
      if (partition.state === "running" && partition.attempt === attempt && partition.leaseUntil !== null && partition.leaseUntil > now) return "held";
      memory.batch().update(closePartitions, id, { state: "running", attempt, leaseUntil, startedAt: now, processed: 0, eligible: 0, excluded: 0 }).commit();
      return "taken";
    },
    async members({ from, to }, afterPid, limit) {
      await roundTrip();
      const members: PoolMember[] = applicants
        .under("")
        .filter(([, a]) => a.inPool === true && a.status === "registered" && a.pid !== undefined)
        .filter(([, a]) => a.pid! >= from && (to === null || a.pid! < to) && (afterPid === null || a.pid! > afterPid))
        .sort(([, a], [, b]) => (a.pid! < b.pid! ? -1 : 1))
        .slice(0, limit)
        .map(([uid, applicant]) => ({ uid, applicant }));
      return members;
    },
    async writeChunk(waveId, index, seq, lines) {
      await roundTrip();
      memory
        .batch()
        .set(closeChunks, `${waveId}/${chunkId(index, seq)}`, { partition: index, seq, lines })
        .commit();
    },
    async chunk(waveId, index, seq) {
      await roundTrip();
      return closeChunks.read(`${waveId}/${chunkId(index, seq)}`)?.lines ?? [];
    },
    async releasePartition(waveId, index, attempt, now) {
      return updateRunning(waveId, index, attempt, { leaseUntil: now });
    },
    async progress(waveId, index, attempt, processed, leaseUntil) {
      return updateRunning(waveId, index, attempt, { processed, leaseUntil });
    },
    async finishPartition(waveId, index, attempt, tally, at) {
      await roundTrip();
      const id = `${waveId}/${partitionId(index)}`;
      const [partition, close] = [closePartitions.read(id), waveCloses.read(waveId)];
      if (partition?.state !== "running" || partition.attempt !== attempt || close === undefined) return null;
      const partitionsDone = close.partitionsDone + 1;
      const excludedByReason = { ...close.excludedByReason };
      for (const [reason, n] of Object.entries(tally.excludedByReason)) excludedByReason[reason] = (excludedByReason[reason] ?? 0) + n;
      const allDone = partitionsDone === close.partitions;
      memory
        .batch()
        .update(closePartitions, id, { state: "done", leaseUntil: null, finishedAt: at, ...tally })
        .update(waveCloses, waveId, {
          partitionsDone,
          processed: close.processed + tally.processed,
          eligible: close.eligible + tally.eligible,
          excluded: close.excluded + tally.excluded,
          excludedByReason,
          updatedAt: at,
          ...(allDone ? { stage: "assembling" as const } : {}),
        })
        .commit();
      return { allDone };
    },
    async moveStage(waveId, from, to, fields, at) {
      await roundTrip();
      const close = waveCloses.read(waveId);
      if (close === undefined || !from.includes(close.stage)) return false;
      memory
        .batch()
        .update(waveCloses, waveId, { ...fields, stage: to, updatedAt: at })
        .commit();
      return true;
    },
    async saveDraft(waveId, draft) {
      await roundTrip();
      memory.batch().set(closeDrafts, `${waveId}/manifest`, draft).commit();
    },
    async draft(waveId) {
      await roundTrip();
      return closeDrafts.read(`${waveId}/manifest`) ?? null;
    },
    async pageApplied(waveId, page, applied, at) {
      await roundTrip();
      const close = waveCloses.read(waveId);
      if (close?.stage !== "applying") return null;
      const pages = close.appliedPages ?? [];
      if (pages.includes(page)) return { allApplied: pages.length === close.winnersPages };
      const appliedPages = [...pages, page].sort((a, b) => a - b);
      memory
        .batch()
        .update(waveCloses, waveId, { appliedPages, winnersApplied: close.winnersApplied + applied, updatedAt: at })
        .commit();
      return { allApplied: appliedPages.length === close.winnersPages };
    },
  };
}
