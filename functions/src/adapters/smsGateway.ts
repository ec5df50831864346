import type { SmsGateway } from "../usecases/ports.js";

/** Thrown by the production SMS gateway while no SMS provider is configured: an SMS is never dropped in silence. */
export class SmsProviderNotConfigured extends Error {
  readonly code = "sms-provider-not-configured";
}

/**
 * The production SMS provider: a stub until the program office contracts one (an Indonesian SMS
 * aggregator, or the operator's own A2P gateway). With `SMS_PROVIDER` unset it refuses every
 * message, and deliverSms marks the message ERROR and logs `sms-failed`: nothing is dropped without
 * a trace. A provider is added here as one more case, with its credentials in a secret (README,
 * "Notifications in production"). Locally, the stack's relay sends instead (scripts/stack/mail.ts).
 */
export function configuredSmsGateway(provider: string | undefined = process.env.SMS_PROVIDER): SmsGateway {
  return {
    send() {
      if (provider === undefined || provider === "")
        return Promise.reject(new SmsProviderNotConfigured("No SMS provider is configured (SMS_PROVIDER is not set): the message stays undelivered."));
      return Promise.reject(new SmsProviderNotConfigured(`SMS provider "${provider}" has no adapter yet (functions/src/adapters/smsGateway.ts).`));
    },
  };
}
