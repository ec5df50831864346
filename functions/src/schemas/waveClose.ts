import { z } from "zod";
import { drawManifest } from "./draw.js";

/**
 * The close of a wave as it runs (docs/draw.md §10): one document per wave,
 * `waveCloses/{waveId}`, and one per partition of the pseudonymous-ID space,
 * `waveCloses/{waveId}/partitions/{index as 2 digits}`. Written by the close's tasks, read by
 * the program office's progress view (admin and auditor), never by applicants.
 */
export const CLOSE_STAGES = ["partitioning", "assembling", "waiting-for-beacon", "drawing", "applying", "done"] as const;
export type CloseStage = (typeof CLOSE_STAGES)[number];

export const PARTITION_STATES = ["pending", "running", "done"] as const;
export type PartitionState = (typeof PARTITION_STATES)[number];

export const waveCloseDoc = z
  .object({
    waveId: z.string().min(1),
    stage: z.enum(CLOSE_STAGES),
    /** Partitions of the pid space (64: one per first base64url character). */
    partitions: z.number().int().positive(),
    partitionsDone: z.number().int().nonnegative(),
    /** Joined applicants read by finished partitions. */
    processed: z.number().int().nonnegative(),
    /** Of those, in the pool (eligible at the re-check) and excluded. */
    eligible: z.number().int().nonnegative(),
    excluded: z.number().int().nonnegative(),
    /** Winners written as participants so far, of `winners` (0 until the draw ran). */
    winnersApplied: z.number().int().nonnegative(),
    winners: z.number().int().nonnegative(),
    startedAt: z.date(),
    updatedAt: z.date(),
    /** Excluded at the re-check, by reason, over finished partitions (the manifest's `excludedByReason`). */
    excludedByReason: z.record(z.string(), z.number().int().nonnegative()).optional(),
    /** Winners pages to apply (one task each), once the draw ran; and those applied so far. */
    winnersPages: z.number().int().nonnegative().optional(),
    appliedPages: z.array(z.number().int().nonnegative()).optional(),
  })
  .strict();
export type WaveCloseDoc = z.infer<typeof waveCloseDoc>;

export const closePartitionDoc = z
  .object({
    index: z.number().int().nonnegative(),
    /** The pid range [from, to): bytewise, `to` null for the last partition. */
    from: z.string(),
    to: z.string().nullable(),
    state: z.enum(PARTITION_STATES),
    /** Deliveries started (1 for the first; a re-drive or a retry adds one). */
    attempt: z.number().int().nonnegative(),
    /** When the running attempt's lease lapses: a partition still running after it is stalled. */
    leaseUntil: z.date().nullable(),
    enqueuedAt: z.date(),
    startedAt: z.date().nullable(),
    finishedAt: z.date().nullable(),
    /** Applicants read so far by the running attempt, or by the finished one. */
    processed: z.number().int().nonnegative(),
    eligible: z.number().int().nonnegative(),
    excluded: z.number().int().nonnegative(),
    /** The finished attempt's exclusions by reason, and the chunk documents of pool lines it wrote. */
    excludedByReason: z.record(z.string(), z.number().int().nonnegative()).optional(),
    chunks: z.number().int().nonnegative().optional(),
  })
  .strict();
export type ClosePartitionDoc = z.infer<typeof closePartitionDoc>;

/**
 * A partition is stalled when its running attempt's lease lapsed, or it waits unstarted for longer
 * than this while the close makes no progress: the queue runs 16 partitions at a time, so at
 * national scale most wait their turn for a long while, and they are not stalled as long as
 * partitions keep finishing (each finish moves the close's `updatedAt`).
 */
export const PARTITION_PENDING_STALL_SECONDS = 600;

/** Since when a pending partition has waited with no progress of its close: its enqueueing, or the close's last progress if later. */
export function pendingSince(partition: Pick<ClosePartitionDoc, "enqueuedAt">, closeUpdatedAt: Date): Date {
  return closeUpdatedAt.getTime() > partition.enqueuedAt.getTime() ? closeUpdatedAt : partition.enqueuedAt;
}

/** Whether a partition is stalled at `now` (see PARTITION_PENDING_STALL_SECONDS); `closeUpdatedAt` is its close's `updatedAt`. */
export function isStalled(partition: ClosePartitionDoc, now: Date, closeUpdatedAt: Date): boolean {
  if (partition.state === "done") return false;
  if (partition.state === "running") return partition.leaseUntil !== null && partition.leaseUntil.getTime() < now.getTime();
  return now.getTime() - pendingSince(partition, closeUpdatedAt).getTime() > PARTITION_PENDING_STALL_SECONDS * 1000;
}

/** The task that closes one partition: `closeWavePartition` with this payload. A re-drive enqueues it again with attempt + 1. */
export const closePartitionTask = z
  .object({ waveId: z.string().min(1), partition: z.number().int().nonnegative(), attempt: z.number().int().positive() })
  .strict();
export type ClosePartitionTask = z.infer<typeof closePartitionTask>;

/**
 * `waveCloses/{waveId}/chunks/{NN-seq}`: up to CHUNK_LINES eligible pool lines of partition NN, in
 * pid order, as committed (domain/draw/merkle.ts entryLine; about 95 bytes each, so 4,096 lines
 * ≈ 390 KB). Written by the partition's task, read once by the assembly. Nobody else reads them.
 */
export const closeChunkDoc = z.object({ partition: z.number().int().nonnegative(), seq: z.number().int().nonnegative(), lines: z.array(z.string()) }).strict();
export type CloseChunkDoc = z.infer<typeof closeChunkDoc>;

/** `waveCloses/{waveId}/draft/manifest`: the manifest drawn, kept until every winner is a participant, then published. */
export const closeDraftDoc = z.object({ manifest: drawManifest, drawnAt: z.date(), pageSize: z.number().int().positive() }).strict();
export type CloseDraftDoc = z.infer<typeof closeDraftDoc>;

/** The close's other tasks: assembling the pool (`closeWaveAssemble`) and drawing it (`closeWaveDraw`), one per wave. */
export const closeStepTask = z.object({ waveId: z.string().min(1) }).strict();
/** `closeWaveWinners`: makes the winners of page `page` (of the draft's pages) participants. */
export const closeWinnersTask = z.object({ waveId: z.string().min(1), page: z.number().int().nonnegative() }).strict();
