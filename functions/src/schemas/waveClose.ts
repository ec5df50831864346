import { z } from "zod";

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
  })
  .strict();
export type ClosePartitionDoc = z.infer<typeof closePartitionDoc>;

/** A partition is stalled when its running attempt's lease lapsed, or it waits unstarted for longer than this. */
export const PARTITION_PENDING_STALL_SECONDS = 600;

export function isStalled(partition: ClosePartitionDoc, now: Date): boolean {
  if (partition.state === "done") return false;
  if (partition.state === "running") return partition.leaseUntil !== null && partition.leaseUntil.getTime() < now.getTime();
  return now.getTime() - partition.enqueuedAt.getTime() > PARTITION_PENDING_STALL_SECONDS * 1000;
}

/** The task that closes one partition: `closeWavePartition` with this payload. A re-drive enqueues it again with attempt + 1. */
export const closePartitionTask = z
  .object({ waveId: z.string().min(1), partition: z.number().int().nonnegative(), attempt: z.number().int().positive() })
  .strict();
export type ClosePartitionTask = z.infer<typeof closePartitionTask>;
