import type { TaskQueueFunction } from "firebase-functions/v2/tasks";
import { ports } from "../composition.js";
import { paymentPartnerKeysSecret, vaultKeysSecret } from "../config.js";
import { paymentPartner, type PaymentPartnerCode } from "../domain/payouts/partners.js";
import { logs } from "../logs.js";
import { sendPayoutPayload } from "../schemas/tasks.js";
import { sendPayout } from "../usecases/payouts/send.js";
import { task } from "./task.js";

/**
 * The send-task function of one payment partner: its own Cloud Tasks queue, with the partner's
 * rate limit and retry policy (domain/payouts/partners.ts). A throw (Firestore unreachable) is
 * retried by Cloud Tasks; a partner's failure is never a throw (it makes the payout `unknown`,
 * settled by the status poller), so a retry can never send blind.
 */
export function payoutTask(code: PaymentPartnerCode): TaskQueueFunction<unknown> {
  const spec = paymentPartner(code);
  return task({
    name: spec.queue,
    payload: sendPayoutPayload,
    retryConfig: { maxAttempts: spec.retry.attempts, minBackoffSeconds: spec.retry.minBackoffSeconds, maxBackoffSeconds: spec.retry.maxBackoffSeconds },
    rateLimits: { maxConcurrentDispatches: spec.rate.concurrent, maxDispatchesPerSecond: spec.rate.perSecond },
    refusals: {},
    options: { timeoutSeconds: 120, secrets: [paymentPartnerKeysSecret, vaultKeysSecret] },
    async handle(payload) {
      const outcome = await sendPayout(ports(), payload);
      if (outcome.ok) logs.payoutSent(payload.installmentId, outcome.value.kind === "sent" ? outcome.value.outcome : outcome.value.kind);
      return outcome;
    },
  });
}
