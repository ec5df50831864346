import { ports } from "../composition.js";
import { PURCHASE_REFUSALS } from "../domain/training/purchase.js";
import { partnerSignature, route, type Route } from "./http.js";
import {
  authorizeBody,
  authorizeHeaders,
  PARTNER_API_REFUSAL_TEXT,
  paymentStatusBody,
  PUBLISHED_ERROR_CODES,
  PURCHASE_REFUSAL_TEXT,
  quotaScheduleBody,
  redeemCommitBody,
  redeemStatusBody,
  sendOtpBody,
  voidBody,
} from "../schemas/partnerApi.js";
import { voidPurchase } from "../usecases/training/cancel.js";
import { authorizePurchase, paymentStatus, quotaSchedule, sendPurchaseOtp } from "../usecases/training/purchase.js";
import { commitRedeem, redeemStatus } from "../usecases/training/redeem.js";

/**
 * The routes of the program's partner API (schemas/partnerApi.ts, docs/partner-api.md), served
 * under `/api/v1/integration/payment/` by one function (functions/integration.ts) behind one
 * Hosting rewrite. Every call is signed (httpAuth.ts partnerSignature: institutions for redeem
 * codes, digital platforms for payments) and answered in the published envelope; business
 * refusals are 400, as published.
 */

/** Every partner API refusal's words, by code: purchases' and the rest. */
const TEXT = { ...PURCHASE_REFUSAL_TEXT, ...PARTNER_API_REFUSAL_TEXT };
type Code = keyof typeof TEXT;

/** A route's refusals, each a 400 as published, with its words: one list, so the two never drift apart. */
function badRequests<C extends Code>(codes: readonly C[]): { refusals: Record<C, 400>; texts: Record<C, (typeof TEXT)[C]> } {
  return {
    refusals: Object.fromEntries(codes.map((code) => [code, 400])) as Record<C, 400>,
    texts: Object.fromEntries(codes.map((code) => [code, TEXT[code]])) as Record<C, (typeof TEXT)[C]>,
  };
}

const envelope = (message: string) => ({ kind: "partner-api" as const, message, codes: PUBLISHED_ERROR_CODES });
const institutions = partnerSignature(["institution"]);
const platforms = partnerSignature(["digital-platform"]);
const redeemRefusals = badRequests([
  "redeem-code-unknown",
  "voucher-cancelled",
  "voucher-frozen",
  "voucher-completed",
  "not-redeemed",
  "post-test-score-required",
]);

export const PARTNER_API_ROUTES: Record<string, Route> = {
  "/api/v1/integration/payment/redeem-code/status": route({
    name: "redeem-code-status",
    method: "POST",
    auth: institutions,
    input: { body: redeemStatusBody },
    ...redeemRefusals,
    envelope: envelope("OK"),
    handle: ({ body }, partner) => redeemStatus(ports(), partner, body.redeem_code, body.sequence),
  }),
  "/api/v1/integration/payment/redeem-code/commit": route({
    name: "redeem-code-commit",
    method: "POST",
    auth: institutions,
    input: { body: redeemCommitBody },
    ...redeemRefusals,
    envelope: envelope("OK"),
    handle: ({ body }, partner) =>
      commitRedeem(ports(), partner, { code: body.redeem_code, sequence: body.sequence, score: body.score, certificate: body.certificate_code }),
  }),
  "/api/v1/integration/payment/quota-schedule": route({
    name: "quota-schedule",
    method: "POST",
    auth: platforms,
    input: { body: quotaScheduleBody },
    ...badRequests(["course-unknown", "schedule-unknown", "schedule-course-mismatch"]),
    envelope: { ...envelope("OK"), codes: { ...PUBLISHED_ERROR_CODES, "invalid-argument": "ERRPLT40036" } },
    handle: ({ body }) => quotaSchedule(ports(), { courseCode: body.course_code, scheduleCode: body.schedule_code }),
  }),
  "/api/v1/integration/payment/send-otp": route({
    name: "send-otp",
    method: "POST",
    auth: platforms,
    input: { body: sendOtpBody },
    ...badRequests(PURCHASE_REFUSALS),
    envelope: envelope("OTP telah dikirim ke peserta."),
    handle: ({ body }, partner) =>
      sendPurchaseOtp(ports(), partner, {
        userPlatformId: body.user_platform_id,
        prakerjaId: body.prakerja_id,
        courseCode: body.course_code,
        scheduleCode: body.schedule_code,
        amount: body.amount,
      }),
  }),
  "/api/v1/integration/payment/authorize": route({
    name: "authorize",
    method: "POST",
    auth: platforms,
    input: { headers: authorizeHeaders, body: authorizeBody },
    ...badRequests([
      ...PURCHASE_REFUSALS,
      "payment-token-invalid",
      "payment-token-expired",
      "payment-token-used",
      "otp-attempts-exceeded",
      "otp-invalid",
      "invoice-code-used",
      "purchase-declined",
    ]),
    envelope: envelope("Pelatihan berhasil dibeli."),
    handle: ({ headers, body }, partner) =>
      authorizePurchase(ports(), partner, {
        token: headers.authorization.slice("Payment ".length),
        otp: body.otp,
        invoiceCode: body.invoice_code,
        invoiceUrl: body.invoice_url,
      }),
  }),
  "/api/v1/integration/payment/status": route({
    name: "payment-status",
    method: "POST",
    auth: platforms,
    input: { body: paymentStatusBody },
    ...badRequests(["invoice-unknown"]),
    envelope: envelope("OK"),
    handle: ({ body }, partner) => paymentStatus(ports(), partner, body.invoice_code),
  }),
  "/api/v1/integration/payment/void": route({
    name: "payment-void",
    method: "POST",
    auth: platforms,
    input: { body: voidBody },
    ...badRequests(["transaction-not-found", "transaction-already-void", "voucher-redeemed"]),
    envelope: envelope("Transaksi berhasil dibatalkan."),
    handle: ({ body }, partner) => voidPurchase(ports(), partner, { invoiceCode: body.invoice_code, transactionCode: body.transaction_code }),
  }),
};
