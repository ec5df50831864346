import { z } from "zod";

/** Partners calling our HTTP endpoints with signed requests (domain/partnerSignature.ts). */

/** A partner's client code, as the `client_code` header carries it. */
export const clientCode = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: "client-code-format" });

/** The headers of a signed request (Node gives header names in lower case). */
export const partnerSignatureHeaders = z.object({
  client_code: clientCode,
  timestamp: z.string().regex(/^\d{1,12}$/, { message: "timestamp-format" }),
  signature: z.string().regex(/^[0-9a-fA-F]{40}$/, { message: "signature-format" }),
});

/**
 * The `PARTNER_SIGN_KEYS` secret: each client code's sign key (at least 32 characters), or two
 * during a rotation (old and new both valid until the old one is removed). A partner is added or
 * its key rotated by a new version of the secret; de-listing a partner stops its keys at once
 * without touching the secret (its `trainingPartners` document).
 */
const signKey = z.string().min(32);
export const partnerSignKeys = z.record(clientCode, z.union([signKey, z.array(signKey).min(1).max(2)]));

/**
 * `usedSignatures/{sha256 of the signature}`: a signature accepted once, kept until it could no
 * longer pass the timestamp window (a TTL policy on `expiresAt` deletes it, firestore.indexes.json).
 */
export const usedSignatureDoc = z.object({ clientCode, expiresAt: z.date() });
export type UsedSignatureDoc = z.infer<typeof usedSignatureDoc>;

export const PARTNER_MESSAGES = {
  "client-code-format": { id: "Header client_code tidak sah.", en: "The client_code header is not valid." },
  "timestamp-format": { id: "Header timestamp harus waktu Unix dalam detik.", en: "The timestamp header must be Unix time in seconds." },
  "signature-format": {
    id: "Header signature harus HMAC-SHA1 dalam heksadesimal (40 karakter).",
    en: "The signature header must be an HMAC-SHA1 in hex (40 characters).",
  },
} as const satisfies Record<string, { id: string; en: string }>;
