import { ports } from "../composition.js";
import { task } from "../edge/task.js";
import { logs } from "../logs.js";
import { closeStepTask } from "../schemas/waveClose.js";
import { assemblePool } from "../usecases/close/assemblePool.js";

/** Assembles a closed wave's pool pages and commits its root (usecases/close/assemblePool.ts). Enqueued by the last partition done. */
export const closeWaveAssemble = task({
  name: "closeWaveAssemble",
  payload: closeStepTask,
  // A retry of the same task takes its own lease back at once (the lease's holder is the task's ID).
  retryConfig: { maxAttempts: 10, minBackoffSeconds: 60, maxBackoffSeconds: 600 },
  rateLimits: { maxConcurrentDispatches: 4, maxDispatchesPerSecond: 1 },
  refusals: {},
  options: { timeoutSeconds: 1800, memory: "1GiB" },
  async handle(payload, attempt) {
    const outcome = await assemblePool(ports(), payload.waveId, attempt.id);
    if (outcome.ok)
      logs.closeTaskDone(
        "closeWaveAssemble",
        payload.waveId,
        outcome.value.assembled ? { poolSize: outcome.value.poolSize, pages: outcome.value.pages } : { why: outcome.value.why },
      );
    return outcome;
  },
});
