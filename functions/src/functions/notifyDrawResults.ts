import { ports } from "../composition.js";
import { task } from "../edge/task.js";
import { logs } from "../logs.js";
import { notifyDrawResultsPayload } from "../schemas/tasks.js";
import { notifyDrawResults as notifyUseCase } from "../usecases/notifyDrawResults.js";

/**
 * Tells everyone on one page of a drawn wave's pool the draw's result (email, SMS, in-app), after
 * enqueuing the next page. Enqueued for page 0 by advanceWaves once the wave is drawn.
 */
export const notifyDrawResults = task({
  name: "notifyDrawResults",
  payload: notifyDrawResultsPayload,
  // A page that failed half-way is sent again: what went out already is skipped by its key.
  retryConfig: { maxAttempts: 10, minBackoffSeconds: 30, maxBackoffSeconds: 600 },
  // Ten pages at once: about 40,000 people, within Firestore's write ramp and a provider's SMS rate.
  rateLimits: { maxConcurrentDispatches: 10, maxDispatchesPerSecond: 5 },
  // Neither changes by waiting: a wave not drawn is never enqueued, a page past the last is the end.
  refusals: { "not-drawn": "final", "page-not-found": "final" },
  options: { timeoutSeconds: 1800, memory: "512MiB" },
  async handle(payload) {
    const outcome = await notifyUseCase(ports(), payload);
    if (outcome.ok) logs.drawResultsSent(payload.waveId, payload.page, outcome.value);
    return outcome;
  },
});
