import { generateKeyPairSync, randomBytes, randomInt } from "node:crypto";
import { minifyBody, notificationStringToSign, rsaSignature, snapTimestamp } from "../../functions/src/domain/payouts/snap.js";
import { SNAP_STATUS_OF } from "../../functions/src/domain/payouts/snapValues.js";
import type { SimulatorKeys } from "./keys.js";
import type { Transaction } from "./ledger.js";
import { minifyOf, payoutService } from "./partners.js";

/** What a notification says of a payout. */
export type ReportedState = "paid" | "failed" | "reversed" | "accepted";
/** How it is signed: properly, with another key (or token), not at all, or properly with a time 10 minutes ago. */
export type Signing = "valid" | "forged" | "unsigned" | "stale";
export interface RetryPolicy {
  attempts: number;
  spacingMs: number;
}

/** One delivery attempt of a notification, and what the program answered. */
export interface Delivery {
  id: number;
  partner: string;
  eventId: string;
  reference: string;
  state: ReportedState;
  signing: Signing;
  attempt: number;
  url: string;
  status: number | null;
  /** The webhook's answer: JSON when it was JSON, else its text. */
  body: unknown;
  error: string | null;
  at: string;
}

const STALE_MS = 10 * 60_000;
const GATEWAY_STATUS = { paid: "COMPLETED", failed: "FAILED", reversed: "REVERSED", accepted: "PENDING" } as const;

export interface NotifierOptions {
  keys: SimulatorKeys;
  /** `<webhookBase>/<code>/notify`. */
  webhookBase: string;
  retry: RetryPolicy;
  /** Timers are the server's, so close() and reset stop pending deliveries. */
  later: (ms: number, run: () => void) => void;
}

/**
 * Sends partners' notifications to the program's webhook, signed as each partner signs them
 * (SNAP: SHA256withRSA with the partner's private key, `X-EXTERNAL-ID` the event ID; gateway:
 * the static `x-callback-token`), retrying a non-2xx answer as the partner would, and keeps every
 * attempt for `GET /_control/deliveries`.
 */
export function notifier(options: NotifierOptions) {
  const deliveries: Delivery[] = [];
  let forgedKey: string | null = null;

  function request(partner: string, t: Transaction, state: ReportedState, eventId: string, signing: Signing, rawBody: string | undefined) {
    const keys = options.keys[partner];
    if (keys === undefined) throw new Error(`no keys for ${partner}`);
    const url = `${options.webhookBase.replace(/\/+$/, "")}/${partner}/notify`;
    const now = new Date(Date.now() - (signing === "stale" ? STALE_MS : 0));
    if (keys.protocol === "token") {
      const body =
        rawBody ??
        JSON.stringify({
          id: t.partnerReference,
          external_id: t.reference,
          amount: t.amount,
          status: GATEWAY_STATUS[state],
          bank_code: t.institution,
          account_number: t.accountNumber,
          ...(t.failure === null ? {} : { failure_code: t.failure.code }),
          created: t.createdAt,
          updated: now.toISOString(),
        });
      const headers: Record<string, string> = { "Content-Type": "application/json" };
      if (signing !== "unsigned") headers["x-callback-token"] = signing === "forged" ? randomBytes(32).toString("base64url") : keys.callbackToken;
      return { url, headers, body };
    }
    const body =
      rawBody ??
      // Written with spaces on purpose: the receiver must minify as this partner does before hashing.
      JSON.stringify(
        {
          originalPartnerReferenceNo: t.reference,
          originalReferenceNo: t.partnerReference,
          originalExternalId: t.externalId,
          serviceCode: payoutService(partner),
          latestTransactionStatus: SNAP_STATUS_OF[state],
          transactionStatusDesc: { paid: "Success", failed: "Failed", reversed: "Refunded", accepted: "Pending" }[state],
          amount: { value: `${t.amount}.00`, currency: "IDR" },
          additionalInfo: {},
        },
        null,
        2,
      );
    const timestamp = snapTimestamp(now);
    const minifiedBody = minifyBody(body, minifyOf(partner)) ?? body;
    const path = new URL(url).pathname;
    forgedKey ??=
      signing === "forged" ? generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString() : null;
    const key = signing === "forged" && forgedKey !== null ? forgedKey : keys.partnerPrivateKey;
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
      "X-TIMESTAMP": timestamp,
      "X-PARTNER-ID": keys.clientId,
      "X-EXTERNAL-ID": eventId,
      "CHANNEL-ID": keys.channelId,
    };
    if (signing !== "unsigned")
      headers["X-SIGNATURE"] = rsaSignature(key, notificationStringToSign({ method: "POST", relativeUrl: path, minifiedBody, timestamp }));
    return { url, headers, body };
  }

  async function attempt(partner: string, t: Transaction, state: ReportedState, eventId: string, signing: Signing, rawBody: string | undefined, n: number) {
    const { url, headers, body } = request(partner, t, state, eventId, signing, rawBody);
    const delivery: Delivery = {
      id: deliveries.length + 1,
      partner,
      eventId,
      reference: t.reference,
      state,
      signing,
      attempt: n,
      url,
      status: null,
      body: null,
      error: null,
      at: new Date().toISOString(),
    };
    deliveries.push(delivery);
    try {
      const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(10_000) });
      const text = await response.text();
      delivery.status = response.status;
      try {
        delivery.body = text === "" ? null : JSON.parse(text);
      } catch {
        delivery.body = text;
      }
    } catch (error) {
      delivery.error = error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ""}` : String(error);
    }
    return delivery;
  }

  return {
    /** A new event ID: SNAP's numeric X-EXTERNAL-ID; for the gateway, its events are named by disbursement and state. */
    eventId: () => `${randomInt(100_000_000, 999_999_999)}${randomInt(100_000_000, 999_999_999)}`,

    /** Delivers one event (retried per `retry` when not answered 2xx); resolves with the first attempt. */
    async send(
      partner: string,
      t: Transaction,
      state: ReportedState,
      settings: { eventId?: string; signing?: Signing; rawBody?: string; retry?: RetryPolicy | false } = {},
    ) {
      const eventId = settings.eventId ?? this.eventId();
      const retry = settings.retry === undefined ? options.retry : settings.retry;
      const signing = settings.signing ?? "valid";
      const first = await attempt(partner, t, state, eventId, signing, settings.rawBody, 1);
      const again = (n: number, last: Delivery) => {
        if (retry === false || n > retry.attempts + 1 || (last.status !== null && last.status >= 200 && last.status < 300)) return;
        options.later(retry.spacingMs, () => void attempt(partner, t, state, eventId, signing, settings.rawBody, n).then((next) => again(n + 1, next)));
      };
      again(2, first);
      return first;
    },
    deliveries: () => [...deliveries],
    reset() {
      deliveries.length = 0;
    },
  };
}
export type Notifier = ReturnType<typeof notifier>;
