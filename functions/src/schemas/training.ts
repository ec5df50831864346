import { z } from "zod";
import { LEARNING_METHODS, PARTNER_KINDS } from "../domain/training/catalogue.js";
import { VOUCHER_STATES } from "../domain/training/voucher.js";
import { clientCode } from "./partners.js";

/**
 * Stored documents of training: partners, the catalogue, vouchers and the money they move.
 * Amounts are whole rupiah; times are Dates (converters read Timestamps back as Dates). No
 * document ID holds a NIK, a name or a phone number: vouchers are keyed by their redeem code,
 * purchases by a hash of the platform's invoice, payment tokens by their hash.
 */

const rupiah = z.number().int().nonnegative();

/** A course code or schedule code as partners send them: letters, digits, `-`, `_`, `.`; at most 64. */
export const partnerCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: "partner-code-format" });

/**
 * `trainingPartners/{clientCode}`: a digital platform or a training institution, onboarded with its
 * registration details and a named contact. `delisted` stops its keys at once (every signed call
 * reads this document); `settlementsFrozen` stops what it is owed from accruing.
 */
export const trainingPartnerDoc = z.object({
  name: z.string().min(1).max(200),
  kind: z.enum(PARTNER_KINDS),
  /** Company name and business registration number (NIB) as registered. */
  legalName: z.string().min(1).max(200),
  registrationNumber: z.string().min(1).max(64),
  contact: z.object({ name: z.string().min(1).max(200), email: z.email(), phone: z.string().min(1).max(32) }),
  status: z.enum(["active", "delisted"]),
  settlementsFrozen: z.boolean(),
  /** Signed calls allowed per minute (the partner's rate limit). */
  callsPerMinute: z.number().int().positive().max(100_000),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type TrainingPartnerDoc = z.infer<typeof trainingPartnerDoc>;

/** `trainings/{courseCode}`: one training of an institution, sold by some digital platforms. */
export const trainingDoc = z.object({
  courseCode: partnerCode,
  title: z.string().min(1).max(300),
  description: z.string().max(5000),
  institutionCode: clientCode,
  institutionName: z.string().min(1).max(200),
  platformCodes: z.array(clientCode).max(50),
  price: rupiah,
  /** Hours of learning, as the institution declares them. */
  hours: z.number().positive().max(1000),
  method: z.enum(LEARNING_METHODS),
  category: z.string().min(1).max(100),
  /** Offline trainings: the province (2-digit code) where they take place. */
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  status: z.enum(["listed", "delisted"]),
  /** Lower-case words of the title, category and institution, for search (array-contains). */
  keywords: z.array(z.string()).max(100),
  version: z.number().int().positive(),
  updatedAt: z.date(),
});
export type TrainingDoc = z.infer<typeof trainingDoc>;

/** `trainings/{courseCode}/history/{version}`: every change, who made it and through what. */
export const trainingChangeDoc = z.object({
  version: z.number().int().positive(),
  at: z.date(),
  by: z.string().min(1),
  via: z.enum(["admin", "partner-api", "seed"]),
  training: trainingDoc.omit({ keywords: true }),
  /** The admin's idempotency key (saveTraining): a retry with it finds this change and writes nothing. */
  requestId: z.string().optional(),
});
export type TrainingChangeDoc = z.infer<typeof trainingChangeDoc>;

/** `schedules/{scheduleCode}`: a run of a training. Self-paced ones have no seat limit (`capacity` null). */
export const scheduleDoc = z.object({
  scheduleCode: partnerCode,
  courseCode: partnerCode,
  startsAt: z.date(),
  endsAt: z.date(),
  capacity: z.number().int().positive().max(100_000).nullable(),
  /** Seats taken by vouchers not cancelled. */
  booked: z.number().int().nonnegative(),
});
export type ScheduleDoc = z.infer<typeof scheduleDoc>;

/**
 * `vouchers/{redeemCode}`: one training bought for one participant (domain/training/voucher.ts).
 * `attended` holds the sequences the institution committed (1–10, 999 = post-test).
 */
export const voucherDoc = z.object({
  redeemCode: z.string().min(1),
  uid: z.string().min(1),
  courseCode: partnerCode,
  scheduleCode: partnerCode,
  institutionCode: clientCode,
  platformCode: clientCode,
  invoiceCode: z.string().min(1).max(128),
  transactionCode: z.string().min(1),
  /** Rupiah taken from the training balance. */
  amount: rupiah,
  state: z.enum(VOUCHER_STATES),
  issuedAt: z.date(),
  startsAt: z.date(),
  /** The schedule's end (absent on vouchers issued before it was recorded). */
  endsAt: z.date().optional(),
  attended: z.array(z.number().int()),
  redeemedAt: z.date().optional(),
  postTestScore: z.number().min(0).max(100).optional(),
  certificate: z.string().max(200).optional(),
  completedAt: z.date().optional(),
  cancelledAt: z.date().optional(),
  cancelledBy: z.enum(["platform", "participant", "review"]).optional(),
  frozenAt: z.date().optional(),
  review: z.object({ rating: z.number().int().min(1).max(5), text: z.string().max(2000), at: z.date() }).optional(),
});
export type VoucherDoc = z.infer<typeof voucherDoc>;

/** `purchases/{invoiceKey}`: a platform's invoice, paid once (domain/training/codes.ts invoiceKey). */
export const purchaseDoc = z.object({
  platformCode: clientCode,
  invoiceCode: z.string().min(1).max(128),
  invoiceUrl: z.string().max(2000),
  redeemCode: z.string().min(1),
  transactionCode: z.string().min(1),
  /** The payment token's hash: a retry of the same authorization answers as the first did. */
  tokenHash: z.string(),
  amount: rupiah,
  createdAt: z.date(),
  status: z.enum(["SUCCESS", "VOID"]),
});
export type PurchaseDoc = z.infer<typeof purchaseDoc>;

/** `paymentTokens/{sha256 of the token}`: a purchase waiting for the participant's one-time code. */
export const paymentTokenDoc = z.object({
  platformCode: clientCode,
  uid: z.string().min(1),
  userPlatformId: z.string().max(128),
  courseCode: partnerCode,
  scheduleCode: partnerCode,
  amount: rupiah,
  /** SHA-256 of token and OTP: what the platform's code is checked against. */
  otpHash: z.string(),
  /**
   * The OTP itself, for the participant's own app only (getMyTraining shows it with what is being
   * bought, by whom, for how much, while the token is valid): the purchase is confirmed where the
   * participant is signed in. Never sent to a partner; the token expires in 5 minutes and a TTL
   * policy deletes it.
   */
  otp: z.string().regex(/^\d{6}$/),
  /** The participant declined it in their app ("I did not ask for this"): the token is spent. */
  declined: z.boolean().optional(),
  attempts: z.number().int().nonnegative(),
  expiresAt: z.date(),
  /** Set when the token bought something: the invoice key of that purchase. */
  usedFor: z.string().optional(),
});
export type PaymentTokenDoc = z.infer<typeof paymentTokenDoc>;

/** `entitlements/{uid}`: the participant completed and reviewed a first training; the payouts work consumes it. */
export const entitlementDoc = z.object({
  redeemCode: z.string(),
  completedAt: z.date(),
  reviewedAt: z.date(),
  at: z.date(),
  /** The participant's regency (from their registration), so the regional dashboard counts completions per region; absent on older entitlements. */
  regencyCode: z.string().optional(),
});
export type EntitlementDoc = z.infer<typeof entitlementDoc>;

/** `settlements/{redeemCode}-{stage}`: what the program owes a partner for one voucher, on evidence. */
export const settlementDoc = z.object({
  partnerCode: clientCode,
  redeemCode: z.string(),
  stage: z.enum(["redeemed", "completed"]),
  amount: rupiah,
  /** `held`: the partner's settlements were frozen when the evidence came; released by the program office. */
  state: z.enum(["accrued", "held"]),
  /** The statement month, Asia/Jakarta (`2026-11`). */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  at: z.date(),
});
export type SettlementDoc = z.infer<typeof settlementDoc>;

/** `budgetLedger/{id}`: money returning to (or leaving) the program's training budget. */
export const budgetEntryDoc = z.object({
  kind: z.enum(["unspent-returned"]),
  /** Rupiah; positive returns to the budget. */
  amount: z.number().int(),
  programYear: z.number().int(),
  waveId: z.string(),
  at: z.date(),
});
export type BudgetEntryDoc = z.infer<typeof budgetEntryDoc>;

/** `partnerCalls/{requestId}`: every signed call, in the partner's audit trail (no body, no personal data). */
export const partnerCallDoc = z.object({
  clientCode,
  endpoint: z.string(),
  outcome: z.string(),
  at: z.date(),
  /** The code the call was about (redeem code, invoice key), when there was one. */
  subject: z.string().optional(),
});
export type PartnerCallDoc = z.infer<typeof partnerCallDoc>;

/** `freedSeats/{pid}`: the seat of a participant revoked at the purchase deadline, until a later wave takes it. */
export const freedSeatDoc = z.object({
  fromWave: z.string(),
  at: z.date(),
  /** The wave whose quota it was added to (before that wave opened); null while waiting for one. */
  toWave: z.string().nullable(),
});
export type FreedSeatDoc = z.infer<typeof freedSeatDoc>;

/**
 * `trainingFlags/{id}`: something for the program office to look at, never a refusal by itself:
 * one person booked into overlapping sessions (at purchase), or a course redeemed far above its
 * normal rate (the hourly watch). No personal data: a pid, codes and counts.
 */
export const trainingFlagDoc = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("overlapping-sessions"),
    pid: z.string(),
    redeemCodes: z.array(z.string()).min(2),
    at: z.date(),
    state: z.enum(["open", "dismissed", "confirmed"]),
  }),
  z.object({
    kind: z.literal("redemption-spike"),
    courseCode: partnerCode,
    institutionCode: clientCode,
    /** Redemptions in the hour ending `at`, and the hourly mean of the 7 days before it. */
    lastHour: z.number().int().nonnegative(),
    hourlyMean: z.number().nonnegative(),
    at: z.date(),
    state: z.enum(["open", "dismissed", "confirmed"]),
  }),
]);
export type TrainingFlagDoc = z.infer<typeof trainingFlagDoc>;
