import { done, refused, type Outcome } from "../../domain/outcome.js";
import { mayDo, type Actor } from "../../domain/roles.js";
import type { RefusalOf } from "../../schemas/contract.js";
import type { DeskReceiptDoc, DeskReceiptResult, SendDeskReceiptInput } from "../../schemas/desk.js";
import type { Ports } from "../ports.js";
import { officeOf, outsideRegion } from "./region.js";

/**
 * The person's receipt, sent after an assisted registration or a NIK dispute's resolution: the
 * masked NIK, when, which office, and what to do next (join the wave, check /status, the
 * helpline) — in the app, by email and by SMS where the account has them (the Notifications
 * port). Once per request: the notification's key is `desk-receipt-{requestId}`, and
 * `deskReceipts/{requestId}` records to whom it went. A retry of the request answers as its first
 * call did (sent, with the same channels); the request ID reused for another person or another
 * occasion is `request-id-reused`.
 */
export async function sendDeskReceipt(
  ports: Pick<Ports, "registrations" | "notifications" | "desk" | "clock">,
  actor: Actor,
  input: SendDeskReceiptInput,
): Promise<Outcome<DeskReceiptResult, RefusalOf<"sendDeskReceipt">>> {
  if (!mayDo(actor, "look-up-registration")) return refused("not-operator-or-admin");
  const earlier = await ports.desk.receipt(input.requestId);
  if (earlier !== null) return answer(earlier, input);
  const applicant = await ports.registrations.applicant(input.uid);
  if (applicant === null || applicant.status === "blocked") return refused("registration-not-found");
  const outside = outsideRegion(actor, applicant.districtCode);
  if (outside !== null) return outside;
  const at = ports.clock.now();
  const receipt = await ports.notifications.send(`desk-receipt-${input.requestId}`, {
    kind: "desk-receipt",
    uid: input.uid,
    params: { nikMasked: applicant.nikMasked, office: officeOf(actor), at, after: input.after },
  });
  // Sent now, or by a concurrent retry of this request (its channels unknown here: none claimed).
  const channels = receipt.state === "sent" ? { email: receipt.email, sms: receipt.sms } : { email: false, sms: false };
  const stored = await ports.desk.recordReceipt(input.requestId, { uid: input.uid, by: actor.uid, after: input.after, at, ...channels });
  return answer(stored, input);
}

/** A receipt recorded under the request: this very request's (sent, through its channels), or another's. */
function answer(stored: DeskReceiptDoc, input: SendDeskReceiptInput): Outcome<DeskReceiptResult, RefusalOf<"sendDeskReceipt">> {
  if (stored.uid !== input.uid || stored.after !== input.after) return refused("request-id-reused");
  return done({ sent: true, email: stored.email, sms: stored.sms });
}
