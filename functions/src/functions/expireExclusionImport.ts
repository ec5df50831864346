import { ports } from "../composition.js";
import { task } from "../edge/task.js";
import { logs } from "../logs.js";
import { expireExclusionImportPayload } from "../schemas/tasks.js";
import { expireExclusionImport as expireUseCase } from "../usecases/expireExclusionImport.js";

/**
 * Fails an exclusion-list import still `running` after its function's timeout, which its crashed
 * instance can no longer finish. Enqueued by the import as it begins, for just after that timeout.
 */
export const expireExclusionImport = task({
  name: "expireExclusionImport",
  payload: expireExclusionImportPayload,
  // It throws only when Firestore fails: a few more attempts over about half an hour.
  retryConfig: { maxAttempts: 5, minBackoffSeconds: 60, maxBackoffSeconds: 600 },
  // A few imports a month: one at a time is plenty.
  rateLimits: { maxConcurrentDispatches: 1, maxDispatchesPerSecond: 5 },
  // None of them changes by trying again. `not-yet-due` happens only where the task runs early (the
  // local emulator ignores the delay): retrying it would loop until the import ends.
  refusals: { "import-not-found": "final", "import-finished": "final", "not-yet-due": "final" },
  options: { timeoutSeconds: 60, memory: "256MiB" },
  async handle(payload) {
    const outcome = await expireUseCase(ports(), payload);
    if (outcome.ok) logs.exclusionImportExpired({ ...outcome.value, startedAt: outcome.value.startedAt.toISOString() });
    return outcome;
  },
});
