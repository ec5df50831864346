import { createHash } from "node:crypto";

/**
 * The codes of a purchase: the redeem code a participant gives the training institution, the
 * transaction code a digital platform gets, the one-time code (OTP) that confirms a purchase and
 * the payment token that carries it. Randomness comes in as bytes (the `random` port), so tests
 * draw the same codes every run.
 */

/** 31 letters and digits a person can read off a phone and type without confusion: no 0/O, 1/I/L. */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** Redeem codes are 12 characters (the published example: `GHOPNYXUVMT0`): 31^12 ≈ 7.9 × 10^17. */
export const REDEEM_CODE_LENGTH = 12;

/** A redeem code or transaction code drawn from `bytes` by rejection sampling (no modulo bias). */
export function codeFrom(bytes: Uint8Array, length: number): string {
  const limit = 256 - (256 % CODE_ALPHABET.length);
  let code = "";
  for (const byte of bytes) {
    if (byte >= limit) continue;
    code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    if (code.length === length) return code;
  }
  throw new Error(`codeFrom: ${bytes.length} random bytes were not enough for ${length} characters`);
}

/** Bytes to ask for a code of `length`: rejection sampling discards ~3% of them; twice is plenty. */
export const bytesForCode = (length: number): number => length * 2;

/** A six-digit OTP from random bytes (rejection sampling over 20 bits). */
export function otpFrom(bytes: Uint8Array): string {
  for (let i = 0; i + 3 <= bytes.length; i += 3) {
    const n = ((bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2]) & 0xfffff;
    if (n < 1_000_000) return String(n).padStart(6, "0");
  }
  throw new Error("otpFrom: not enough random bytes");
}

/** What is stored of a secret (payment token, OTP): its SHA-256, so the store never holds it. */
export const secretHash = (...parts: string[]): string => createHash("sha256").update(parts.join("\u0000")).digest("hex");

/** The key of a platform's invoice: one purchase per platform and invoice code, whatever is retried. */
export const invoiceKey = (platformCode: string, invoiceCode: string): string => secretHash("invoice", platformCode, invoiceCode);
