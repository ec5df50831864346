import { z } from "zod";

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

/**
 * A value sealed by the personal-data vault (envelope encryption, domain/vault/envelope.ts):
 * AES-256-GCM under a fresh data key, the data key wrapped (AES-256-GCM) by the key-encryption
 * key `keyId`. Only the vault opens it; nothing here is personal data in clear.
 */
export const sealedDoc = z.object({
  /** Which key-encryption key wrapped the data key (rotation: new seals use the newest). */
  keyId: z.string().min(1).max(64),
  /** The data key, wrapped: iv (12 bytes) ‖ ciphertext (32 bytes) ‖ tag (16 bytes), base64. */
  wrappedKey: base64,
  /** The sealed value: iv (12 bytes) ‖ ciphertext ‖ tag (16 bytes), base64. */
  ciphertext: base64,
});
export type SealedDoc = z.infer<typeof sealedDoc>;

/** A key-encryption key: 32 bytes, base64. */
const vaultKey = base64.refine((text) => text.length === 44 && text.endsWith("=") && !text.endsWith("=="), { message: "vault-key-32-bytes" });

/**
 * The `VAULT_KEYS` secret: which key new seals use, and every key that may still open a seal
 * (the old ones stay until `npm run vault-rotate` has rewrapped every seal under the current).
 */
export const vaultKeys = z
  .object({
    current: z.string().min(1).max(64),
    keys: z.record(z.string().min(1).max(64), vaultKey),
  })
  .refine((value) => Object.hasOwn(value.keys, value.current), { message: "vault-current-key-missing", path: ["current"] });
export type VaultKeys = z.infer<typeof vaultKeys>;
