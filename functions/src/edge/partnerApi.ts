import { ports } from "../composition.js";
import { PURCHASE_REFUSALS, type PurchaseRefusal } from "../domain/training/purchase.js";
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

const P = PARTNER_API_REFUSAL_TEXT;
const purchaseTexts = PURCHASE_REFUSAL_TEXT;
const purchaseRefusals = Object.fromEntries(PURCHASE_REFUSALS.map((reason) => [reason, 400])) as Record<PurchaseRefusal, 400>;
const envelope = (message: string) => ({ kind: "partner-api" as const, message, codes: PUBLISHED_ERROR_CODES });
const institutions = partnerSignature(["institution"]);
const platforms = partnerSignature(["digital-platform"]);

const redeemRefusals = {
  "redeem-code-unknown": 400,
  "voucher-cancelled": 400,
  "voucher-frozen": 400,
  "voucher-completed": 400,
  "not-redeemed": 400,
  "post-test-score-required": 400,
} as const;
const redeemTexts = {
  "redeem-code-unknown": P["redeem-code-unknown"],
  "voucher-cancelled": P["voucher-cancelled"],
  "voucher-frozen": P["voucher-frozen"],
  "voucher-completed": P["voucher-completed"],
  "not-redeemed": P["not-redeemed"],
  "post-test-score-required": P["post-test-score-required"],
};

export const PARTNER_API_ROUTES: Record<string, Route> = {
  "/api/v1/integration/payment/redeem-code/status": route({
    name: "redeem-code-status",
    method: "POST",
    auth: institutions,
    input: { body: redeemStatusBody },
    refusals: redeemRefusals,
    texts: redeemTexts,
    envelope: envelope("OK"),
    handle: ({ body }, partner) => redeemStatus(ports(), partner, body.redeem_code, body.sequence),
  }),
  "/api/v1/integration/payment/redeem-code/commit": route({
    name: "redeem-code-commit",
    method: "POST",
    auth: institutions,
    input: { body: redeemCommitBody },
    refusals: redeemRefusals,
    texts: redeemTexts,
    envelope: envelope("OK"),
    handle: ({ body }, partner) =>
      commitRedeem(ports(), partner, { code: body.redeem_code, sequence: body.sequence, score: body.score, certificate: body.certificate_code }),
  }),
  "/api/v1/integration/payment/quota-schedule": route({
    name: "quota-schedule",
    method: "POST",
    auth: platforms,
    input: { body: quotaScheduleBody },
    refusals: { "course-unknown": 400, "schedule-unknown": 400, "schedule-course-mismatch": 400 },
    texts: {
      "course-unknown": purchaseTexts["course-unknown"],
      "schedule-unknown": purchaseTexts["schedule-unknown"],
      "schedule-course-mismatch": purchaseTexts["schedule-course-mismatch"],
    },
    envelope: { ...envelope("OK"), codes: { ...PUBLISHED_ERROR_CODES, "invalid-argument": "ERRPLT40036" } },
    handle: ({ body }) => quotaSchedule(ports(), { courseCode: body.course_code, scheduleCode: body.schedule_code }),
  }),
  "/api/v1/integration/payment/send-otp": route({
    name: "send-otp",
    method: "POST",
    auth: platforms,
    input: { body: sendOtpBody },
    refusals: purchaseRefusals,
    texts: purchaseTexts,
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
    refusals: {
      ...purchaseRefusals,
      "payment-token-invalid": 400,
      "payment-token-expired": 400,
      "payment-token-used": 400,
      "otp-attempts-exceeded": 400,
      "otp-invalid": 400,
      "invoice-code-used": 400,
      "purchase-declined": 400,
    },
    texts: {
      ...purchaseTexts,
      "payment-token-invalid": P["payment-token-invalid"],
      "payment-token-expired": P["payment-token-expired"],
      "payment-token-used": P["payment-token-used"],
      "otp-attempts-exceeded": P["otp-attempts-exceeded"],
      "otp-invalid": P["otp-invalid"],
      "invoice-code-used": P["invoice-code-used"],
      "purchase-declined": P["purchase-declined"],
    },
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
    refusals: { "invoice-unknown": 400 },
    texts: { "invoice-unknown": P["invoice-unknown"] },
    envelope: envelope("OK"),
    handle: ({ body }, partner) => paymentStatus(ports(), partner, body.invoice_code),
  }),
  "/api/v1/integration/payment/void": route({
    name: "payment-void",
    method: "POST",
    auth: platforms,
    input: { body: voidBody },
    refusals: { "transaction-not-found": 400, "transaction-already-void": 400, "voucher-redeemed": 400 },
    texts: {
      "transaction-not-found": P["transaction-not-found"],
      "transaction-already-void": P["transaction-already-void"],
      "voucher-redeemed": P["voucher-redeemed"],
    },
    envelope: envelope("Transaksi berhasil dibatalkan."),
    handle: ({ body }, partner) => voidPurchase(ports(), partner, { invoiceCode: body.invoice_code, transactionCode: body.transaction_code }),
  }),
};
