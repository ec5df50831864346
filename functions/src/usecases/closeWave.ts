import { PARTITIONS, partitionRange } from "../domain/draw/partitions.js";
import type { ClosePartitionDoc } from "../schemas/waveClose.js";
import { publishWhenApplied } from "./close/applyWinnersPage.js";
import { enqueueWinners } from "./close/drawPool.js";
import { enqueueStep, partitionTaskKey } from "./close/plan.js";
import { inTurns } from "./inTurns.js";
import type { Ports } from "./ports.js";

const ENQUEUE_CONCURRENCY = 8;

export { POOL_PAGE_SIZE } from "./close/plan.js";

/** What the schedule needs to move a wave's close along: it only reads state and enqueues tasks. */
export type CloseWavePorts = Pick<Ports, "draws" | "closes" | "published" | "beacon" | "clock" | "tasks">;

export type CloseStep = "close-started" | "partitioning" | "assembling" | "waiting-for-beacon" | "drawing" | "applying" | "drawn" | "nothing-to-do";

/**
 * Moves a closed wave's close along, from the schedule (docs/draw.md §10). The work itself runs
 * in tasks (usecases/close/): one per partition of the pid space re-checks its applicants and
 * writes its pool lines; the last one done enqueues the assembly, which writes the pool pages and
 * commits the root (the wave is `frozen`); once the beacon round is out the draw runs, then one
 * task per winners page makes them participants and the last publishes (the wave is `drawn`).
 *
 * Each tick starts the close once (the close and its partitions in one transaction, then a task
 * per partition), and afterwards is the backstop: it enqueues again what the current stage waits
 * for, under the same keys, so a task that is still queued is not doubled and a lost one is
 * replaced. It holds nothing in memory and reads the close, its partitions while partitioning,
 * and the beacon while waiting for it.
 */
export async function closeWave(ports: CloseWavePorts, waveId: string): Promise<CloseStep> {
  const wave = await ports.draws.wave(waveId);
  if (wave === null || wave.draw === undefined) return "nothing-to-do";
  const close = await ports.closes.get(waveId);
  const now = ports.clock.now();
  if (wave.state === "closed") {
    if (close === null || close.stage === "partitioning") {
      if (close === null)
        await ports.closes.start(
          waveId,
          newClose(waveId, now),
          Array.from({ length: PARTITIONS }, (_, i) => pendingPartition(i, now)),
        );
      // Eight enqueues at a time: one after another, 64 of them held the tick for minutes on the emulator.
      const waiting = (await ports.closes.partitions(waveId)).filter((partition) => partition.state !== "done");
      // Every partition done, the move to assembling lost (its finisher died between the two): made here.
      if (close !== null && waiting.length === 0) {
        await ports.closes.moveStage(waveId, ["partitioning"], "assembling", {}, now);
        await enqueueStep(ports.tasks, "closeWaveAssemble", waveId, now);
        return "assembling";
      }
      await inTurns(waiting, ENQUEUE_CONCURRENCY, async (partition) => {
        const attempt = Math.max(1, partition.attempt);
        await ports.tasks.enqueue(
          "closeWavePartition",
          { waveId, partition: partition.index, attempt },
          { key: partitionTaskKey(waveId, partition.index, attempt), dispatchDeadlineSeconds: 1800 },
        );
      });
      return close === null ? "close-started" : "partitioning";
    }
    if (close.stage === "assembling") {
      await enqueueStep(ports.tasks, "closeWaveAssemble", waveId, now);
      return "assembling";
    }
    return "nothing-to-do";
  }
  if (wave.state !== "frozen" || close === null) return "nothing-to-do";
  // Committed, but the assembly stopped before it said so: the commitment is what counts.
  if (close.stage === "assembling") await ports.closes.moveStage(waveId, ["assembling"], "waiting-for-beacon", {}, now);
  if (close.stage === "assembling" || close.stage === "waiting-for-beacon") {
    if ((await ports.beacon.value(wave.draw.beacon)) === null) return "waiting-for-beacon";
  }
  if (close.stage === "assembling" || close.stage === "waiting-for-beacon" || close.stage === "drawing") {
    await enqueueStep(ports.tasks, "closeWaveDraw", waveId, now);
    return "drawing";
  }
  if (close.stage === "applying") {
    if (await publishWhenApplied(ports, waveId)) return "drawn";
    await enqueueWinners(ports, waveId, close.winnersPages ?? 0, close.appliedPages ?? []);
    return "applying";
  }
  return "nothing-to-do";
}

const newClose = (waveId: string, now: Date) => ({
  waveId,
  stage: "partitioning" as const,
  partitions: PARTITIONS,
  partitionsDone: 0,
  processed: 0,
  eligible: 0,
  excluded: 0,
  winnersApplied: 0,
  winners: 0,
  startedAt: now,
  updatedAt: now,
});

function pendingPartition(index: number, now: Date): ClosePartitionDoc {
  const { from, to } = partitionRange(index);
  return {
    index,
    from,
    to,
    state: "pending",
    attempt: 0,
    leaseUntil: null,
    enqueuedAt: now,
    startedAt: null,
    finishedAt: null,
    processed: 0,
    eligible: 0,
    excluded: 0,
  };
}
