import { done, refused, type Outcome } from "../domain/outcome.js";
import type { Ports } from "./ports.js";

/** How long one attempt holds a message: a run that died with it PROCESSING lets another take it after this. */
export const SMS_LEASE_SECONDS = 120;

export type DeliverSmsRefusal = "not-pending" | "send-failed";

/**
 * Hands `sms/{id}` to the SMS provider, once: the message is claimed in a transaction (a second
 * run finds it PROCESSING or done and leaves it), sent, and its `delivery` written back as the
 * Trigger Email extension does for `mail` (SUCCESS with the provider's reference, or ERROR with
 * the error's message). A failure is an ERROR on the document and a `send-failed` refusal the
 * caller logs; it is not tried again by itself (a provider error may mean it was sent).
 */
export async function deliverSms(
  ports: Pick<Ports, "smsOutbox" | "smsGateway" | "clock">,
  id: string,
): Promise<Outcome<{ providerId: string }, DeliverSmsRefusal>> {
  const now = ports.clock.now();
  const message = await ports.smsOutbox.claim(id, now, new Date(now.getTime() + SMS_LEASE_SECONDS * 1000));
  if (message === null) return refused("not-pending");
  try {
    const { providerId } = await ports.smsGateway.send({ ...message, reference: id });
    await ports.smsOutbox.settle(id, { state: "SUCCESS", providerId }, ports.clock.now());
    return done({ providerId });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    await ports.smsOutbox.settle(id, { state: "ERROR", error: text }, ports.clock.now());
    return refused("send-failed", { error: text });
  }
}
