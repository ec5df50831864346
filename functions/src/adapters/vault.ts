import { randomBytes } from "node:crypto";
import { vaultKeysSecret } from "../config.js";
import { open, rewrap, seal, type KeyEncryptionKeys } from "../domain/vault/envelope.js";
import { vaultKeys } from "../schemas/vault.js";
import type { SealedDoc } from "../schemas/vault.js";
import type { Vault } from "../usecases/ports.js";

/**
 * Reads the `VAULT_KEYS` secret's text (schemas/vault.ts vaultKeys). A secret that does not
 * parse, or whose current key is missing, is thrown: sealing under a wrong key, or failing every
 * open as if the data were altered, would be worse than a function that does not start.
 */
export function keyEncryptionKeysFrom(text: string): KeyEncryptionKeys {
  const parsed = vaultKeys.parse(JSON.parse(text));
  return { current: parsed.current, keys: new Map(Object.entries(parsed.keys).map(([id, key]) => [id, Buffer.from(key, "base64")])) };
}

/** A vault over given keys (the rotation script, and the secret's adapter below). */
export function keyedVault(keys: KeyEncryptionKeys): Vault & { rewrap(sealed: SealedDoc, context: string): SealedDoc; current: string } {
  return {
    current: keys.current,
    seal: (fields, context) => Promise.resolve().then(() => seal(fields, context, keys, (bytes) => randomBytes(bytes))),
    open: (sealed, context) => Promise.resolve().then(() => open(sealed, context, keys)),
    rewrap: (sealed, context) => rewrap(sealed, context, keys, (bytes) => randomBytes(bytes)),
  };
}

/**
 * The production vault: key-encryption keys from the `VAULT_KEYS` secret (Secret Manager;
 * functions/.secret.local on the local stack), read on first use, so only inside a function bound
 * to the secret. Data keys are fresh per seal and never leave the seal unwrapped.
 */
export function secretVault(): Vault {
  let vault: Vault | null = null;
  const loaded = () => (vault ??= keyedVault(keyEncryptionKeysFrom(vaultKeysSecret.value())));
  return {
    seal: (fields, context) => Promise.resolve().then(() => loaded().seal(fields, context)),
    open: (sealed, context) => Promise.resolve().then(() => loaded().open(sealed, context)),
  };
}
