import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { ports } from "../composition.js";
import { vaultKeysSecret } from "../config.js";
import { COLLECTIONS } from "../schemas/collections.js";
import { logs } from "../logs.js";
import { deliverSms as deliverUseCase } from "../usecases/deliverSms.js";

/**
 * Sends each SMS the outbox writes (`sms/{id}`) through the SMS provider, as the Trigger Email
 * extension sends `mail`, and writes its `delivery` back. Until a provider is configured every
 * message ends ERROR with `sms-failed` in the log (adapters/smsGateway.ts). Locally the emulator
 * does not run Firestore triggers: the stack's relay sends instead (scripts/stack/mail.ts).
 * At most 20 instances of one message each: the provider's rate, not Firestore's, is the limit.
 */
export const deliverSms = onDocumentCreated(
  { document: `${COLLECTIONS.sms}/{id}`, retry: false, maxInstances: 20, concurrency: 1, timeoutSeconds: 60, secrets: [vaultKeysSecret] },
  async (event) => {
    const id = event.params.id;
    const outcome = await deliverUseCase(ports(), id);
    if (outcome.ok) logs.smsSent(id, outcome.value.providerId);
    else if (outcome.reason === "send-failed") logs.smsFailed(id, String(outcome.details?.error ?? ""));
  },
);
