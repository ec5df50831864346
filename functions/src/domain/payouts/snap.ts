import { createHash, createHmac, createSign, createVerify, timingSafeEqual } from "node:crypto";

/**
 * Bank Indonesia's national open-API standard for payments (SNAP, "Standar Nasional Open API
 * Pembayaran", Standar Teknis dan Keamanan v1.0.1, apidevportal.aspi-indonesia.or.id) as our
 * payment partners publish it (e.g. docs.midtrans.com "Interbank Transfer", DOKU "Generate
 * Signature SNAP", PakaiLink "SNAP Signature"): the three signatures, the timestamp and the
 * amount. Pure: keys, bodies and clocks come in as arguments. Amounts and codes are in
 * snapValues.ts.
 *
 * No published example we found reproduces (their string-to-sign, body and result were edited
 * apart), so the tests prove the primitives on RFC 4231 and FIPS 180 vectors and the strings to
 * sign on the published layouts.
 */

/**
 * How a partner "minifies" a JSON body before hashing it. SNAP says only "minify"; banks differ:
 * - `reserialize`: JSON.parse then JSON.stringify — insignificant whitespace goes, and so does
 *   everything else JSON does not keep (`1.50` becomes `1.5`, `\u00e9` becomes `é`, a repeated key
 *   keeps its last value). Both sides must then write numbers and escapes as JavaScript does.
 * - `strip-whitespace`: the bytes as sent, less the spaces, tabs and line breaks outside string
 *   literals; nothing else changes, so any JSON writer that emits compact JSON agrees.
 * (Some publish a third way, stripping every whitespace even inside strings; no partner of ours
 * does.) An empty body (a GET) is the empty string either way. Not JSON → `null`: unsignable.
 */
export type SnapMinify = "reserialize" | "strip-whitespace";

export function minifyBody(body: Uint8Array | string, mode: SnapMinify): string | null {
  const text = typeof body === "string" ? body : Buffer.from(body).toString("utf8");
  if (text.trim() === "") return "";
  try {
    const value: unknown = JSON.parse(text);
    return mode === "reserialize" ? JSON.stringify(value) : stripWhitespace(text);
  } catch {
    return null;
  }
}

/** Whitespace outside string literals removed; the text is known to be JSON. */
function stripWhitespace(json: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i] ?? "";
    if (inString) {
      out += c;
      if (c === "\\") out += json[++i] ?? "";
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c !== " " && c !== "\t" && c !== "\n" && c !== "\r") out += c;
  }
  return out;
}

/** `Lowercase(HexEncode(SHA-256(minified)))`, the body's part of every string to sign. */
export function bodyDigest(minified: string): string {
  return createHash("sha256").update(minified, "utf8").digest("hex");
}

/**
 * The B2B access token's string to sign: `X-CLIENT-KEY + "|" + X-TIMESTAMP` (SNAP "Asymmetric
 * Signature", POST /v1.0/access-token/b2b).
 */
export function tokenStringToSign(clientKey: string, timestamp: string): string {
  return `${clientKey}|${timestamp}`;
}

/**
 * A transaction request's string to sign (SNAP "Symmetric Signature"):
 * `METHOD:relativeUrl:accessToken:Lowercase(HexEncode(SHA-256(minify(body)))):X-TIMESTAMP`,
 * relativeUrl the path as the partner receives it (with its query, if any).
 */
export function requestStringToSign(request: { method: string; relativeUrl: string; accessToken: string; minifiedBody: string; timestamp: string }): string {
  return [request.method.toUpperCase(), request.relativeUrl, request.accessToken, bodyDigest(request.minifiedBody), request.timestamp].join(":");
}

/**
 * A notification's string to sign (partner → us, SNAP "Asymmetric Signature" for service calls,
 * e.g. Bank Neo Commerce's binding callback): `METHOD:relativeUrl:Lowercase(HexEncode(SHA-256(minify(body)))):X-TIMESTAMP`
 * — no access token: the partner signs with its private key and we verify with its public key.
 */
export function notificationStringToSign(request: { method: string; relativeUrl: string; minifiedBody: string; timestamp: string }): string {
  return [request.method.toUpperCase(), request.relativeUrl, bodyDigest(request.minifiedBody), request.timestamp].join(":");
}

/** SHA256withRSA (PKCS #1 v1.5) of `stringToSign` with a PEM private key, base64: the token's and a notification's X-SIGNATURE. */
export function rsaSignature(privateKeyPem: string, stringToSign: string): string {
  return createSign("sha256").update(stringToSign, "utf8").sign(privateKeyPem, "base64");
}

/** Whether `signature` (base64) is SHA256withRSA of `stringToSign` under the PEM public key. A malformed key or signature is `false`. */
export function rsaSignatureMatches(publicKeyPem: string, stringToSign: string, signature: string): boolean {
  try {
    return createVerify("sha256").update(stringToSign, "utf8").verify(publicKeyPem, signature, "base64");
  } catch {
    return false;
  }
}

/** HMAC-SHA512 of `stringToSign` with the client secret, base64: a transaction request's X-SIGNATURE. */
export function hmacSignature(clientSecret: string, stringToSign: string): string {
  return createHmac("sha512", clientSecret).update(stringToSign, "utf8").digest("base64");
}

/** Whether `signature` (base64) is the HMAC of `stringToSign`, compared in constant time. */
export function hmacSignatureMatches(clientSecret: string, stringToSign: string, signature: string): boolean {
  const expected = Buffer.from(hmacSignature(clientSecret, stringToSign), "base64");
  const given = Buffer.from(signature, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** How far an X-TIMESTAMP may be from our clock, either way (seconds). */
export const SNAP_WINDOW_SECONDS = 300;

/** Jakarta (WIB), the offset SNAP partners stamp with. */
export const WIB_OFFSET_MINUTES = 7 * 60;

/** An X-TIMESTAMP: ISO-8601 to the second with the offset written out, `2026-11-30T13:27:23+07:00`. */
export function snapTimestamp(at: Date, offsetMinutes = WIB_OFFSET_MINUTES): string {
  const local = new Date(at.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

/** An X-TIMESTAMP read back (an offset or `Z` is required: a local time without one is ambiguous); `null` when it is not one. */
export function parseSnapTimestamp(text: string): Date | null {
  if (!TIMESTAMP.test(text)) return null;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** Whether `at` is within the window around `now`, edges included. */
export function withinSnapWindow(at: Date, now: Date, windowSeconds = SNAP_WINDOW_SECONDS): boolean {
  return Math.abs(now.getTime() - at.getTime()) <= windowSeconds * 1000;
}
