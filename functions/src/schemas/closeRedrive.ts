import { z } from "zod";
import { waveId } from "./ids.js";
import { PARTITION_STATES } from "./waveClose.js";

/**
 * Re-driving a stalled partition of a wave's close (usecases/redriveClosePartition.ts): the
 * program office's callable, what it answers, and the record each request leaves.
 */

/** `redriveClosePartition` input (admin): partition `partition` (0-based index) of wave `waveId`'s close. */
export const redriveClosePartitionInput = z.object({
  waveId,
  partition: z.number().int().nonnegative().max(255),
  /** The caller's idempotency key: a retried request answers as its first did and raises the attempt once. */
  requestId: z.uuid(),
});
export type RedriveClosePartitionInput = z.infer<typeof redriveClosePartitionInput>;

/** What `redriveClosePartition` answers: the partition's new attempt, enqueued as `closeWavePartition`. */
export interface RedriveClosePartitionResult {
  waveId: string;
  partition: number;
  /** The attempt the re-drive started (the one before it plus one). */
  attempt: number;
  /** True when this call raised the attempt; false for a retry of a request already done. */
  redriven: boolean;
}

/**
 * `waveCloses/{waveId}/redrives/{requestId}`: one re-drive, written in the transaction that raised
 * the partition's attempt, so a retry of the request finds it and raises nothing again.
 */
export const closeRedriveDoc = z
  .object({
    partition: z.number().int().nonnegative(),
    /** The attempt this re-drive started. */
    attempt: z.number().int().positive(),
    /** What the partition was found in, and since when (its start, or its enqueueing while pending). */
    found: z.enum(PARTITION_STATES),
    since: z.date(),
    /** The uid of the admin who re-drove it. */
    by: z.string().min(1),
    at: z.date(),
  })
  .strict();
export type CloseRedriveDoc = z.infer<typeof closeRedriveDoc>;

/** The document ID of partition `index` under `waveCloses/{waveId}/partitions`: two digits (`07`). */
export const partitionDocId = (index: number): string => String(index).padStart(2, "0");

/** The idempotency key of attempt `attempt` of a partition's task (its Cloud Tasks ID is derived from it). */
export const closePartitionTaskKey = (wave: string, partition: number, attempt: number): string => `close-${wave}-${partition}-${attempt}`;
