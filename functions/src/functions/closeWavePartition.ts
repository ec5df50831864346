import { ports } from "../composition.js";
import { vaultKeysSecret } from "../config.js";
import { task } from "../edge/task.js";
import { logs } from "../logs.js";
import { closePartitionTask } from "../schemas/waveClose.js";
import { closePartition } from "../usecases/close/closePartition.js";

/**
 * Closes one partition of a closed wave's pool (usecases/close/closePartition.ts): re-checks its
 * applicants and writes its pool lines. Enqueued by advanceWaves, 64 per wave, and by a re-drive.
 */
export const closeWavePartition = task({
  name: "closeWavePartition",
  payload: closePartitionTask,
  // A failed delivery released its lease: tried again 15 s later (then 30, 60… up to 10 min). A
  // delivery that crashed outright holds it: the retries are refused until it lapses (300 s).
  retryConfig: { maxAttempts: 20, minBackoffSeconds: 15, maxBackoffSeconds: 600 },
  // Sixteen partitions at once: about 1/4 of the pool read in parallel, within Firestore's ramp.
  rateLimits: { maxConcurrentDispatches: 16, maxDispatchesPerSecond: 16 },
  // Another delivery of the same attempt is running: try later, it may have died.
  refusals: { "partition-held": "retry" },
  options: { timeoutSeconds: 1800, memory: "1GiB", secrets: [vaultKeysSecret] },
  async handle(payload) {
    const outcome = await closePartition(ports(), payload);
    if (outcome.ok)
      logs.closeTaskDone("closeWavePartition", payload.waveId, { partition: payload.partition, attempt: payload.attempt, took: outcome.value.took });
    return outcome;
  },
});
