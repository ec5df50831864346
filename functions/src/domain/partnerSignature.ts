import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * How a partner (a training platform or institution, later a payment partner) signs each request
 * to us, exactly as the program's published partner API does (developer.prakerja.go.id,
 * "generate-signature"; example clients in github.com/prakerja-dev/example-api-redeem-course):
 * the headers `client_code`, `timestamp` (Unix seconds) and `signature`, the lowercase hex
 * HMAC-SHA1, under the partner's sign key, of client code + timestamp + METHOD + path + body,
 * concatenated as they are. Published vector: `myclient_code`, `1516239022`, `POST`,
 * `/api/v1/integration/payment/redeem-code/commit`, `{"redeem_code":"code"}`, key `my_sign_key`
 * → `943c20a8e36b6243f576404b00fffdc86411ce1f`. (HMAC-SHA1 is still a sound MAC: SHA-1's
 * collision attacks do not reach HMAC.) "Path" is the request's path as received, with its query
 * string if any (the published requests carry none; a query left out of the signature could be
 * changed in flight).
 *
 * The body signed: the bytes received, or — because the published Python example signs the
 * compact `{"redeem_code":"…"}` but sends `json.dumps`'s `{"redeem_code": "…"}` — the compact
 * JSON of the same value. Both stand for the same request: we act on the parsed value, never on
 * the spacing, so accepting either lets every published client run unchanged.
 *
 * The published Go helper signs one more slot, the `Authorization` header's value, between path
 * and body (empty for the redeem-code calls; `Payment <token>` for a platform's `authorize`). A
 * request carrying that header is accepted signed either way.
 */

/** How far a request's timestamp may be from our clock, either way (seconds). */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

export interface SignedRequest {
  clientCode: string;
  /** Unix seconds, as the `timestamp` header carries it. */
  timestamp: string;
  method: string;
  path: string;
  body: Uint8Array;
  /** The `Authorization` header's value, when the request has one. */
  authorization?: string | undefined;
}

/** The signature of a request over `body` as given: lowercase hex of HMAC-SHA1 with the partner's key. */
export function partnerSignature(key: string, request: SignedRequest): string {
  return createHmac("sha1", key)
    .update(`${request.clientCode}${request.timestamp}${request.method.toUpperCase()}${request.path}`, "utf8")
    .update(request.body)
    .digest("hex");
}

/** The bodies a partner may have signed for these bytes: the bytes, and their compact JSON when they are JSON written otherwise. */
export function signedBodies(body: Uint8Array): Uint8Array[] {
  const text = Buffer.from(body).toString("utf8");
  let compact: string;
  try {
    compact = JSON.stringify(JSON.parse(text));
  } catch {
    return [body];
  }
  return compact === text ? [body] : [body, Buffer.from(compact, "utf8")];
}

/**
 * Whether `signature` (hex, either case) is the request's under one of `keys` (a partner has two
 * during a key rotation), compared in constant time for each candidate.
 */
export function signatureMatches(keys: readonly string[], request: SignedRequest, signature: string): boolean {
  const given = Buffer.from(signature, "hex");
  let matched = false;
  const paths = request.authorization === undefined ? [request.path] : [request.path, `${request.path}${request.authorization}`];
  for (const key of keys)
    for (const path of paths)
      for (const body of signedBodies(request.body)) {
        const expected = Buffer.from(partnerSignature(key, { ...request, path, body }), "hex");
        // Every candidate is compared, matched or not, so timing does not tell which one matched.
        if (given.length === expected.length && timingSafeEqual(given, expected)) matched = true;
      }
  return matched;
}

/** Whether a request stamped `timestamp` (Unix seconds) is within the window around `now`. */
export function withinWindow(timestamp: number, now: Date, windowSeconds = SIGNATURE_WINDOW_SECONDS): boolean {
  return Math.abs(now.getTime() / 1000 - timestamp) <= windowSeconds;
}

/** The key a used signature is recorded under: its SHA-256, so the store never holds a signature. */
export function usedSignatureKey(signature: string): string {
  return createHash("sha256").update(signature.toLowerCase()).digest("hex");
}
