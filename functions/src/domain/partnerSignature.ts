import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * How a partner (a training platform, later a payment partner) signs each request to us, after
 * the real program's partner API (https://developer.prakerja.go.id/generate-signature and
 * github.com/prakerja-dev/example-api-redeem-course): the headers `client_code`, `timestamp`
 * (Unix seconds) and `signature`, the hex HMAC of client code + timestamp + method + path + body,
 * concatenated as they are. The real API hashes with SHA-1; we use SHA-256 with the same layout.
 * "Path" is the request's path as received, with its query string if any (the real API's
 * requests carry none, and a query left out of the signature could be changed in flight).
 */

/** How far a request's timestamp may be from our clock, either way. */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

export interface SignedRequest {
  clientCode: string;
  /** Unix seconds, as the `timestamp` header carries it. */
  timestamp: string;
  method: string;
  path: string;
  body: Uint8Array;
}

/** The signature of a request: lowercase hex of HMAC-SHA256 with the partner's key. */
export function partnerSignature(key: string, request: SignedRequest): string {
  return createHmac("sha256", key)
    .update(`${request.clientCode}${request.timestamp}${request.method.toUpperCase()}${request.path}`, "utf8")
    .update(request.body)
    .digest("hex");
}

/** Whether `signature` (hex, either case) is the request's, compared in constant time. */
export function signatureMatches(key: string, request: SignedRequest, signature: string): boolean {
  const expected = Buffer.from(partnerSignature(key, request), "hex");
  const given = Buffer.from(signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Whether a request stamped `timestamp` (Unix seconds) is within the window around `now`. */
export function withinWindow(timestamp: number, now: Date, windowSeconds = SIGNATURE_WINDOW_SECONDS): boolean {
  return Math.abs(now.getTime() / 1000 - timestamp) <= windowSeconds;
}

/** The key a used signature is recorded under: its SHA-256, so the store never holds a signature. */
export function usedSignatureKey(signature: string): string {
  return createHash("sha256").update(signature.toLowerCase()).digest("hex");
}
