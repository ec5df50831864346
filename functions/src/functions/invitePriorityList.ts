import { ports } from "../composition.js";
import { vaultKeysSecret } from "../config.js";
import { task } from "../edge/task.js";
import { logs } from "../logs.js";
import { invitePriorityListPayload } from "../schemas/tasks.js";
import { invitePriorityList as inviteUseCase } from "../usecases/invitePriorityList.js";

/**
 * One page of a priority list's invitation pass (usecases/invitePriorityList.ts): up to 200
 * entries, their SMS invitations written once, the next page enqueued. A 1.7-million list is
 * about 8,500 pages, a few an instant: the SMS provider's rate, not ours, is the limit.
 */
export const invitePriorityList = task({
  name: "invitePriorityList",
  payload: invitePriorityListPayload,
  // Throws only when Firestore or the vault fails: retried, and a page already written is skipped.
  retryConfig: { maxAttempts: 10, minBackoffSeconds: 10, maxBackoffSeconds: 600 },
  rateLimits: { maxConcurrentDispatches: 5, maxDispatchesPerSecond: 5 },
  refusals: { "import-not-found": "final", "not-current": "final", "page-done": "final" },
  options: { timeoutSeconds: 120, memory: "512MiB", secrets: [vaultKeysSecret] },
  async handle(payload) {
    const outcome = await inviteUseCase(ports(), payload);
    if (outcome.ok) logs.priorityInvitationsSent(outcome.value);
    return outcome;
  },
});
