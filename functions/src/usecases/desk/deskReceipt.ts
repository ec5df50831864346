import { done, refused, type Outcome } from "../../domain/outcome.js";
import { mayDo, type Actor } from "../../domain/roles.js";
import type { RefusalOf } from "../../schemas/contract.js";
import type { DeskReceiptResult, SendDeskReceiptInput } from "../../schemas/desk.js";
import type { Ports } from "../ports.js";
import { officeOf, outsideRegion } from "./region.js";

/**
 * The person's receipt, sent after an assisted registration or a NIK dispute's resolution: the
 * masked NIK, when, which office, and what to do next (join the wave, check /status, the
 * helpline) — in the app, by email and by SMS where the account has them (the Notifications
 * port). Once per request: the notification's key is `desk-receipt-{requestId}`.
 */
export async function sendDeskReceipt(
  ports: Pick<Ports, "registrations" | "notifications" | "clock">,
  actor: Actor,
  input: SendDeskReceiptInput,
): Promise<Outcome<DeskReceiptResult, RefusalOf<"sendDeskReceipt">>> {
  if (!mayDo(actor, "look-up-registration")) return refused("not-operator-or-admin");
  const applicant = await ports.registrations.applicant(input.uid);
  if (applicant === null || applicant.status === "blocked") return refused("registration-not-found");
  const outside = outsideRegion(actor, applicant.districtCode);
  if (outside !== null) return outside;
  const receipt = await ports.notifications.send(`desk-receipt-${input.requestId}`, {
    kind: "desk-receipt",
    uid: input.uid,
    params: { nikMasked: applicant.nikMasked, office: officeOf(actor), at: ports.clock.now(), after: input.after },
  });
  if (receipt.state !== "sent") return done({ sent: false, email: false, sms: false });
  return done({ sent: true, email: receipt.email, sms: receipt.sms });
}
