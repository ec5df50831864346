import { readFileSync } from "node:fs";
import { keyedId } from "../../functions/src/domain/privacy.js";
import { LOCAL_SECRETS } from "../../scripts/stack/index.js";
import { localVaultKeys } from "../../scripts/stack/localVault.js";

/** The local NIK hashing key the functions emulator uses, to find documents by keyed ID. */
const key = /^NIK_HASH_KEY=(.+)$/m.exec(readFileSync(LOCAL_SECRETS, "utf8"))?.[1];
if (!key) throw new Error(`${LOCAL_SECRETS} has no NIK_HASH_KEY: start the stack with npm test`);

export const nikKey = (nik: string) => keyedId("nik", nik, key);
export const kkKey = (kk: string) => keyedId("kk", kk, key);

/**
 * The personal-data vault's local keys (VAULT_KEYS, written by the launcher's ensureLocalVaultKeys):
 * seed applicants with tests/support/vault.ts sealedPerson(person, vaultKeys), open with openedPerson.
 */
export const vaultKeys = localVaultKeys(LOCAL_SECRETS);

/** A demo partner's local sign key (PARTNER_SIGN_KEYS, written by the launcher's ensureLocalSecrets). */
export function partnerSignKey(clientCode: string): string {
  const json = /^PARTNER_SIGN_KEYS='(.+)'$/m.exec(readFileSync(LOCAL_SECRETS, "utf8"))?.[1];
  const key = json === undefined ? undefined : (JSON.parse(json) as Record<string, string>)[clientCode];
  if (key === undefined) throw new Error(`${LOCAL_SECRETS} has no sign key for ${clientCode}: start the stack with npm test`);
  return key;
}
