import { createHash, timingSafeEqual } from "node:crypto";
import { done, refused } from "../../domain/outcome.js";
import type { PaymentPartnerCode } from "../../domain/payouts/partners.js";
import { withinSnapWindow } from "../../domain/payouts/snap.js";
import type { TokenGatewayKeys } from "../../schemas/paymentPartners.js";
import { accountData, disbursement, disbursementCallback, disbursementList, gatewayError, type Disbursement } from "../../schemas/tokenGatewayMessages.js";
import type { PartnerCallResult, PartnerPayoutReport, PartnerPayoutState, PartnerStatus, PaymentPartner } from "../../usecases/ports.js";
import { DEFAULT_PARTNER_TIMEOUT_MS, exchange, partnerUrl, type HttpExchange } from "./http.js";
import { parseStatement, statementDay } from "./statement.js";

export interface TokenGatewayOptions {
  code: PaymentPartnerCode;
  baseUrl: string;
  keys: TokenGatewayKeys;
  timeoutMs?: number;
  clock?: () => Date;
}

/**
 * How far a callback's `updated` may be from our clock. Wider than SNAP's 300 s: the gateway
 * stamps nothing per delivery and retries a failed one up to 5 times 2 minutes apart with the same
 * body, so its last retry arrives 10 minutes after `updated`. Replays inside the window are
 * stopped by the event ID, not by time.
 */
export const CALLBACK_WINDOW_SECONDS = 15 * 60;

const STATE: Record<Disbursement["status"], PartnerPayoutState> = { PENDING: "accepted", COMPLETED: "paid", FAILED: "failed", REVERSED: "reversed" };

/**
 * A disbursement gateway with a static callback token (Xendit-like; docs/payment-partners.md):
 * HTTP Basic with the API key, `X-IDEMPOTENCY-KEY` = our reference (the gateway answers the same
 * disbursement for the same key, or 409, after which we read it back by reference), whole-rupiah
 * amounts, callbacks authenticated by the `x-callback-token` header alone.
 */
export function tokenGatewayPartner(options: TokenGatewayOptions): PaymentPartner {
  const clock = options.clock ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? DEFAULT_PARTNER_TIMEOUT_MS;
  const authorization = `Basic ${Buffer.from(`${options.keys.apiKey}:`).toString("base64")}`;
  const call = (method: "GET" | "POST", endpoint: string, body?: unknown, extra: Record<string, string> = {}): Promise<HttpExchange> => {
    const headers: Record<string, string> = { Authorization: authorization, ...extra };
    if (body === undefined) return exchange(partnerUrl(options.baseUrl, endpoint).url, { method, headers }, timeoutMs);
    return exchange(
      partnerUrl(options.baseUrl, endpoint).url,
      { method, headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify(body) },
      timeoutMs,
    );
  };
  const report = (found: Disbursement): PartnerPayoutReport => ({
    state: STATE[found.status],
    reference: found.external_id,
    partnerReference: found.id,
    amount: found.amount,
    currency: "IDR",
    code: found.failure_code === undefined ? found.status : `${found.status} ${found.failure_code}`,
    message: found.failure_code ?? "",
    at: clock(),
  });

  async function status(reference: string): Promise<PartnerStatus> {
    const answer = await call("GET", `/disbursements?reference_id=${encodeURIComponent(reference)}`);
    if (!answer.reached) return { answered: false, error: answer.error };
    if (answer.status === 404) return { known: false };
    const list = disbursementList.safeParse(answer.body);
    if (answer.status !== 200 || !list.success) return { answered: false, error: `status: HTTP ${answer.status}` };
    const found = list.data.find((item) => item.external_id === reference);
    return found === undefined ? { known: false } : { known: true, report: report(found) };
  }

  return {
    code: options.code,

    async inquireAccount(destination) {
      const answer = await call("POST", "/bank_account_data_requests", { bank_code: destination.institution, bank_account_number: destination.accountNumber });
      if (!answer.reached) throw new Error(`${options.code} account inquiry: ${answer.error}`);
      if (answer.status === 404) return { found: false };
      const data = accountData.safeParse(answer.body);
      if (answer.status !== 200 || !data.success) throw new Error(`${options.code} account inquiry: HTTP ${answer.status}`);
      const holderName = data.data.bank_account_holder_name;
      return data.data.status === "SUCCESS" && holderName !== undefined && holderName !== "" ? { found: true, holderName } : { found: false };
    },

    async pay(instruction): Promise<PartnerCallResult> {
      const body = {
        external_id: instruction.reference,
        amount: instruction.amount,
        bank_code: instruction.destination.institution,
        account_number: instruction.destination.accountNumber,
        description: instruction.remark,
      };
      const answer = await call("POST", "/disbursements", body, { "X-IDEMPOTENCY-KEY": instruction.reference });
      if (!answer.reached) return { answered: false, error: answer.error };
      if (answer.status >= 500 || answer.status === 401 || answer.status === 429) return { answered: false, error: `HTTP ${answer.status}` };
      if (answer.status === 409) {
        // The key was used before: that disbursement is the answer.
        const known = await status(instruction.reference);
        return "known" in known && known.known
          ? { answered: true, report: known.report }
          : { answered: false, error: "HTTP 409 and no disbursement by that reference" };
      }
      if (answer.status >= 400) {
        const error = gatewayError.safeParse(answer.body);
        const code = error.success ? error.data.error_code : `HTTP ${answer.status}`;
        const message = error.success ? error.data.message : "";
        return {
          answered: true,
          report: { state: "failed", reference: instruction.reference, partnerReference: null, amount: null, currency: null, code, message, at: clock() },
        };
      }
      const created = disbursement.safeParse(answer.body);
      return created.success ? { answered: true, report: report(created.data) } : { answered: false, error: `HTTP ${answer.status} without a disbursement` };
    },

    status: (query) => status(query.reference),

    verifyNotification(request, now) {
      const token = request.headers["x-callback-token"];
      if (token === undefined || token === "") return refused("signature-missing");
      const tokens = typeof options.keys.callbackToken === "string" ? [options.keys.callbackToken] : options.keys.callbackToken;
      if (!tokens.map((known) => sameSecret(token, known)).includes(true)) return refused("signature-invalid");
      let json: unknown;
      try {
        json = JSON.parse(request.rawBody.toString("utf8"));
      } catch {
        return refused("body-invalid", { field: "body" });
      }
      const body = disbursementCallback.safeParse(json);
      if (!body.success) return refused("body-invalid", { field: body.error.issues[0]?.path.join(".") ?? "body" });
      const updated = new Date(body.data.updated);
      if (Number.isNaN(updated.getTime())) return refused("body-invalid", { field: "updated" });
      if (!withinSnapWindow(updated, now, CALLBACK_WINDOW_SECONDS)) return refused("timestamp-stale");
      // One disbursement reaches each state once: its ID and state name the event, however often it is delivered.
      return done({ eventId: `${body.data.id}:${body.data.status}`, report: { ...report(body.data), at: updated } });
    },

    async statement(day) {
      const answer = await call("GET", `/statement/${statementDay(day)}`);
      if (!answer.reached) throw new Error(`${options.code} statement ${day}: ${answer.error}`);
      if (answer.status !== 200 || typeof answer.body !== "string") throw new Error(`${options.code} statement ${day}: HTTP ${answer.status}`);
      return parseStatement(answer.body);
    },
  };
}

/** Constant-time equality of two secrets of any lengths (compared as SHA-256 digests, so lengths do not leak). */
function sameSecret(given: string, known: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(given), digest(known));
}
