import { partnerSignKeysSecret } from "../config.js";
import { usedSignatureKey } from "../domain/partnerSignature.js";
import { partnerSignKeys } from "../schemas/partners.js";
import type { PartnerKeys, UsedSignatures } from "../usecases/ports.js";
import { usedSignatures } from "./collections.js";

const ALREADY_EXISTS = 6;

/**
 * Partners' keys from the `PARTNER_SIGN_KEYS` secret, read on first use (only inside a function
 * bound to it). Unset, as in the local stack until a partner exists, it knows no partner. A
 * secret that does not parse is thrown, so a bad key version fails loudly rather than refusing
 * every partner as if they had signed wrongly.
 */
export function secretPartnerKeys(): PartnerKeys {
  let keys: Map<string, string> | null = null;
  const load = () => {
    const raw = partnerSignKeysSecret.value();
    return new Map(Object.entries(raw.trim() === "" ? {} : partnerSignKeys.parse(JSON.parse(raw))));
  };
  return {
    signKey: (clientCode) =>
      Promise.resolve().then(() => {
        keys ??= load();
        return keys.get(clientCode) ?? null;
      }),
  };
}

/** `usedSignatures/{sha256 of the signature}`, created once: one write per signed request. */
export const firestoreUsedSignatures: UsedSignatures = {
  async recordOnce(signature, record) {
    try {
      await usedSignatures().doc(usedSignatureKey(signature)).create(record);
      return true;
    } catch (error) {
      // The same signature accepted before (or at this very moment): a replay.
      if ((error as { code?: number }).code === ALREADY_EXISTS) return false;
      throw error;
    }
  },
};
