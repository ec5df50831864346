import { readFileSync } from "node:fs";
import { keyEncryptionKeysFrom, keyedVault } from "../../functions/src/adapters/vault.js";
import type { KeyEncryptionKeys } from "../../functions/src/domain/vault/envelope.js";

/**
 * The personal-data vault's keys as the functions emulator has them (VAULT_KEYS in
 * functions/.secret.local, written once by the launcher's ensureLocalVaultKeys): the seed, the
 * relay, the benchmarks and the tests seal and open with them, so their seals open in the functions
 * and the other way round.
 */
export function localVaultKeys(secretsFile: string): KeyEncryptionKeys {
  const json = /^VAULT_KEYS='(.+)'$/m.exec(readFileSync(secretsFile, "utf8"))?.[1];
  if (json === undefined) throw new Error(`${secretsFile} has no VAULT_KEYS: start the stack once (npm start) to write it`);
  return keyEncryptionKeysFrom(json);
}

/** A vault over the local keys (adapters/vault.ts keyedVault). */
export const localVault = (secretsFile: string) => keyedVault(localVaultKeys(secretsFile));
