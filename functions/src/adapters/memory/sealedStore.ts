import type { SealedDoc } from "../../schemas/vault.js";
import { sealedDoc } from "../../schemas/vault.js";
import type { SealedField, SealedStore, StaleSeal } from "../../usecases/ports.js";
import type { Memory } from "./state.js";
import type { Table } from "./store.js";

/** Writes `sealed` into `name` of document `id` if it is still the version read; whether it did. */
function replaceIn<T extends object>(memory: Pick<Memory, "batch">, table: Table<T>, id: string, version: string, name: string, sealed: SealedDoc): boolean {
  const doc = table.get(id);
  if (doc === undefined || JSON.stringify(doc) !== version) return false;
  memory
    .batch()
    .set(table, id, { ...doc, [name]: sealed })
    .commit();
  return true;
}

/**
 * The vault's seals in memory, as the Firestore store finds and writes them: stale seals in
 * (keyId, ID) order, each write only over a document unchanged since read (its version is the
 * document's JSON when read).
 */
export function memorySealedStore(memory: Pick<Memory, "state" | "batch">): SealedStore {
  const { applicants, payoutAccounts, sms } = memory.state;
  const entriesOf = (field: SealedField): Array<[string, object]> =>
    field.collection === "applicants" ? [...applicants.entries()] : field.collection === "payoutAccounts" ? [...payoutAccounts.entries()] : [...sms.entries()];
  const order = (keyId: string, id: string) => `${keyId}\u0000${id}`;
  return {
    stale(field, current, cursor, limit) {
      const found: Array<StaleSeal & { at: string }> = [];
      for (const [id, doc] of entriesOf(field)) {
        const parsed = sealedDoc.safeParse(Object.entries(doc).find(([name]) => name === field.field)?.[1]);
        if (parsed.success && parsed.data.keyId !== current) {
          found.push({ id, sealed: parsed.data, version: JSON.stringify(doc), at: order(parsed.data.keyId, id) });
        }
      }
      found.sort((a, b) => (a.at < b.at ? -1 : 1));
      const page = found.filter((s) => cursor === null || s.at > cursor).slice(0, limit);
      const last = page.at(-1);
      return Promise.resolve({
        seals: page.map(({ id, sealed, version }) => ({ id, sealed, version })),
        next: last === undefined || page.length < limit ? null : last.at,
      });
    },
    replace(field, rewrapped) {
      let written = 0;
      for (const { seal, sealed } of rewrapped) {
        const table = field.collection;
        const done =
          table === "applicants"
            ? replaceIn(memory, applicants, seal.id, seal.version, field.field, sealed)
            : table === "payoutAccounts"
              ? replaceIn(memory, payoutAccounts, seal.id, seal.version, field.field, sealed)
              : replaceIn(memory, sms, seal.id, seal.version, field.field, sealed);
        if (done) written += 1;
      }
      return Promise.resolve(written);
    },
  };
}
