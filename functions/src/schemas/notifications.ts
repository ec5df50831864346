import { z } from "zod";
import { sealedDoc } from "./vault.js";

/**
 * What the program tells a person by email, SMS and in the app (the `Notifications` port), and
 * the documents the outbox writes. The words are in notificationTexts.ts.
 */

export const NOTIFICATION_KINDS = [
  "draw-result",
  "purchase-otp",
  "purchase-confirmed",
  "deadline-reminder-7d",
  "deadline-reminder-1d",
  "revoked",
  "payout-paid",
  "desk-receipt",
  /** An SMS only, to someone on a priority list who has not registered (usecases/invitePriorityList.ts): `uid` is empty, there is no account yet. */
  "priority-invitation",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * The idempotency key of one notification, which is also its documents' ID (`mail/{key}`,
 * `sms/{key}`, `applicants/{uid}/inbox/{key}`): made of stable IDs, e.g. `draw-result-<wave>-<pid>`,
 * never of a NIK, a name, a phone number or an email address. Starts with a letter or digit, so it
 * is never `.`, `..` or `__…__`, which Firestore reserves.
 */
export const notificationKey = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$/);

const rupiah = z.number().int().nonnegative();
const waveNumber = z.number().int().positive();
/** Free text shown to the person (a training's title, a platform's name): one line. */
const label = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\r\n]*$/);

export const notification = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("draw-result"),
    uid: z.string().min(1),
    params: z.union([
      /** Selected: the training balance and the moment the first training must be bought by. */
      z.object({ waveNumber, selected: z.literal(true), trainingBalance: rupiah, purchaseDeadline: z.date() }),
      /** Not selected this time: carried over to the next wave's pool. */
      z.object({ waveNumber, selected: z.literal(false) }),
    ]),
  }),
  z.object({
    kind: z.literal("purchase-otp"),
    uid: z.string().min(1),
    /** The one-time code a training platform asks for to take the balance; never copied to the in-app inbox. */
    params: z.object({ code: z.string().regex(/^\d{4,8}$/), validMinutes: z.number().int().min(1).max(60), platformName: label, price: rupiah }),
  }),
  z.object({
    kind: z.literal("purchase-confirmed"),
    uid: z.string().min(1),
    params: z.object({ trainingTitle: label, platformName: label, price: rupiah, balanceLeft: rupiah }),
  }),
  z.object({
    kind: z.literal("deadline-reminder-7d"),
    uid: z.string().min(1),
    params: z.object({ purchaseDeadline: z.date(), trainingBalance: rupiah }),
  }),
  z.object({
    kind: z.literal("deadline-reminder-1d"),
    uid: z.string().min(1),
    params: z.object({ purchaseDeadline: z.date(), trainingBalance: rupiah }),
  }),
  z.object({
    kind: z.literal("revoked"),
    uid: z.string().min(1),
    params: z.object({ reason: z.enum(["purchase-deadline-passed", "not-eligible", "program-office-decision"]) }),
  }),
  z.object({
    kind: z.literal("payout-paid"),
    uid: z.string().min(1),
    /** An incentive installment the partner reported paid: how much, which of how many, through whom, its reference there. */
    params: z.object({
      amount: rupiah,
      number: z.number().int().positive().max(99),
      of: z.number().int().positive().max(99),
      /** domain/payouts/partners.ts names: short, so the SMS stays one message. */
      partnerName: z.string().min(1).max(30),
      partnerReference: z.string().min(1).max(64),
    }),
  }),
  z.object({
    kind: z.literal("desk-receipt"),
    uid: z.string().min(1),
    /** The receipt of the desk (usecases/desk/deskReceipt.ts): the masked NIK, the office, when, after what. */
    params: z.object({ nikMasked: z.string().regex(/^[\d*]{16}$/), office: label, at: z.date(), after: z.enum(["registration", "dispute"]) }),
  }),
]);
/** One notification: its kind, the uid of the person it is for, and its template's parameters. */
export type Notification = z.infer<typeof notification>;

const bilingual = z.object({ id: z.string(), en: z.string() });

/**
 * How far the outbox got with one message (the Trigger Email extension's `delivery` field, which
 * the SMS sender writes the same way). Loose: the extension may add fields of its own.
 */
export const deliveryState = z.looseObject({
  state: z.enum(["PENDING", "PROCESSING", "SUCCESS", "ERROR", "RETRY"]),
  attempts: z.number().int().nonnegative().optional(),
  startTime: z.date().optional(),
  endTime: z.date().optional(),
  leaseExpireTime: z.date().nullable().optional(),
  error: z.string().nullable().optional(),
  info: z.looseObject({}).nullable().optional(),
});

/**
 * `mail/{key}`: an email in the format of the Firebase "Trigger Email" extension (firestore-send-email),
 * which sends it and writes `delivery` back (locally the relay in scripts/stack/mail.ts plays its
 * part). It holds the address, so it lives a short while: a TTL policy deletes it after `expiresAt`.
 */
export const mailDoc = z.object({
  to: z.email(),
  message: z.object({ subject: z.string(), text: z.string(), html: z.string() }),
  kind: z.enum(NOTIFICATION_KINDS),
  uid: z.string(),
  createdAt: z.date(),
  expiresAt: z.date(),
  delivery: deliveryState.optional(),
});
export type MailDoc = z.infer<typeof mailDoc>;

/** The vault's context for a phone number on its way to the SMS provider (`sms/{key}.to`, applicant `smsTo`). */
export const SMS_VAULT_CONTEXT = "sms";

const e164 = z.string().regex(/^\+\d{8,15}$/);

/**
 * `sms/{key}`: one SMS (one GSM-7 message) for the SMS sender (deliverSms); short-lived like
 * `mail`. The number is sealed (context "sms", copied unopened from the applicant's `smsTo`):
 * only the sender opens it, just before handing the message to the provider.
 */
export const smsDoc = z.object({
  to: sealedDoc,
  /** "+62812****7890": enough to look into a failed delivery without opening the seal. */
  toMasked: z.string(),
  body: z.string().min(1),
  kind: z.enum(NOTIFICATION_KINDS),
  uid: z.string(),
  createdAt: z.date(),
  expiresAt: z.date(),
  delivery: deliveryState.optional(),
});
export type SmsDoc = z.infer<typeof smsDoc>;

/**
 * `applicants/{uid}/inbox/{key}`: the in-app copy, in both languages, that the person reads in the
 * web app. No address and no one-time code; which channels carried it (a person with neither
 * email nor phone gets only this).
 */
export const inboxDoc = z.object({
  kind: z.enum(NOTIFICATION_KINDS),
  title: bilingual,
  body: bilingual,
  at: z.date(),
  channels: z.object({ email: z.boolean(), sms: z.boolean() }),
});
export type InboxDoc = z.infer<typeof inboxDoc>;

/**
 * How long an addressed `mail` or `sms` document is kept (`expiresAt`, deleted by a TTL policy in
 * firestore.indexes.json): long enough to look into a failed delivery, no longer. A one-time code
 * is useless after minutes.
 */
export const OUTBOX_RETENTION_HOURS: Record<NotificationKind, number> = {
  "draw-result": 7 * 24,
  "purchase-otp": 24,
  "purchase-confirmed": 7 * 24,
  "deadline-reminder-7d": 7 * 24,
  "deadline-reminder-1d": 7 * 24,
  revoked: 7 * 24,
  "payout-paid": 7 * 24,
  "desk-receipt": 7 * 24,
  "priority-invitation": 7 * 24,
};

export const outboxExpiry = (kind: NotificationKind, at: Date): Date => new Date(at.getTime() + OUTBOX_RETENTION_HOURS[kind] * 3_600_000);

/** Whether a registration's phone number can be texted (E.164). */
export const textablePhone = (phone: string | undefined): phone is string => phone !== undefined && e164.safeParse(phone).success;
