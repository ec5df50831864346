import { z } from "zod";
import { ports } from "../composition.js";
import { paymentPartnerKeysSecret } from "../config.js";
import { http, publicAccess } from "../edge/http.js";
import { PAYMENT_PARTNER_CODES } from "../domain/payouts/partners.js";
import { done } from "../domain/outcome.js";
import { NOTIFICATION_REFUSAL_TEXT } from "../schemas/payouts.js";
import { receivePaymentNotification } from "../usecases/payouts/events.js";

/** `/api/v1/payments/{partner}/notify` (through Hosting), or `/{partner}/notify` called directly. */
const notifyPath = z
  .string()
  .regex(new RegExp(`^(?:/api/v1/payments)?/(${PAYMENT_PARTNER_CODES.join("|")})/notify$`))
  .transform((path) => {
    const code = z.enum(PAYMENT_PARTNER_CODES).parse(path.split("/").at(-2));
    return { code, canonical: `/api/v1/payments/${code}/notify` };
  });

/**
 * Payment partners' notifications (webhooks): one route per partner. The partner's adapter checks
 * the signature or callback token over the raw body and the timestamp window; the event is stored
 * once under its ID and applied by a task (usecases/payouts/events.ts), so the partner is answered
 * at once: 200 `{responseCode: "2000000", …}` for a new or a repeated event, 401 for a missing,
 * forged or stale signature, 400 for a body that does not parse — and nothing is written for those.
 * The signature is over the path as the partner calls it, through Hosting: `/api/v1/payments/{code}/notify`.
 */
export const payments = http({
  name: "payments",
  method: "POST",
  auth: publicAccess,
  input: { path: notifyPath },
  refusals: { "signature-missing": 401, "signature-invalid": 401, "timestamp-stale": 401, "body-invalid": 400 },
  texts: NOTIFICATION_REFUSAL_TEXT,
  options: { secrets: [paymentPartnerKeysSecret], timeoutSeconds: 30 },
  async handle({ path }, _caller, { rawBody, headers }) {
    const received = await receivePaymentNotification(ports(), path.code, { method: "POST", path: path.canonical, headers, rawBody });
    if (!received.ok) return received;
    return done({ responseCode: "2000000", responseMessage: "Successful", duplicate: received.value.kind === "duplicate" });
  },
});
