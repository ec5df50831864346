import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { commandLine, useProjectOrEmulators } from "./commandLine.js";

/**
 * `npm run vault-rotate [-- --project ID]`
 * Rewraps every seal of the personal-data vault whose data key is wrapped by a key other than
 * VAULT_KEYS' current one (usecases/rotateVaultKeys.ts): NIK, KK, names, phones, birth dates,
 * payout accounts, waiting SMS and NIK disputes' statements and notes (SEALED_FIELDS). Idempotent and resumable: run it again until it says complete;
 * only then retire the old key (README, "Personal-data vault"). Without --project it works on the
 * local emulators with the key the launcher wrote (functions/.secret.local); with --project it
 * uses Application Default Credentials and reads the keys from the VAULT_KEYS environment variable,
 * e.g. VAULT_KEYS="$(gcloud secrets versions access latest --secret=VAULT_KEYS --project ID)".
 */
const USAGE = "Usage: npm run vault-rotate [-- --project ID]   (with --project, VAULT_KEYS must hold the secret's latest version)";

const values = commandLine(USAGE, () => parseArgs({ options: { project: { type: "string" }, help: { type: "boolean" } } }));

useProjectOrEmulators(values.project);

const { keyEncryptionKeysFrom, keyedVault } = await import("../functions/src/adapters/vault.js");
const { firestoreSealedStore } = await import("../functions/src/adapters/sealedStore.js");
const { ports } = await import("../functions/src/composition.js");
const { rotateVaultKeys } = await import("../functions/src/usecases/rotateVaultKeys.js");

let vault;
try {
  if (values.project) {
    const secret = process.env.VAULT_KEYS;
    if (secret === undefined || secret.trim() === "") throw new Error("VAULT_KEYS is not set");
    vault = keyedVault(keyEncryptionKeysFrom(secret));
  } else {
    const { LOCAL_SECRETS } = await import("./stack/index.js");
    const { localVault } = await import("./stack/localVault.js");
    vault = localVault(LOCAL_SECRETS);
  }
} catch (error) {
  // The message names what is wrong with the secret's shape, never a key.
  console.error(`The vault's keys could not be read: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

let written = 0;
const result = await rotateVaultKeys(
  { sealed: firestoreSealedStore, audit: ports().audit, clock: ports().clock },
  vault,
  { actor: `command:${userInfo().username}`, role: "admin" },
  (field, count) => {
    written += count;
    if (count > 0) console.log(`${field.collection}.${field.field}: ${count} rewrapped (${written} in all)`);
  },
);
for (const [field, count] of Object.entries(result.rewrapped)) console.log(`${field}: ${count} seals rewrapped under ${result.current}`);
if (result.unopenable.length > 0) console.error(`Seals no key held opens (left as they are): ${result.unopenable.join(", ")}`);
if (result.busy > 0) console.error(`${result.busy} documents changed while being rewrapped: run the rotation again.`);
console.log(
  result.complete
    ? `Complete: every seal is under ${result.current}; the rotation is on the audit log. The old keys may now be retired.`
    : "Not complete: do not retire an old key yet.",
);
process.exit(result.complete ? 0 : 1);
