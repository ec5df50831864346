import { createHmac } from "node:crypto";

/**
 * NIK and KK numbers are personal data (UU PDP): they are never document IDs, log fields or
 * dedupe keys in clear. Functions only — this file uses node:crypto and must not be imported by
 * the web app (nothing in schemas/ imports it).
 */
/** nik and kk: index keys; pid and family: the pseudonyms published in a draw's pool list; request: a request's input digest. */
export type IdentifierKind = "nik" | "kk" | "pid" | "family" | "account" | "request";

/** Shorter keys would make the 16-digit space (about 10^16 values) easier to brute-force offline. */
const MINIMUM_KEY_BYTES = 32;

/**
 * A stable pseudonymous ID: HMAC-SHA-256 under a secret key, base64url (43 characters, valid
 * as a Firestore document ID). A plain hash would not do: with only ~10^16 possible NIKs, and
 * far fewer plausible ones, anyone holding the IDs could hash every candidate and find them.
 * The message is domain-separated ("prakerja/v1/<kind>:") so the same digits as a NIK and as a
 * KK give unrelated IDs, and a later scheme can change "v1" without colliding with this one.
 * `value` must be canonical (the 16 digits as parsed), or the same person gets two IDs.
 */
export function keyedId(kind: IdentifierKind, value: string, key: Uint8Array | string): string {
  const keyBytes = typeof key === "string" ? Buffer.from(key, "utf8") : key;
  if (keyBytes.byteLength < MINIMUM_KEY_BYTES) throw new RangeError(`keyedId: the key must have at least ${MINIMUM_KEY_BYTES} bytes`);
  return createHmac("sha256", keyBytes).update(`prakerja/v1/${kind}:${value}`, "utf8").digest("base64url");
}

/**
 * For display to the person and to operators: the regency (first 4 digits) and the last 4 stay,
 * the district and the birth date in between do not. Anything that is not 16 digits is masked
 * whole, so a typo never leaks more.
 */
export function maskNik(nik: string): string {
  if (!/^\d{16}$/.test(nik)) return "*".repeat(nik.length);
  return `${nik.slice(0, 4)}${"*".repeat(8)}${nik.slice(12)}`;
}

/**
 * A name as operators, partners and messages may show it: the first word in full, every other
 * word its first letter and one asterisk per letter hidden ("Dewi Lestari" → "Dewi L******").
 * Enough for the person to recognise themself and for an operator to tell two cases apart.
 */
export function maskName(fullName: string): string {
  const [first = "", ...rest] = fullName.trim().split(/\s+/);
  return [first, ...rest.map((word) => `${[...word][0] ?? ""}${"*".repeat(Math.max(0, [...word].length - 1))}`)].join(" ");
}

/**
 * A phone number as operators may show it: the country code, the first three digits (the
 * operator's prefix) and the last four stay ("+6281234567890" → "+62812****7890"). A number not in
 * the E.164 form of an Indonesian number (+62 and at least eight digits) is masked whole.
 */
export function maskPhone(phone: string): string {
  const mobile = /^\+62(\d{3})(\d+)(\d{4})$/.exec(phone);
  if (mobile === null) return "*".repeat(phone.length);
  const [, prefix = "", hidden = "", last = ""] = mobile;
  return `+62${prefix}${"*".repeat(hidden.length)}${last}`;
}
