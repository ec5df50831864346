import { hmacSignature, minifyBody, requestStringToSign, rsaSignature, snapTimestamp, tokenStringToSign, type SnapMinify } from "../../domain/payouts/snap.js";
import { parseResponseCode } from "../../domain/payouts/snapValues.js";
import type { SnapPartnerKeys } from "../../schemas/paymentPartners.js";
import { snapAccessToken, snapAnswer } from "../../schemas/snapMessages.js";
import { exchange, partnerUrl } from "./http.js";

/** A SNAP call's outcome: the partner's answer (any status below 500), or no answer we can trust. */
export type SnapCall = { answered: true; status: number; responseCode: string; message: string; body: unknown } | { answered: false; error: string };

export interface SnapClientOptions {
  baseUrl: string;
  keys: SnapPartnerKeys;
  minify: SnapMinify;
  timeoutMs: number;
  clock: () => Date;
}

/** A token is renewed this long before the partner says it expires, so none expires in flight. */
const TOKEN_MARGIN_MS = 60_000;

/**
 * Signed SNAP calls to one partner: the B2B access token (requested with our RSA signature, kept
 * until shortly before `expiresIn`, one request at a time), then each call with the headers SNAP
 * spells (`X-TIMESTAMP`, `X-SIGNATURE` = HMAC-SHA512, `X-PARTNER-ID`, `X-EXTERNAL-ID`, `CHANNEL-ID`,
 * `Authorization: Bearer`). A 401 saying the token is invalid (case code 01, "Invalid Token (B2B)")
 * gets one new token and one more try; every other answer is returned as it is.
 */
export function snapClient(options: SnapClientOptions) {
  let token: { value: string; renewAt: number } | null = null;
  let pending: Promise<{ ok: true; value: string } | { ok: false; error: string }> | null = null;

  async function requestToken(): Promise<{ ok: true; value: string } | { ok: false; error: string }> {
    const at = options.clock();
    const timestamp = snapTimestamp(at);
    const { url } = partnerUrl(options.baseUrl, "/v1.0/access-token/b2b");
    const answer = await exchange(
      url,
      {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-TIMESTAMP": timestamp,
          "X-CLIENT-KEY": options.keys.clientId,
          "X-SIGNATURE": rsaSignature(options.keys.privateKey, tokenStringToSign(options.keys.clientId, timestamp)),
        },
        body: JSON.stringify({ grantType: "client_credentials" }),
      },
      options.timeoutMs,
    );
    if (!answer.reached) return { ok: false, error: `access token: ${answer.error}` };
    const parsed = snapAccessToken.safeParse(answer.body);
    if (answer.status !== 200 || !parsed.success) return { ok: false, error: `access token refused: HTTP ${answer.status} ${codeOf(answer.body)}` };
    token = { value: parsed.data.accessToken, renewAt: at.getTime() + parsed.data.expiresIn * 1000 - TOKEN_MARGIN_MS };
    return { ok: true, value: parsed.data.accessToken };
  }

  function accessToken() {
    if (token !== null && options.clock().getTime() < token.renewAt) return Promise.resolve({ ok: true as const, value: token.value });
    pending ??= requestToken().finally(() => (pending = null));
    return pending;
  }

  async function once(method: "GET" | "POST", endpoint: string, body: unknown, externalId: string, bearer: string) {
    const text = body === undefined ? "" : JSON.stringify(body);
    const timestamp = snapTimestamp(options.clock());
    const { url, relativeUrl } = partnerUrl(options.baseUrl, endpoint);
    const minifiedBody = minifyBody(text, options.minify) ?? text;
    const headers: Record<string, string> = {
      Authorization: `Bearer ${bearer}`,
      "X-TIMESTAMP": timestamp,
      "X-SIGNATURE": hmacSignature(options.keys.clientSecret, requestStringToSign({ method, relativeUrl, accessToken: bearer, minifiedBody, timestamp })),
      "X-PARTNER-ID": options.keys.clientId,
      "X-EXTERNAL-ID": externalId,
      "CHANNEL-ID": options.keys.channelId,
    };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    return exchange(url, body === undefined ? { method, headers } : { method, headers, body: text }, options.timeoutMs);
  }

  return {
    /** One signed call; `body` undefined for a GET. The answer's body is returned unparsed beyond SNAP's common fields. */
    async call(method: "GET" | "POST", endpoint: string, body: unknown, externalId: string): Promise<SnapCall> {
      for (let attempt = 0; ; attempt++) {
        const bearer = await accessToken();
        if (!bearer.ok) return { answered: false, error: bearer.error };
        const answer = await once(method, endpoint, body, externalId, bearer.value);
        if (!answer.reached) return { answered: false, error: answer.error };
        if (answer.status >= 500) return { answered: false, error: `HTTP ${answer.status} ${codeOf(answer.body)}`.trim() };
        const common = snapAnswer.safeParse(answer.body);
        const responseCode = common.success ? common.data.responseCode : "";
        if (answer.status === 401 && attempt === 0 && parseResponseCode(responseCode)?.case === "01") {
          token = null;
          continue;
        }
        return { answered: true, status: answer.status, responseCode, message: common.success ? common.data.responseMessage : "", body: answer.body };
      }
    },
    /** Drops the cached token (tests; a rotated client secret). */
    forgetToken() {
      token = null;
    },
  };
}

export type SnapClient = ReturnType<typeof snapClient>;

/** A SNAP answer's code for an error message, if it has one. */
function codeOf(body: unknown): string {
  const parsed = snapAnswer.safeParse(body);
  return parsed.success ? `${parsed.data.responseCode} ${parsed.data.responseMessage}`.trim() : "";
}
