import { partnerSignKeysSecret } from "../config.js";
import { usedSignatureKey } from "../domain/partnerSignature.js";
import { partnerSignKeys } from "../schemas/partners.js";
import type { PartnerKeys, PartnerRegistry, UsedSignatures } from "../usecases/ports.js";
import { partnerCalls, trainingPartners, usedSignatures } from "./collections.js";

const ALREADY_EXISTS = 6;

/**
 * Partners' keys from the `PARTNER_SIGN_KEYS` secret, read on first use (only inside a function
 * bound to it). Unset, as in the local stack until a partner exists, it knows no partner. A
 * secret that does not parse is thrown, so a bad key version fails loudly rather than refusing
 * every partner as if they had signed wrongly.
 */
export function secretPartnerKeys(): PartnerKeys {
  let keys: Map<string, string[]> | null = null;
  const load = () => {
    const raw = partnerSignKeysSecret.value();
    const parsed = raw.trim() === "" ? {} : partnerSignKeys.parse(JSON.parse(raw));
    return new Map(Object.entries(parsed).map(([code, key]) => [code, typeof key === "string" ? [key] : key]));
  };
  return {
    signKeys: (clientCode) =>
      Promise.resolve().then(() => {
        keys ??= load();
        return keys.get(clientCode) ?? [];
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

/**
 * Training partners' standing from `trainingPartners/{clientCode}` (one read per signed call), and
 * their audit trail `partnerCalls/{requestId}`. The rate limit counts the trail with an
 * aggregation query (one read per 1,000 calls counted), so no counter document becomes a hot spot.
 */
export const firestorePartnerRegistry: PartnerRegistry = {
  async standing(clientCode) {
    const partner = (await trainingPartners().doc(clientCode).get()).data();
    return partner === undefined ? null : { kind: partner.kind, status: partner.status, callsPerMinute: partner.callsPerMinute };
  },
  async callsSince(clientCode, since) {
    const counted = await partnerCalls().where("clientCode", "==", clientCode).where("at", ">=", since).count().get();
    return counted.data().count;
  },
  async recordCall(requestId, call) {
    await partnerCalls().doc(requestId).set(call);
  },
};
