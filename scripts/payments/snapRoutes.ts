import { randomBytes } from "node:crypto";
import { z } from "zod";
import {
  hmacSignatureMatches,
  minifyBody,
  parseSnapTimestamp,
  requestStringToSign,
  rsaSignatureMatches,
  tokenStringToSign,
  withinSnapWindow,
} from "../../functions/src/domain/payouts/snap.js";
import { rupiahFromSnap, SNAP_SERVICE, SNAP_STATUS_OF } from "../../functions/src/domain/payouts/snapValues.js";
import { REFUSALS, type FaultRule } from "./faults.js";
import type { SimulatorSnapKeys } from "./keys.js";
import type { Transaction } from "./ledger.js";
import { minifyOf, partnerSpec } from "./partners.js";
import { handlePayout, type PayoutContext } from "./payouts.js";
import type { Answer, PartnerRequest, SimulatorState } from "./types.js";

const TOKEN_SECONDS = 900;
const amount = z.object({ value: z.string(), currency: z.string() });
const transferBody = z.object({
  partnerReferenceNo: z.string().min(1).max(64),
  amount,
  beneficiaryAccountNo: z.string().min(1).max(34),
  beneficiaryBankCode: z.string().min(3).max(8),
  sourceAccountNo: z.string().min(1),
  transactionDate: z.string(),
});
const topupBody = z.object({ partnerReferenceNo: z.string().min(1).max(64), customerNumber: z.string().min(1).max(20), amount });
const payoutReference = z.object({ partnerReferenceNo: z.string() });
const statusBody = z.object({ originalPartnerReferenceNo: z.string().min(1), serviceCode: z.string().regex(/^\d{2}$/) });
const bankInquiryBody = z.object({ beneficiaryBankCode: z.string(), beneficiaryAccountNo: z.string().min(1) });
const emoneyInquiryBody = z.object({ customerNumber: z.string().min(1) });

const SERVICES = new Map<string, string>(
  Object.entries({
    "/v1.0/transfer-interbank": SNAP_SERVICE.transferInterbank,
    "/v1.0/emoney/topup": SNAP_SERVICE.emoneyTopup,
    "/v1.0/transfer/status": SNAP_SERVICE.transferStatus,
    "/v1.0/emoney/topup-status": SNAP_SERVICE.emoneyTopupStatus,
    "/v1.0/account-inquiry-external": SNAP_SERVICE.accountInquiryExternal,
    "/v1.0/emoney/account-inquiry": SNAP_SERVICE.emoneyAccountInquiry,
  }),
);

const snap = (status: number, service: string, caseCode: string, message: string, fields: Record<string, unknown> = {}): Answer => ({
  status,
  json: { responseCode: `${status}${service}${caseCode}`, responseMessage: message, ...fields },
});

/**
 * One SNAP partner (a bank or an e-wallet) as it answers us: the B2B token (checking our RSA
 * signature with our public key), then every call checked as a bank checks it — token, partner
 * ID, channel, timestamp window, HMAC-SHA512 signature over the body minified as this partner
 * does, X-EXTERNAL-ID unique per day — and refused with SNAP's 401/409 codes when it is not right.
 */
export async function snapRoute(state: SimulatorState, keys: SimulatorSnapKeys, request: PartnerRequest): Promise<Answer> {
  const { partner, subpath, headers } = request;
  if (request.method === "POST" && subpath === "/v1.0/access-token/b2b") return accessToken(state, keys, request);

  const statement = /^\/statement\/(\d{4}-\d{2}-\d{2})$/.exec(subpath);
  const service = statement !== null ? "00" : SERVICES.get(subpath);
  if (service === undefined || request.method !== (statement !== null ? "GET" : "POST")) return snap(404, "00", "00", "Not Found");
  const bearer = /^Bearer (.+)$/.exec(headers.authorization ?? "")?.[1];
  const token = bearer === undefined ? undefined : state.tokens.get(bearer);
  if (bearer === undefined || token === undefined || token.partner !== partner || token.expiresAt < Date.now())
    return snap(401, service, "01", "Invalid Token (B2B)");
  if (headers["x-partner-id"] !== keys.clientId || headers["channel-id"] !== keys.channelId) return snap(401, service, "00", "Unauthorized. [Unknown client]");
  const at = parseSnapTimestamp(headers["x-timestamp"] ?? "");
  if (at === null || !withinSnapWindow(at, new Date())) return snap(401, service, "00", "Unauthorized. [X-TIMESTAMP]");
  const minifiedBody = minifyBody(request.rawBody, minifyOf(partner));
  if (minifiedBody === null) return snap(400, service, "00", "Bad Request");
  const signed = requestStringToSign({
    method: request.method,
    relativeUrl: request.url,
    accessToken: bearer,
    minifiedBody,
    timestamp: headers["x-timestamp"] ?? "",
  });
  if (!hmacSignatureMatches(keys.clientSecret, signed, headers["x-signature"] ?? "")) return snap(401, service, "00", "Unauthorized. [Signature]");
  const externalId = headers["x-external-id"] ?? "";
  // SNAP asks for digits; letters and dashes are let through so a caller's own ID format still works locally.
  if (!/^[A-Za-z0-9-]{1,36}$/.test(externalId)) return snap(400, service, "02", "Invalid Mandatory Field [X-EXTERNAL-ID]");

  if (statement !== null) return { status: 200, text: state.ledger.statement(partner, statement[1] ?? ""), contentType: "text/csv; charset=utf-8" };
  const body: unknown = minifiedBody === "" ? {} : JSON.parse(minifiedBody);
  const isPayout = service === SNAP_SERVICE.transferInterbank || service === SNAP_SERVICE.emoneyTopup;
  const fault = isPayout ? state.faults.take(partner, payoutReference.safeParse(body).data?.partnerReferenceNo ?? "") : {};
  if (fault.status5xx !== undefined && !fault.status5xx.after) return snap(fault.status5xx.status, service, "01", "Internal Server Error");
  if (!state.ledger.useExternalId(partner, externalId, new Date())) return snap(409, service, "00", "Conflict");

  switch (service) {
    case SNAP_SERVICE.transferInterbank:
    case SNAP_SERVICE.emoneyTopup:
      return payout(state, partner, service, body, externalId, fault);
    case SNAP_SERVICE.transferStatus:
    case SNAP_SERVICE.emoneyTopupStatus: {
      const query = statusBody.safeParse(body);
      if (!query.success) return snap(400, service, "02", "Invalid Mandatory Field");
      const found = state.ledger.find(partner, query.data.originalPartnerReferenceNo);
      if (found === null) return snap(404, service, "01", "Transaction Not Found");
      return snap(200, service, "00", "Successful", statusFields(found, query.data.serviceCode));
    }
    default:
      return inquiry(state, service, body);
  }
}

function accessToken(state: SimulatorState, keys: SimulatorSnapKeys, request: PartnerRequest): Answer {
  const { headers } = request;
  const service = SNAP_SERVICE.accessTokenB2b;
  const timestamp = headers["x-timestamp"] ?? "";
  const at = parseSnapTimestamp(timestamp);
  if (headers["x-client-key"] !== keys.clientId) return snap(401, service, "00", "Unauthorized. [Unknown client]");
  if (at === null || !withinSnapWindow(at, new Date())) return snap(401, service, "00", "Unauthorized. [X-TIMESTAMP]");
  if (!rsaSignatureMatches(keys.programPublicKey, tokenStringToSign(keys.clientId, timestamp), headers["x-signature"] ?? ""))
    return snap(401, service, "00", "Unauthorized. [Signature]");
  const token = randomBytes(24).toString("base64url");
  state.tokens.set(token, { partner: request.partner, expiresAt: Date.now() + TOKEN_SECONDS * 1000 });
  return snap(200, service, "00", "Successful", { accessToken: token, tokenType: "Bearer", expiresIn: String(TOKEN_SECONDS) });
}

async function payout(state: SimulatorState, partner: string, service: string, body: unknown, externalId: string, fault: FaultRule): Promise<Answer> {
  const bank = service === SNAP_SERVICE.transferInterbank;
  const parsed = bank ? transferBody.safeParse(body) : topupBody.safeParse(body);
  if (!parsed.success) return snap(400, service, "02", `Invalid Mandatory Field [${parsed.error.issues[0]?.path.join(".") ?? ""}]`);
  const rupiah = rupiahFromSnap(parsed.data.amount);
  if (!rupiah.ok) return snap(400, service, "01", "Invalid Field Format [amount]");
  const institutions = partnerSpec(partner)?.institutions ?? [];
  const institution = "beneficiaryBankCode" in parsed.data ? parsed.data.beneficiaryBankCode : (institutions[0] ?? "");
  if (!institutions.includes(institution)) return snap(400, service, "01", "Invalid Field Format [beneficiaryBankCode]");
  const accountNumber = "beneficiaryAccountNo" in parsed.data ? parsed.data.beneficiaryAccountNo : parsed.data.customerNumber;
  const ctx: PayoutContext = {
    ...state.payoutContext,
    failure: (refusal) => ({ code: `${REFUSALS[refusal].status}${service}${REFUSALS[refusal].caseCode}`, message: REFUSALS[refusal].message }),
  };
  const { transaction: t } = await handlePayout(
    ctx,
    { partner, reference: parsed.data.partnerReferenceNo, externalId, amount: rupiah.value, institution, accountNumber },
    fault,
  );
  const fields = { referenceNo: t.partnerReference, partnerReferenceNo: t.reference, amount: { value: `${t.amount}.00`, currency: "IDR" } };
  let answer: Answer;
  if (t.state === "failed" && t.failure !== null)
    answer = { status: Number(t.failure.code.slice(0, 3)), json: { responseCode: t.failure.code, responseMessage: t.failure.message, ...fields } };
  else if (t.state === "pending" || fault.callbackBeforeAnswer === true) answer = snap(202, service, "00", "Request In Progress", fields);
  else answer = snap(200, service, "00", "Successful", fields);
  if (fault.status5xx?.after === true) answer = snap(fault.status5xx.status, service, "01", "Internal Server Error");
  return fault.timeoutMs === undefined ? answer : { ...answer, delayMs: fault.timeoutMs };
}

function statusFields(t: Transaction, serviceCode: string) {
  const reported = t.state === "pending" ? "accepted" : t.state;
  return {
    originalPartnerReferenceNo: t.reference,
    originalReferenceNo: t.partnerReference,
    originalExternalId: t.externalId,
    serviceCode,
    latestTransactionStatus: SNAP_STATUS_OF[reported],
    transactionStatusDesc: { paid: "Success", accepted: "Pending", failed: "Failed", reversed: "Refunded" }[reported],
    amount: { value: `${t.amount}.00`, currency: "IDR" },
  };
}

function inquiry(state: SimulatorState, service: string, body: unknown): Answer {
  const bank = service === SNAP_SERVICE.accountInquiryExternal;
  const parsed = bank ? bankInquiryBody.safeParse(body) : emoneyInquiryBody.safeParse(body);
  if (!parsed.success) return snap(400, service, "02", "Invalid Mandatory Field");
  const number = "beneficiaryAccountNo" in parsed.data ? parsed.data.beneficiaryAccountNo : parsed.data.customerNumber;
  const account = state.accounts.find(number);
  if (account === null) return snap(404, service, "11", "Invalid Account");
  if (account.closed) return snap(403, service, "18", "Inactive Account");
  return bank
    ? snap(200, service, "00", "Successful", { beneficiaryAccountName: account.holderName, beneficiaryAccountNo: number })
    : snap(200, service, "00", "Successful", { customerName: account.holderName, customerNumber: number });
}
