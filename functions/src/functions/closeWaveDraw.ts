import { ports } from "../composition.js";
import { task } from "../edge/task.js";
import { logs } from "../logs.js";
import { closeStepTask } from "../schemas/waveClose.js";
import { drawPool } from "../usecases/close/drawPool.js";

/** Draws a frozen wave once its beacon round is out (usecases/close/drawPool.ts). Enqueued by advanceWaves. */
export const closeWaveDraw = task({
  name: "closeWaveDraw",
  payload: closeStepTask,
  retryConfig: { maxAttempts: 10, minBackoffSeconds: 30, maxBackoffSeconds: 600 },
  rateLimits: { maxConcurrentDispatches: 4, maxDispatchesPerSecond: 1 },
  // The round comes out at a known time: trying again later is the point.
  refusals: { "beacon-not-out": "retry" },
  options: { timeoutSeconds: 1800, memory: "2GiB" },
  async handle(payload, attempt) {
    const outcome = await drawPool(ports(), payload.waveId, attempt.id);
    if (outcome.ok)
      logs.closeTaskDone(
        "closeWaveDraw",
        payload.waveId,
        outcome.value.drawn ? { winners: outcome.value.winners, passes: outcome.value.passes } : { why: outcome.value.why },
      );
    return outcome;
  },
});
