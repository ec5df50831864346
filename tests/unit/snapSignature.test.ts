import { createHash, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  bodyDigest,
  hmacSignature,
  hmacSignatureMatches,
  minifyBody,
  notificationStringToSign,
  parseSnapTimestamp,
  requestStringToSign,
  rsaSignature,
  rsaSignatureMatches,
  snapTimestamp,
  tokenStringToSign,
  withinSnapWindow,
} from "../../functions/src/domain/payouts/snap.js";
import { parseResponseCode, rupiahFromSnap, snapAmount, snapTransactionState } from "../../functions/src/domain/payouts/snapValues.js";

/**
 * Bank Indonesia SNAP's signatures, timestamps and amounts (domain/payouts/snap.ts, snapValues.ts).
 * The SNAP examples partners publish (PayCloud, Qoinhub, PakaiLink) do not reproduce — their
 * bodies, strings and results were edited apart — so the primitives are held to their own
 * published vectors (RFC 4231, FIPS 180-2) and the strings to sign to the published layouts.
 */

const key = () =>
  generateKeyPairSync("rsa", { modulusLength: 2048, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs8", format: "pem" } });
const ours = key();
const theirs = key();
const flip = (text: string, at: number) => `${text.slice(0, at)}${text[at] === "A" ? "B" : "A"}${text.slice(at + 1)}`;

describe("the primitives, on their published vectors", () => {
  it("when RFC 4231 test case 2 is signed, then HMAC-SHA512 gives its published value (here in base64, as SNAP sends it)", () => {
    const expected = "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737";
    expect(hmacSignature("Jefe", "what do ya want for nothing?")).toBe(Buffer.from(expected, "hex").toString("base64"));
  });

  it("when a GET's empty body is hashed, then it is FIPS 180-2's SHA-256 of the empty string, lowercase hex", () => {
    expect(bodyDigest(minifyBody("", "reserialize") ?? "x")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(bodyDigest("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("the strings to sign, as SNAP lays them out", () => {
  it("when the token is requested, then the string is client key | timestamp (PakaiLink's published example)", () => {
    expect(tokenStringToSign("ac517edf8c7ca47b9b3a334dd8bacb59", "2025-01-30T12:38:12+07:00")).toBe(
      "ac517edf8c7ca47b9b3a334dd8bacb59|2025-01-30T12:38:12+07:00",
    );
  });

  it("when a request is signed, then the string is METHOD:path:token:sha256-hex:timestamp (PayCloud's published layout)", () => {
    const body = '{"partnerReferenceNo":"2020102900000000000001","amount":{"value":"12345678.00","currency":"IDR"}}';
    const signed = requestStringToSign({
      method: "post",
      relativeUrl: "/v1.0/transfer-interbank",
      accessToken: "tok",
      minifiedBody: body,
      timestamp: "2024-07-06T14:12:50+07:00",
    });
    expect(signed).toBe(`POST:/v1.0/transfer-interbank:tok:${createHash("sha256").update(body).digest("hex")}:2024-07-06T14:12:50+07:00`);
  });

  it("when a notification is signed, then the string has no token", () => {
    expect(notificationStringToSign({ method: "POST", relativeUrl: "/api/v1/payments/x/notify", minifiedBody: "", timestamp: "T" })).toBe(
      "POST:/api/v1/payments/x/notify:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855:T",
    );
  });
});

describe("minify, the two ways partners do it", () => {
  const pretty = '{\n  "name" : "Siti  Rahayu",\n  "amount": { "value": "1.50" },\n  "n": 1.50, "e": "\\u00e9"\n}';

  it("when whitespace is stripped, then only the whitespace outside strings goes (numbers and escapes stay as sent)", () => {
    expect(minifyBody(pretty, "strip-whitespace")).toBe('{"name":"Siti  Rahayu","amount":{"value":"1.50"},"n":1.50,"e":"\\u00e9"}');
  });

  it("when the body is re-serialised, then JSON's own writing wins (1.50 → 1.5, escapes decoded)", () => {
    expect(minifyBody(pretty, "reserialize")).toBe('{"name":"Siti  Rahayu","amount":{"value":"1.50"},"n":1.5,"e":"é"}');
  });

  it("when a string holds an escaped quote and spaces, then stripping keeps them", () => {
    expect(minifyBody('{ "a" : "x \\" y " }', "strip-whitespace")).toBe('{"a":"x \\" y "}');
  });

  it("when the body is not JSON, then it cannot be minified", () => {
    expect(minifyBody("{not json", "strip-whitespace")).toBeNull();
    expect(minifyBody(Buffer.from("<html>"), "reserialize")).toBeNull();
  });
});

describe("signatures round-trip, and a one-byte change fails", () => {
  const signed = requestStringToSign({
    method: "POST",
    relativeUrl: "/v1.0/emoney/topup",
    accessToken: "t",
    minifiedBody: '{"a":1}',
    timestamp: "2026-11-30T13:27:23+07:00",
  });

  it("when the HMAC is checked with the same secret, then it matches; with one byte changed anywhere, it does not", () => {
    const signature = hmacSignature("client-secret-0123456789", signed);
    expect(hmacSignatureMatches("client-secret-0123456789", signed, signature)).toBe(true);
    expect(hmacSignatureMatches("client-secret-0123456789", flip(signed, 10), signature)).toBe(false);
    expect(hmacSignatureMatches("client-secret-012345678X", signed, signature)).toBe(false);
    expect(hmacSignatureMatches("client-secret-0123456789", signed, flip(signature, 5))).toBe(false);
    expect(hmacSignatureMatches("client-secret-0123456789", signed, "")).toBe(false);
  });

  it("when the token signature is checked with the signer's public key, then it verifies; with another key or a changed string, it does not", () => {
    const text = tokenStringToSign("prakerja", "2026-11-30T13:27:23+07:00");
    const signature = rsaSignature(ours.privateKey, text);
    expect(rsaSignatureMatches(ours.publicKey, text, signature)).toBe(true);
    expect(rsaSignatureMatches(theirs.publicKey, text, signature)).toBe(false);
    expect(rsaSignatureMatches(ours.publicKey, flip(text, 3), signature)).toBe(false);
    expect(rsaSignatureMatches(ours.publicKey, text, flip(signature, 20))).toBe(false);
  });

  it("when SHA256withRSA signs the same string twice, then the signatures are equal (PKCS #1 v1.5 is deterministic)", () => {
    expect(rsaSignature(theirs.privateKey, signed)).toBe(rsaSignature(theirs.privateKey, signed));
  });

  it("when the key or signature is garbage, then it is simply not a match", () => {
    expect(rsaSignatureMatches("not a key", signed, "AAAA")).toBe(false);
    expect(rsaSignatureMatches(ours.publicKey, signed, "%%%")).toBe(false);
  });
});

describe("timestamps and the ±300 s window", () => {
  const at = new Date("2026-11-30T06:27:23.456Z");

  it("when an instant is stamped, then it is Jakarta time to the second with +07:00", () => {
    expect(snapTimestamp(at)).toBe("2026-11-30T13:27:23+07:00");
    expect(snapTimestamp(new Date("2026-12-31T20:00:00Z"))).toBe("2027-01-01T03:00:00+07:00");
    expect(snapTimestamp(at, 0)).toBe("2026-11-30T06:27:23+00:00");
  });

  it("when a stamp is read back, then it is the same second; without an offset it is refused", () => {
    expect(parseSnapTimestamp("2026-11-30T13:27:23+07:00")?.toISOString()).toBe("2026-11-30T06:27:23.000Z");
    expect(parseSnapTimestamp("2026-11-30T06:27:23.000Z")?.toISOString()).toBe("2026-11-30T06:27:23.000Z");
    expect(parseSnapTimestamp("2026-11-30T13:27:23")).toBeNull();
    expect(parseSnapTimestamp("1764484043")).toBeNull();
    expect(parseSnapTimestamp("2026-13-40T13:27:23+07:00")).toBeNull();
  });

  it("when the stamp is exactly 300 s away either way, then it is in; 301 s, out", () => {
    const now = new Date("2026-11-30T06:27:23Z");
    const off = (seconds: number) => new Date(now.getTime() + seconds * 1000);
    expect(withinSnapWindow(off(300), now)).toBe(true);
    expect(withinSnapWindow(off(-300), now)).toBe(true);
    expect(withinSnapWindow(off(301), now)).toBe(false);
    expect(withinSnapWindow(off(-301), now)).toBe(false);
  });
});

describe("amounts, response codes and statuses", () => {
  it("when whole rupiah go out, then they are written with .00 in IDR", () => {
    expect(snapAmount(600_000)).toEqual({ value: "600000.00", currency: "IDR" });
    expect(snapAmount(0)).toEqual({ value: "0.00", currency: "IDR" });
    expect(() => snapAmount(1.5)).toThrow();
    expect(() => snapAmount(-1)).toThrow();
  });

  it("when an amount comes in, then only IDR with .00 is rupiah", () => {
    expect(rupiahFromSnap({ value: "600000.00", currency: "IDR" })).toEqual({ ok: true, value: 600_000 });
    expect(rupiahFromSnap({ value: "600000.00", currency: "USD" })).toMatchObject({ ok: false, reason: "amount-currency" });
    expect(rupiahFromSnap({ value: "600000.50", currency: "IDR" })).toMatchObject({ ok: false, reason: "amount-fraction" });
    for (const value of ["-1.00", "600000", "600000.0", "6e5.00", " 1.00", "1,000.00", "12345678901234567.00"])
      expect(rupiahFromSnap({ value, currency: "IDR" }), value).toMatchObject({ ok: false, reason: "amount-format" });
  });

  it("when a response code is read, then it is HTTP status, service code and case code", () => {
    expect(parseResponseCode("2021800")).toEqual({ httpStatus: 202, service: "18", case: "00" });
    expect(parseResponseCode("4017300")).toEqual({ httpStatus: 401, service: "73", case: "00" });
    expect(parseResponseCode("200180")).toBeNull();
  });

  it("when a latestTransactionStatus is read, then 00 is paid, 04 reversed, 06 failed, 07 unknown and others are not SNAP's", () => {
    expect(["00", "01", "03", "04", "05", "06", "07", "99"].map(snapTransactionState)).toEqual([
      "paid",
      "accepted",
      "accepted",
      "reversed",
      "failed",
      "failed",
      "unknown",
      null,
    ]);
    expect(snapTransactionState("toString")).toBeNull();
  });
});
