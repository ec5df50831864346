import { usedSignatureKey } from "../../domain/partnerSignature.js";
import { usedSignatureDoc, type UsedSignatureDoc } from "../../schemas/partners.js";
import { partnerCallDoc, type PartnerCallDoc } from "../../schemas/training.js";
import type { PartnerKeys, PartnerRegistry, PartnerStanding, UsedSignatures } from "../../usecases/ports.js";

/** Partners' keys held in memory: `keys` maps each client code to its sign key, or two during a rotation. */
export function memoryPartnerKeys(keys: Record<string, string | string[]> = {}): PartnerKeys & { keys: Map<string, string | string[]> } {
  const held = new Map(Object.entries(keys));
  return {
    keys: held,
    signKeys: (clientCode) => {
      const key = held.get(clientCode);
      return Promise.resolve(key === undefined ? [] : typeof key === "string" ? [key] : [...key]);
    },
  };
}

/** The partners' registry in memory: standings by client code, and the calls recorded. */
export function memoryPartnerRegistry(
  standings: Record<string, PartnerStanding> = {},
): PartnerRegistry & { standings: Map<string, PartnerStanding>; calls: Map<string, PartnerCallDoc> } {
  const held = new Map(Object.entries(standings));
  const calls = new Map<string, PartnerCallDoc>();
  return {
    standings: held,
    calls,
    standing: (clientCode) => Promise.resolve(held.get(clientCode) ?? null),
    callsSince: (clientCode, since) => Promise.resolve([...calls.values()].filter((call) => call.clientCode === clientCode && call.at >= since).length),
    recordCall: (requestId, call) =>
      Promise.resolve().then(() => {
        calls.set(requestId, partnerCallDoc.parse(call));
      }),
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
