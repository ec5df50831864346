import { done, refused, type Outcome } from "../domain/outcome.js";
import { maskPhone } from "../domain/privacy.js";
import { SMS_VAULT_CONTEXT } from "../schemas/notifications.js";
import type { Ports } from "./ports.js";

/** How long one attempt holds a message: a run that died with it PROCESSING lets another take it after this. */
export const SMS_LEASE_SECONDS = 120;

export type DeliverSmsRefusal = "not-pending" | "send-failed";

/**
 * Hands `sms/{id}` to the SMS provider, once: the message is claimed in a transaction (a second
 * run finds it PROCESSING or done and leaves it), sent, and its `delivery` written back as the
 * Trigger Email extension does for `mail` (SUCCESS with the provider's reference, or ERROR with
 * the error's message). A failure is an ERROR on the document and a `send-failed` refusal the
 * caller logs; it is not tried again by itself (a provider error may mean it was sent). The number
 * is opened from its seal only here, just before sending, and goes nowhere else.
 */
export async function deliverSms(
  ports: Pick<Ports, "smsOutbox" | "smsGateway" | "clock" | "vault">,
  id: string,
): Promise<Outcome<{ providerId: string }, DeliverSmsRefusal>> {
  const now = ports.clock.now();
  const message = await ports.smsOutbox.claim(id, now, new Date(now.getTime() + SMS_LEASE_SECONDS * 1000));
  if (message === null) return refused("not-pending");
  let phone: string | undefined;
  try {
    phone = (await ports.vault.open(message.to, SMS_VAULT_CONTEXT)).phone;
    if (phone === undefined) throw new RangeError("the sealed recipient holds no phone number");
    const { providerId } = await ports.smsGateway.send({ to: phone, body: message.body, reference: id });
    await ports.smsOutbox.settle(id, { state: "SUCCESS", providerId }, ports.clock.now());
    return done({ providerId });
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    // A provider's error may quote the number: it is stored and logged masked.
    const text = phone === undefined ? raw : raw.replaceAll(phone, maskPhone(phone));
    await ports.smsOutbox.settle(id, { state: "ERROR", error: text }, ports.clock.now());
    return refused("send-failed", { error: text });
  }
}
