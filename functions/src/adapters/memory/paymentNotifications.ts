import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { done, refused, type Outcome } from "../../domain/outcome.js";
import type { PaymentPartnerCode } from "../../domain/payouts/partners.js";
import type { IncomingNotification, NotificationRefusal, PartnerNotification } from "../../usecases/ports.js";

/**
 * How the memory payment partners sign their notifications, so a unit test can send one that
 * verifies (`signedNotification`) and one that does not. Not a real partner's protocol:
 *
 * - headers `x-memory-timestamp` (ISO 8601) and `x-memory-signature`: the hex HMAC-SHA256, under
 *   `MEMORY_NOTIFICATION_KEY`, of `{partner code}:{timestamp}:{raw body}` — so a notification
 *   signed for one partner is refused by another;
 * - the timestamp within `MEMORY_NOTIFICATION_WINDOW_MS` of `now`, checked after the signature;
 * - the body, JSON: `{ eventId, reference, state, partnerReference, amount, currency, code, message, at }`.
 */
export const MEMORY_NOTIFICATION_KEY = "memory-payment-partners-notification-key";
export const MEMORY_SIGNATURE_HEADER = "x-memory-signature";
export const MEMORY_TIMESTAMP_HEADER = "x-memory-timestamp";
export const MEMORY_NOTIFICATION_WINDOW_MS = 300_000;

const notificationBody = z.object({
  eventId: z.string().min(1),
  reference: z.string().min(1),
  state: z.enum(["accepted", "paid", "failed", "reversed"]),
  partnerReference: z.string().nullable(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  at: z.iso.datetime({ offset: true }),
});

export function memoryNotificationSignature(partner: PaymentPartnerCode, timestamp: string, rawBody: Buffer, key = MEMORY_NOTIFICATION_KEY): string {
  return createHmac("sha256", key).update(`${partner}:${timestamp}:`).update(rawBody).digest("hex");
}

/** A notification of `partner` as it would arrive at our webhook, signed with the test key (or `key`) at `sentAt`. */
export function signedNotification(
  partner: PaymentPartnerCode,
  notification: PartnerNotification,
  sentAt: Date = notification.report.at,
  key: string = MEMORY_NOTIFICATION_KEY,
): IncomingNotification {
  const { report } = notification;
  const rawBody = Buffer.from(JSON.stringify({ eventId: notification.eventId, ...report, at: report.at.toISOString() }));
  const timestamp = sentAt.toISOString();
  return {
    method: "POST",
    path: `/api/v1/payments/${partner}/notify`,
    headers: {
      "content-type": "application/json",
      [MEMORY_TIMESTAMP_HEADER]: timestamp,
      [MEMORY_SIGNATURE_HEADER]: memoryNotificationSignature(partner, timestamp, rawBody, key),
    },
    rawBody,
  };
}

/** Checks a memory partner's notification: signature, then timestamp, then body. */
export function verifyMemoryNotification(
  partner: PaymentPartnerCode,
  request: IncomingNotification,
  now: Date,
): Outcome<PartnerNotification, NotificationRefusal> {
  const signature = request.headers[MEMORY_SIGNATURE_HEADER];
  const timestamp = request.headers[MEMORY_TIMESTAMP_HEADER];
  if (signature === undefined || signature === "" || timestamp === undefined || timestamp === "") return refused("signature-missing");
  const expected = Buffer.from(memoryNotificationSignature(partner, timestamp, request.rawBody));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return refused("signature-invalid");
  const sentAt = Date.parse(timestamp);
  if (Number.isNaN(sentAt) || Math.abs(now.getTime() - sentAt) > MEMORY_NOTIFICATION_WINDOW_MS) return refused("timestamp-stale");
  let json: unknown;
  try {
    json = JSON.parse(request.rawBody.toString("utf8"));
  } catch {
    return refused("body-invalid", { field: "body" });
  }
  const body = notificationBody.safeParse(json);
  if (!body.success) return refused("body-invalid", { field: body.error.issues[0]?.path.join(".") ?? "body" });
  const { eventId, at, ...report } = body.data;
  return done({ eventId, report: { ...report, at: new Date(at) } });
}
