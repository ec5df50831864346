import { done, refused, type Outcome } from "../../domain/outcome.js";
import { minifyBody, notificationStringToSign, parseSnapTimestamp, rsaSignatureMatches, withinSnapWindow, type SnapMinify } from "../../domain/payouts/snap.js";
import { rupiahFromSnap, snapTransactionState } from "../../domain/payouts/snapValues.js";
import { snapNotification } from "../../schemas/snapMessages.js";
import type { IncomingNotification, NotificationRefusal, PartnerNotification } from "../../usecases/ports.js";

/**
 * A SNAP partner's notification, checked in this order: the headers are there (`X-SIGNATURE`,
 * `X-TIMESTAMP`), the signature (SHA256withRSA with the partner's private key over
 * `POST:path:sha256(minify(raw body)):X-TIMESTAMP`) verifies with its public key, the timestamp is
 * within ±300 s of `now` (after the signature, so a forger learns nothing of our clock), and the
 * body is a payout status we understand. The event ID is the notification's `X-EXTERNAL-ID`: a
 * partner that delivers the same event twice sends the same one.
 */
export function verifySnapNotification(
  request: IncomingNotification,
  now: Date,
  partner: { publicKeys: string | readonly string[]; minify: SnapMinify },
): Outcome<PartnerNotification, NotificationRefusal> {
  const signature = request.headers["x-signature"];
  const timestamp = request.headers["x-timestamp"];
  if (signature === undefined || signature === "" || timestamp === undefined || timestamp === "") return refused("signature-missing");
  const minifiedBody = minifyBody(request.rawBody, partner.minify);
  if (minifiedBody === null) return refused("body-invalid", { field: "body" });
  const signed = notificationStringToSign({ method: request.method, relativeUrl: request.path, minifiedBody, timestamp });
  const keys = typeof partner.publicKeys === "string" ? [partner.publicKeys] : partner.publicKeys;
  if (!keys.some((key) => rsaSignatureMatches(key, signed, signature))) return refused("signature-invalid");
  const at = parseSnapTimestamp(timestamp);
  if (at === null || !withinSnapWindow(at, now)) return refused("timestamp-stale");

  const eventId = request.headers["x-external-id"];
  if (eventId === undefined || !/^[A-Za-z0-9-]{1,36}$/.test(eventId)) return refused("body-invalid", { field: "X-EXTERNAL-ID" });
  let json: unknown;
  try {
    json = JSON.parse(request.rawBody.toString("utf8"));
  } catch {
    return refused("body-invalid", { field: "body" });
  }
  const body = snapNotification.safeParse(json);
  if (!body.success) return refused("body-invalid", { field: body.error.issues[0]?.path.join(".") ?? "body" });
  const state = snapTransactionState(body.data.latestTransactionStatus);
  if (state === null || state === "unknown") return refused("body-invalid", { field: "latestTransactionStatus" });
  const amount = rupiahFromSnap(body.data.amount);
  if (!amount.ok) return refused("body-invalid", { field: "amount", reason: amount.reason });
  return done({
    eventId,
    report: {
      state,
      reference: body.data.originalPartnerReferenceNo,
      partnerReference: body.data.originalReferenceNo ?? null,
      amount: amount.value,
      currency: body.data.amount.currency,
      code: body.data.latestTransactionStatus,
      message: body.data.transactionStatusDesc ?? "",
      at,
    },
  });
}
