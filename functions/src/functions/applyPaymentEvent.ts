import { ports } from "../composition.js";
import { task } from "../edge/task.js";
import { logs } from "../logs.js";
import { applyPaymentEventPayload } from "../schemas/tasks.js";
import { applyPaymentEvent as applyUseCase } from "../usecases/payouts/events.js";

/** Applies one stored payment-partner notification to its payout (enqueued by the webhook, usecases/payouts/events.ts). */
export const applyPaymentEvent = task({
  name: "applyPaymentEvent",
  payload: applyPaymentEventPayload,
  retryConfig: { maxAttempts: 10, minBackoffSeconds: 10, maxBackoffSeconds: 600 },
  rateLimits: { maxConcurrentDispatches: 50, maxDispatchesPerSecond: 100 },
  // An event that is not stored cannot appear later (the webhook stores it before enqueuing).
  refusals: { "event-not-found": "final" },
  options: { timeoutSeconds: 60 },
  async handle(payload) {
    const outcome = await applyUseCase(ports(), payload.key);
    if (outcome.ok) logs.paymentEventApplied(payload.key, outcome.value);
    return outcome;
  },
});
