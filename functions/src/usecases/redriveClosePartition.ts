import { done, refused, type Outcome } from "../domain/outcome.js";
import { mayDo, type Actor } from "../domain/roles.js";
import {
  closePartitionTaskKey,
  partitionDocId,
  type CloseRedriveDoc,
  type RedriveClosePartitionInput,
  type RedriveClosePartitionResult,
} from "../schemas/closeRedrive.js";
import type { RefusalOf } from "../schemas/contract.js";
import { isStalled, PARTITION_PENDING_STALL_SECONDS, pendingSince, type ClosePartitionDoc } from "../schemas/waveClose.js";
import type { Ports } from "./ports.js";

export type RedriveRefusal = RefusalOf<"redriveClosePartition">;

/** What the transaction decided: the request's record, and whether this call made it. */
interface Redriven {
  record: CloseRedriveDoc;
  redriven: boolean;
}

/**
 * The program office re-drives a stalled partition of a wave's close (docs/draw.md §10): a
 * partition whose running attempt's lease lapsed, or that waited unstarted too long
 * (`isStalled`, schemas/waveClose.ts). One transaction raises its attempt by one and puts it back
 * to `pending` with no lease (enqueued now), and records the request
 * (`waveCloses/{waveId}/redrives/{requestId}`); then `closeWavePartition` is enqueued for the new
 * attempt under the key `close-<waveId>-<partition>-<attempt>`, and the act is audited. The close's
 * task ignores a delivery of an older attempt, so the stalled one cannot write after it.
 *
 * A retry of the same request finds its record: it raises nothing again, enqueues the same key
 * again (a task already there is success) and answers the same attempt with `redriven: false`.
 *
 * Refusals (details in brackets): `not-admin`; `wave-not-found` (waveId) when no wave has that ID;
 * `close-not-found` (waveId) when the wave has not started closing; `partition-not-found` (partition, last: the highest index); `partition-done` (partition,
 * finishedAt); `partition-not-stalled` (partition, state, since, stallsAt: ISO instants, UTC);
 * `request-id-reused` when the request ID re-drove another partition of this wave.
 */
export async function redriveClosePartition(
  ports: Pick<Ports, "closeRedrives" | "tasks" | "clock" | "audit">,
  actor: Actor,
  input: RedriveClosePartitionInput,
): Promise<Outcome<RedriveClosePartitionResult, RedriveRefusal>> {
  if (!mayDo(actor, "redrive-close-partition")) return refused("not-admin");
  const now = ports.clock.now();
  const outcome = await ports.closeRedrives.redrive<Outcome<Redriven, RedriveRefusal>>(input, ({ close, waveExists, partition, earlier }) => {
    if (earlier !== null) return { result: earlier.partition === input.partition ? done({ record: earlier, redriven: false }) : refused("request-id-reused") };
    if (close === null) return { result: refused(waveExists ? "close-not-found" : "wave-not-found", { waveId: input.waveId }) };
    if (partition === null) return { result: refused("partition-not-found", { partition: input.partition, last: close.partitions - 1 }) };
    if (partition.state === "done") return { result: refused("partition-done", { partition: input.partition, finishedAt: iso(partition.finishedAt ?? now) }) };
    if (!isStalled(partition, now, close.updatedAt)) {
      return {
        result: refused("partition-not-stalled", {
          partition: input.partition,
          state: partition.state,
          since: iso(sinceOf(partition)),
          stallsAt: iso(stallsAt(partition, close.updatedAt)),
        }),
      };
    }
    const record: CloseRedriveDoc = {
      partition: input.partition,
      attempt: partition.attempt + 1,
      found: partition.state,
      since: sinceOf(partition),
      by: actor.uid,
      at: now,
    };
    const next: ClosePartitionDoc = { ...partition, state: "pending", attempt: record.attempt, leaseUntil: null, enqueuedAt: now, startedAt: null };
    return { result: done({ record, redriven: true }), partition: next, record };
  });
  if (!outcome.ok) return outcome;
  const { record, redriven } = outcome.value;
  await ports.tasks.enqueue(
    "closeWavePartition",
    { waveId: input.waveId, partition: input.partition, attempt: record.attempt },
    { key: closePartitionTaskKey(input.waveId, input.partition, record.attempt) },
  );
  await ports.audit.append({
    act: "redrive-close-partition",
    actor: actor.uid,
    role: actor.claims.role,
    target: `${input.waveId}/${partitionDocId(input.partition)}`,
    // Scoped by wave: the record that makes a retry harmless lives under the wave's close.
    key: `${input.requestId}:${input.waveId}`,
    at: record.at,
    details: { partition: input.partition, attempt: record.attempt, found: record.found, since: iso(record.since) },
  });
  return done({ waveId: input.waveId, partition: input.partition, attempt: record.attempt, redriven });
}

/** When the partition's current state began: its attempt's start while running, its enqueueing while pending. */
function sinceOf(partition: ClosePartitionDoc): Date {
  return partition.state === "running" ? (partition.startedAt ?? partition.enqueuedAt) : partition.enqueuedAt;
}

/** When a partition not stalled yet will count as stalled (isStalled's two clocks). */
function stallsAt(partition: ClosePartitionDoc, closeUpdatedAt: Date): Date {
  if (partition.state === "running") return partition.leaseUntil ?? sinceOf(partition);
  return new Date(pendingSince(partition, closeUpdatedAt).getTime() + PARTITION_PENDING_STALL_SECONDS * 1000);
}

const iso = (at: Date) => at.toISOString();
