import type { PaymentPartnerCode, PayoutChannel } from "../../domain/payouts/partners.js";
import { snapTimestamp, type SnapMinify } from "../../domain/payouts/snap.js";
import { rupiahFromSnap, snapAmount, snapTransactionState, SNAP_SERVICE } from "../../domain/payouts/snapValues.js";
import type { SnapPartnerKeys } from "../../schemas/paymentPartners.js";
import { snapBankAccount, snapEmoneyAccount, snapPayoutAnswer, snapStatusAnswer } from "../../schemas/snapMessages.js";
import type { PartnerCallResult, PartnerPayoutReport, PartnerStatus, PaymentPartner, PayoutInstruction } from "../../usecases/ports.js";
import { DEFAULT_PARTNER_TIMEOUT_MS, freshExternalId } from "./http.js";
import { snapClient, type SnapCall } from "./snapClient.js";
import { verifySnapNotification } from "./snapNotification.js";
import { parseStatement, statementDay } from "./statement.js";

export interface SnapPartnerOptions {
  code: PaymentPartnerCode;
  /** What the partner pays into: bank accounts (SNAP transfer-interbank) or its e-wallet (SNAP emoney top-up). */
  channel: PayoutChannel;
  baseUrl: string;
  keys: SnapPartnerKeys;
  /** How this partner minifies bodies before hashing them (domain/payouts/snap.ts): partners differ. */
  minify: SnapMinify;
  timeoutMs?: number;
  clock?: () => Date;
}

/** The calls of each channel: endpoint and SNAP service code. */
const ENDPOINTS = {
  bank: {
    pay: "/v1.0/transfer-interbank",
    payService: SNAP_SERVICE.transferInterbank,
    status: "/v1.0/transfer/status",
    inquiry: "/v1.0/account-inquiry-external",
  },
  ewallet: {
    pay: "/v1.0/emoney/topup",
    payService: SNAP_SERVICE.emoneyTopup,
    status: "/v1.0/emoney/topup-status",
    inquiry: "/v1.0/emoney/account-inquiry",
  },
} as const;

/**
 * A payment partner speaking Bank Indonesia SNAP (docs/payment-partners.md). How its answers
 * count: 200 paid, 202 accepted (the outcome follows by notification), any other 4xx a refusal
 * (`failed`, with the partner's responseCode) — except 401 (our credentials), 409 (an
 * X-EXTERNAL-ID used twice today) and 429 (too many calls), which say nothing about the payout and
 * so are `answered: false` like a 5xx, a timeout or a broken connection: the caller asks `status`.
 */
export function snapPaymentPartner(options: SnapPartnerOptions): PaymentPartner {
  const clock = options.clock ?? (() => new Date());
  const client = snapClient({ ...options, timeoutMs: options.timeoutMs ?? DEFAULT_PARTNER_TIMEOUT_MS, clock });
  const endpoints = ENDPOINTS[options.channel];

  const report = (
    fields: Omit<PartnerPayoutReport, "at" | "currency" | "amount"> & { amount?: { value: string; currency: string } | undefined },
  ): PartnerPayoutReport => {
    const amount = fields.amount === undefined ? null : rupiahFromSnap(fields.amount);
    return {
      state: fields.state,
      reference: fields.reference,
      partnerReference: fields.partnerReference,
      amount: amount?.ok === true ? amount.value : null,
      currency: fields.amount?.currency ?? null,
      code: fields.code,
      message: fields.message,
      at: clock(),
    };
  };

  return {
    code: options.code,

    async inquireAccount(destination) {
      const body =
        options.channel === "bank"
          ? { beneficiaryBankCode: destination.institution, beneficiaryAccountNo: destination.accountNumber }
          : { partnerReferenceNo: freshExternalId(), customerNumber: destination.accountNumber, amount: snapAmount(1), additionalInfo: {} };
      const call = await client.call("POST", endpoints.inquiry, body, freshExternalId());
      if (!call.answered) throw new Error(`${options.code} account inquiry: ${call.error}`);
      // 404 "Invalid Account" and 403 "Inactive Account" (closed, dormant): nothing can be paid there.
      if (call.status === 404 || call.status === 403) return { found: false };
      const bank = snapBankAccount.safeParse(call.body);
      const ewallet = snapEmoneyAccount.safeParse(call.body);
      const holderName =
        options.channel === "bank" ? (bank.success ? bank.data.beneficiaryAccountName : null) : ewallet.success ? ewallet.data.customerName : null;
      if (call.status !== 200 || holderName === null) throw new Error(`${options.code} account inquiry: HTTP ${call.status} ${call.responseCode}`);
      return { found: true, holderName };
    },

    async pay(instruction) {
      if (instruction.destination.channel !== options.channel)
        throw new Error(`${options.code} pays ${options.channel}, not ${instruction.destination.channel}`);
      const call = await client.call("POST", endpoints.pay, payoutBody(instruction, options, clock()), instruction.externalId);
      return payoutResult(call, instruction.reference, report);
    },

    async status(query): Promise<PartnerStatus> {
      const body = {
        originalPartnerReferenceNo: query.reference,
        originalExternalId: query.externalId,
        serviceCode: endpoints.payService,
        transactionDate: snapTimestamp(query.sentAt),
      };
      const call = await client.call("POST", endpoints.status, body, freshExternalId());
      if (!call.answered) return call;
      if (call.status === 404) return { known: false };
      const answer = snapStatusAnswer.safeParse(call.body);
      if (call.status !== 200 || !answer.success) return { answered: false, error: `status: HTTP ${call.status} ${call.responseCode} ${call.message}`.trim() };
      const state = snapTransactionState(answer.data.latestTransactionStatus);
      if (state === null) return { answered: false, error: `status: unknown latestTransactionStatus ${answer.data.latestTransactionStatus}` };
      if (state === "unknown") return { known: false };
      return {
        known: true,
        report: report({
          state,
          reference: query.reference,
          partnerReference: answer.data.originalReferenceNo ?? null,
          amount: answer.data.amount,
          code: answer.data.latestTransactionStatus,
          message: answer.data.transactionStatusDesc ?? answer.data.responseMessage,
        }),
      };
    },

    verifyNotification: (request, now) => verifySnapNotification(request, now, { publicKeys: options.keys.partnerPublicKey, minify: options.minify }),

    async statement(day) {
      const call = await client.call("GET", `/statement/${statementDay(day)}`, undefined, freshExternalId());
      if (!call.answered) throw new Error(`${options.code} statement ${day}: ${call.error}`);
      if (call.status !== 200 || typeof call.body !== "string") throw new Error(`${options.code} statement ${day}: HTTP ${call.status} ${call.responseCode}`);
      return parseStatement(call.body);
    },
  };
}

function payoutBody(instruction: PayoutInstruction, options: SnapPartnerOptions, now: Date) {
  const common = { partnerReferenceNo: instruction.reference, amount: snapAmount(instruction.amount), transactionDate: snapTimestamp(now) };
  return options.channel === "bank"
    ? {
        ...common,
        beneficiaryAccountNo: instruction.destination.accountNumber,
        beneficiaryBankCode: instruction.destination.institution,
        sourceAccountNo: options.keys.sourceAccountNo,
        additionalInfo: { remark: instruction.remark },
      }
    : { ...common, customerNumber: instruction.destination.accountNumber, notes: instruction.remark, additionalInfo: {} };
}

type Report = (
  fields: Omit<PartnerPayoutReport, "at" | "currency" | "amount"> & { amount?: { value: string; currency: string } | undefined },
) => PartnerPayoutReport;

/** What a payout call's answer means (see snapPaymentPartner). */
function payoutResult(call: SnapCall, reference: string, report: Report): PartnerCallResult {
  if (!call.answered) return call;
  if (call.status === 401 || call.status === 409 || call.status === 429)
    return { answered: false, error: `HTTP ${call.status} ${call.responseCode} ${call.message}`.trim() };
  const answer = snapPayoutAnswer.safeParse(call.body);
  const code = call.responseCode === "" ? `HTTP ${call.status}` : call.responseCode;
  if (call.status >= 400) return { answered: true, report: report({ state: "failed", reference, partnerReference: null, code, message: call.message }) };
  if (!answer.success) return { answered: false, error: `HTTP ${call.status} without a SNAP answer` };
  return {
    answered: true,
    report: report({
      state: call.status === 200 ? "paid" : "accepted",
      reference,
      partnerReference: answer.data.referenceNo ?? null,
      amount: answer.data.amount,
      code,
      message: call.message,
    }),
  };
}
