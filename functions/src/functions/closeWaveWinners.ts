import { ports } from "../composition.js";
import { task } from "../edge/task.js";
import { logs } from "../logs.js";
import { closeWinnersTask } from "../schemas/waveClose.js";
import { applyWinnersPage } from "../usecases/close/applyWinnersPage.js";

/** Makes one page of a drawn wave's winners participants; the last publishes (usecases/close/applyWinnersPage.ts). */
export const closeWaveWinners = task({
  name: "closeWaveWinners",
  payload: closeWinnersTask,
  // A page that failed half-way is applied again: those already selected are left as they are.
  retryConfig: { maxAttempts: 10, minBackoffSeconds: 30, maxBackoffSeconds: 600 },
  rateLimits: { maxConcurrentDispatches: 10, maxDispatchesPerSecond: 10 },
  refusals: {},
  options: { timeoutSeconds: 1800, memory: "512MiB" },
  async handle(payload) {
    const outcome = await applyWinnersPage(ports(), payload.waveId, payload.page);
    if (outcome.ok)
      logs.closeTaskDone("closeWaveWinners", payload.waveId, { page: payload.page, applied: outcome.value.applied, published: outcome.value.published });
    return outcome;
  },
});
