import { z } from "zod";
import { REFUSALS } from "./faults.js";
import type { SimulatorTokenKeys } from "./keys.js";
import type { Transaction } from "./ledger.js";
import { partnerSpec } from "./partners.js";
import { handlePayout } from "./payouts.js";
import type { Answer, PartnerRequest, SimulatorState } from "./types.js";

const disbursementBody = z.object({
  external_id: z.string().min(1).max(64),
  amount: z.number().int().positive(),
  bank_code: z.string().min(1),
  account_number: z.string().min(1),
  description: z.string().optional(),
});
const accountBody = z.object({ bank_code: z.string(), bank_account_number: z.string().min(1) });

const error = (status: number, code: string, message: string): Answer => ({ status, json: { error_code: code, message } });
const STATUS = { pending: "PENDING", paid: "COMPLETED", failed: "FAILED", reversed: "REVERSED" } as const;

function disbursement(t: Transaction) {
  return {
    id: t.partnerReference,
    external_id: t.reference,
    amount: t.amount,
    bank_code: t.institution,
    account_number: t.accountNumber,
    status: STATUS[t.state],
    ...(t.failure === null ? {} : { failure_code: t.failure.code }),
    created: t.createdAt,
    updated: t.reversedAt ?? t.paidAt ?? t.createdAt,
  };
}

/**
 * The disbursement gateway (Xendit-like): HTTP Basic with the API key (empty password),
 * `X-IDEMPOTENCY-KEY` on every disbursement (the same key answers the same disbursement), whole
 * rupiah, a synchronous account check, and callbacks carrying the static `x-callback-token`.
 */
export async function tokenRoute(state: SimulatorState, keys: SimulatorTokenKeys, request: PartnerRequest): Promise<Answer> {
  const expected = `Basic ${Buffer.from(`${keys.apiKey}:`).toString("base64")}`;
  if (request.headers.authorization !== expected) return error(401, "INVALID_API_KEY", "API key is invalid");
  const { subpath, partner } = request;
  const statement = /^\/statement\/(\d{4}-\d{2}-\d{2})$/.exec(subpath);
  if (request.method === "GET" && statement !== null)
    return { status: 200, text: state.ledger.statement(partner, statement[1] ?? ""), contentType: "text/csv; charset=utf-8" };
  if (request.method === "GET" && subpath === "/disbursements") {
    const found = state.ledger.find(partner, request.query.get("reference_id") ?? "");
    return { status: 200, json: found === null ? [] : [disbursement(found)] };
  }
  let body: unknown;
  try {
    body = JSON.parse(request.rawBody.toString("utf8"));
  } catch {
    return error(400, "API_VALIDATION_ERROR", "Body is not JSON");
  }
  if (request.method === "POST" && subpath === "/bank_account_data_requests") {
    const query = accountBody.safeParse(body);
    if (!query.success) return error(400, "API_VALIDATION_ERROR", "bank_code and bank_account_number are required");
    const account = state.accounts.find(query.data.bank_account_number);
    if (account === null) return { status: 200, json: { status: "FAILURE", failure_reason: "ACCOUNT_NOT_FOUND" } };
    if (account.closed) return { status: 200, json: { status: "FAILURE", failure_reason: "ACCOUNT_CLOSED" } };
    return { status: 200, json: { status: "SUCCESS", bank_account_holder_name: account.holderName, bank_account_number: account.number } };
  }
  if (request.method !== "POST" || subpath !== "/disbursements") return error(404, "NOT_FOUND", "No such route");

  const idempotencyKey = request.headers["x-idempotency-key"];
  if (idempotencyKey === undefined || idempotencyKey === "") return error(400, "API_VALIDATION_ERROR", "X-IDEMPOTENCY-KEY is required");
  const parsed = disbursementBody.safeParse(body);
  if (!parsed.success) return error(400, "API_VALIDATION_ERROR", `${parsed.error.issues[0]?.path.join(".") ?? "body"} is not valid`);
  if (!(partnerSpec(partner)?.institutions ?? []).includes(parsed.data.bank_code)) return error(400, "INVALID_DESTINATION", "bank_code is not served");
  const fault = state.faults.take(partner, parsed.data.external_id);
  if (fault.status5xx !== undefined && !fault.status5xx.after) return error(fault.status5xx.status, "SERVER_ERROR", "Internal Server Error");
  const { transaction: t } = await handlePayout(
    { ...state.payoutContext, failure: (refusal) => ({ code: REFUSALS[refusal].gateway, message: REFUSALS[refusal].message }) },
    {
      partner,
      reference: parsed.data.external_id,
      externalId: idempotencyKey,
      amount: parsed.data.amount,
      institution: parsed.data.bank_code,
      accountNumber: parsed.data.account_number,
    },
    fault,
  );
  let answer: Answer =
    t.refusedOnReceipt && t.failure !== null
      ? error(400, t.failure.code, t.failure.message)
      : { status: 200, json: fault.callbackBeforeAnswer === true ? { ...disbursement(t), status: "PENDING" } : disbursement(t) };
  if (fault.status5xx?.after === true) answer = error(fault.status5xx.status, "SERVER_ERROR", "Internal Server Error");
  return fault.timeoutMs === undefined ? answer : { ...answer, delayMs: fault.timeoutMs };
}
