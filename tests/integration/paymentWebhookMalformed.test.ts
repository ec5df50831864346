import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { URLS } from "../../scripts/stack/config.js";
import { adminDb } from "../support/admin.js";
import { ensurePaymentPartners, simulator } from "../support/payouts.js";

/**
 * Malformed notifications at the payment webhook, each properly signed by the partner's own key
 * through the simulator (scripts/payments/, `POST /_control/notify` with `rawBody`: the body is
 * signed exactly as sent), or sent raw where the signature itself is the problem. Each gets its
 * status and writes nothing: no `paymentEvents`, no quarantine.
 */

const PARTNER = "bank-nusantara";
const good = (reference: string) => ({
  originalPartnerReferenceNo: reference,
  originalReferenceNo: "BAN123",
  latestTransactionStatus: "00",
  transactionStatusDesc: "Success",
  amount: { value: "600000.00", currency: "IDR" },
});
const without = (field: string) => (reference: string) => {
  const body: Record<string, unknown> = good(reference);
  delete body[field];
  return JSON.stringify(body);
};
const withField = (field: string, value: unknown) => (reference: string) => JSON.stringify({ ...good(reference), [field]: value });

/**
 * Bodies sent as `application/json` that are not a JSON object: the Cloud Functions runtime's own
 * JSON parser refuses them (400, its own page) before our code runs — in production as on the
 * emulator. Nothing of ours runs, so nothing is written.
 */
const NOT_JSON_OBJECTS: Array<[string, (reference: string) => string]> = [
  ["a body cut short", (r) => JSON.stringify(good(r)).slice(0, 40)],
  ["JSON null", () => "null"],
  ["a bare number", () => "600000"],
  ["a bare string", () => '"paid"'],
  ["not UTF-8 JSON at all", () => "\u0000\u0001\u0002binary"],
];

/** Bodies signed validly that reach the webhook and do not parse there: [what is wrong, body]. */
const SIGNED_BODIES: Array<[string, (reference: string) => string]> = [
  ["an empty body", () => ""],
  ["a JSON array", (r) => JSON.stringify([good(r)])],
  ["an empty object", () => "{}"],
  ["no originalPartnerReferenceNo", without("originalPartnerReferenceNo")],
  ["no latestTransactionStatus", without("latestTransactionStatus")],
  ["no amount", without("amount")],
  ["an empty reference", withField("originalPartnerReferenceNo", "")],
  ["a reference of 65 characters", withField("originalPartnerReferenceNo", "P".repeat(65))],
  ["a reference that is a number", withField("originalPartnerReferenceNo", 12345)],
  ["a status of one digit", withField("latestTransactionStatus", "0")],
  ["a status no partner uses", withField("latestTransactionStatus", "99")],
  ["a status as a number", withField("latestTransactionStatus", 0)],
  ["an amount as a number", withField("amount", 600000)],
  ["an amount value as a number", withField("amount", { value: 600000, currency: "IDR" })],
  ["an amount without decimals", withField("amount", { value: "600000", currency: "IDR" })],
  ["a negative amount", withField("amount", { value: "-600000.00", currency: "IDR" })],
  ["an amount with cents", withField("amount", { value: "600000.50", currency: "IDR" })],
  ["an amount in words", withField("amount", { value: "enam ratus ribu", currency: "IDR" })],
  ["an amount without currency", withField("amount", { value: "600000.00" })],
  ["a description of 151 characters", withField("transactionStatusDesc", "x".repeat(151))],
];

async function eventsAndQuarantineFor(reference: string): Promise<number> {
  const [events, quarantine] = await Promise.all([
    adminDb.collection("paymentEvents").where("reference", "==", reference).get(),
    adminDb.collection("paymentQuarantine").where("reference", "==", reference).get(),
  ]);
  return events.size + quarantine.size;
}

beforeAll(ensurePaymentPartners);

describe("malformed payment notifications", () => {
  it.each(SIGNED_BODIES)("when a validly signed notification has %s, then it is refused 400 and nothing is written", async (_, body) => {
    const reference = `PKJ-malformed${randomUUID().slice(0, 8)}-2026-1`;
    const { delivery } = await simulator<{ delivery: { status: number; body: unknown } }>("POST", "/_control/notify", {
      partner: PARTNER,
      reference,
      state: "paid",
      rawBody: body(reference),
    });
    expect(delivery.status).toBe(400);
    expect(JSON.stringify(delivery.body)).toContain("body-invalid");
    expect(await eventsAndQuarantineFor(reference)).toBe(0);
  });

  it.each(NOT_JSON_OBJECTS)("when a validly signed notification has %s, then the runtime refuses it 400 and nothing is written", async (_, body) => {
    const reference = `PKJ-notjson${randomUUID().slice(0, 8)}-2026-1`;
    const { delivery } = await simulator<{ delivery: { status: number } }>("POST", "/_control/notify", {
      partner: PARTNER,
      reference,
      state: "paid",
      rawBody: body(reference),
    });
    expect(delivery.status).toBe(400);
    expect(await eventsAndQuarantineFor(reference)).toBe(0);
  });

  /** Raw requests whose headers are the problem: [what is wrong, headers, expected status]. */
  const RAW: Array<[string, Record<string, string>, number, string]> = [
    ["no X-SIGNATURE", { "x-timestamp": new Date().toISOString(), "x-external-id": "123" }, 401, "signature-missing"],
    ["no X-TIMESTAMP", { "x-signature": "c2lnbmF0dXJl", "x-external-id": "123" }, 401, "signature-missing"],
    [
      "a signature that is not base64 of a signature",
      { "x-signature": "not-a-signature", "x-timestamp": new Date().toISOString(), "x-external-id": "1" },
      401,
      "signature-invalid",
    ],
    [
      "a random signature",
      { "x-signature": Buffer.from(randomUUID()).toString("base64"), "x-timestamp": new Date().toISOString(), "x-external-id": "1" },
      401,
      "signature-invalid",
    ],
  ];

  it.each(RAW)("when a notification has %s, then it is refused %i and nothing is written", async (_, headers, status, code) => {
    const reference = `PKJ-raw${randomUUID().slice(0, 8)}-2026-1`;
    const response = await fetch(`${URLS.webApp}/api/v1/payments/${PARTNER}/notify`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(good(reference)),
    });
    expect(response.status).toBe(status);
    expect(JSON.stringify(await response.json())).toContain(code);
    expect(await eventsAndQuarantineFor(reference)).toBe(0);
  });

  it("when a notification is sent with GET, or to a partner we do not have, then it is refused (405, 404)", async () => {
    const get = await fetch(`${URLS.webApp}/api/v1/payments/${PARTNER}/notify`);
    expect(get.status).toBe(405);
    const stranger = await fetch(`${URLS.webApp}/api/v1/payments/bank-palsu/notify`, { method: "POST", body: "{}" });
    expect(stranger.status).toBe(404);
  });

  it("when a signed notification is replayed with a body changed after signing, then the signature fails (401)", async () => {
    const reference = `PKJ-tamper${randomUUID().slice(0, 8)}-2026-1`;
    const { delivery } = await simulator<{ delivery: { status: number; headers?: Record<string, string> } }>("POST", "/_control/notify", {
      partner: PARTNER,
      reference,
      state: "paid",
      signing: "forged",
    });
    expect(delivery.status).toBe(401);
    expect(await eventsAndQuarantineFor(reference)).toBe(0);
  });
});
