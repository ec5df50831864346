import { createCipheriv, createDecipheriv } from "node:crypto";

/**
 * Envelope encryption of personal data (NIK, KK, name, phone, birth date): each sealed value has
 * its own 256-bit data key; the data key is wrapped by a key-encryption key (KEK) that lives
 * outside Firestore (Secret Manager in production, functions/.secret.local locally). A Firestore
 * export alone therefore reveals nothing. AES-256-GCM (NIST SP 800-38D) with 96-bit random IVs;
 * the additional authenticated data binds each seal to its purpose (`context`), so a sealed NIK
 * copied into another field or document does not open there.
 *
 * Pure apart from node:crypto primitives: randomness comes in as `random`.
 */

/** A sealed value as stored (schemas/vault.ts `sealedDoc` has this shape; the domain imports no schema). */
export interface SealedDoc {
  keyId: string;
  /** iv ‖ wrapped data key ‖ tag, base64. */
  wrappedKey: string;
  /** iv ‖ ciphertext ‖ tag, base64. */
  ciphertext: string;
}

export interface KeyEncryptionKeys {
  /** The key new seals use. */
  current: string;
  /** Every key that may still open a seal, by ID (32 bytes each). */
  keys: ReadonlyMap<string, Uint8Array>;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

function encrypt(key: Uint8Array, iv: Uint8Array, plain: Uint8Array, aad: string): Buffer {
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function decrypt(key: Uint8Array, sealed: Buffer, aad: string): Buffer {
  if (sealed.byteLength < IV_BYTES + TAG_BYTES) throw new RangeError("sealed value too short");
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(sealed.byteLength - TAG_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.byteLength - TAG_BYTES)), decipher.final()]);
}

function keyOf(keys: KeyEncryptionKeys, keyId: string): Uint8Array {
  const key = keys.keys.get(keyId);
  if (key === undefined) throw new RangeError(`vault: no key-encryption key "${keyId}"`);
  if (key.byteLength !== KEY_BYTES) throw new RangeError(`vault: key "${keyId}" must have ${KEY_BYTES} bytes`);
  return key;
}

/** Seals `fields` (a flat record of strings) for `context` (e.g. "applicant"). */
export function seal(fields: Readonly<Record<string, string>>, context: string, keys: KeyEncryptionKeys, random: (bytes: number) => Uint8Array): SealedDoc {
  const dataKey = random(KEY_BYTES);
  const wrapped = encrypt(keyOf(keys, keys.current), random(IV_BYTES), dataKey, `prakerja/v1/kek:${context}`);
  const ciphertext = encrypt(dataKey, random(IV_BYTES), Buffer.from(JSON.stringify(fields), "utf8"), `prakerja/v1/data:${context}`);
  return { keyId: keys.current, wrappedKey: wrapped.toString("base64"), ciphertext: ciphertext.toString("base64") };
}

/** Opens a seal made by `seal` for the same `context`; throws when the key is unknown or anything was altered. */
export function open(sealed: SealedDoc, context: string, keys: KeyEncryptionKeys): Record<string, string> {
  const dataKey = decrypt(keyOf(keys, sealed.keyId), Buffer.from(sealed.wrappedKey, "base64"), `prakerja/v1/kek:${context}`);
  const plain = decrypt(dataKey, Buffer.from(sealed.ciphertext, "base64"), `prakerja/v1/data:${context}`);
  const parsed: unknown = JSON.parse(plain.toString("utf8"));
  if (typeof parsed !== "object" || parsed === null) throw new RangeError("vault: sealed value is not a record");
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) if (typeof value === "string") out[name] = value;
  return out;
}

/** Re-wraps the data key under the current KEK (key rotation); the ciphertext is unchanged. */
export function rewrap(sealed: SealedDoc, context: string, keys: KeyEncryptionKeys, random: (bytes: number) => Uint8Array): SealedDoc {
  if (sealed.keyId === keys.current) return sealed;
  const dataKey = decrypt(keyOf(keys, sealed.keyId), Buffer.from(sealed.wrappedKey, "base64"), `prakerja/v1/kek:${context}`);
  const wrapped = encrypt(keyOf(keys, keys.current), random(IV_BYTES), dataKey, `prakerja/v1/kek:${context}`);
  return { keyId: keys.current, wrappedKey: wrapped.toString("base64"), ciphertext: sealed.ciphertext };
}
