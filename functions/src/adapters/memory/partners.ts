import { usedSignatureKey } from "../../domain/partnerSignature.js";
import { usedSignatureDoc, type UsedSignatureDoc } from "../../schemas/partners.js";
import type { PartnerKeys, UsedSignatures } from "../../usecases/ports.js";

/** Partners' keys held in memory: `keys` maps each client code to its signing key. */
export function memoryPartnerKeys(keys: Record<string, string> = {}): PartnerKeys & { keys: Map<string, string> } {
  const held = new Map(Object.entries(keys));
  return {
    keys: held,
    signKey: (clientCode) => Promise.resolve(held.get(clientCode) ?? null),
  };
}

/** Used signatures in memory, keyed and validated as `usedSignatures/{id}` is in Firestore. */
export function memoryUsedSignatures(): UsedSignatures & { records: Map<string, UsedSignatureDoc> } {
  const records = new Map<string, UsedSignatureDoc>();
  return {
    records,
    recordOnce: (signature, record) =>
      Promise.resolve().then(() => {
        const id = usedSignatureKey(signature);
        if (records.has(id)) return false;
        records.set(id, usedSignatureDoc.parse(record));
        return true;
      }),
  };
}
