import type { SealedDoc } from "../../schemas/vault.js";
import { sealedDoc } from "../../schemas/vault.js";
import type { SealedField, SealedStore, StaleSeal } from "../../usecases/ports.js";
import type { Memory } from "./state.js";
import type { Table } from "./store.js";

/** The value at a dotted path (`resolved.note`), as Firestore's `doc.get(path)` reads it; undefined when absent. */
function valueAt(doc: object, path: string): unknown {
  let value: unknown = doc;
  for (const name of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = Object.entries(value).find(([key]) => key === name)?.[1];
  }
  return value;
}

/** A copy of `doc` with `value` at a dotted path, as Firestore's `update({ [path]: value })` writes it. */
function withValueAt(doc: object, path: string, value: unknown): object {
  const [name = "", ...rest] = path.split(".");
  if (rest.length === 0) return { ...doc, [name]: value };
  const inner = valueAt(doc, name);
  return { ...doc, [name]: withValueAt(inner !== null && typeof inner === "object" ? inner : {}, rest.join("."), value) };
}

/** Writes `sealed` at `path` of document `id` if it is still the version read; whether it did. */
function replaceIn<T extends object>(memory: Pick<Memory, "batch">, table: Table<T>, id: string, version: string, path: string, sealed: SealedDoc): boolean {
  const doc = table.get(id);
  if (doc === undefined || JSON.stringify(doc) !== version) return false;
  // Parsed by the table's schema, as the Firestore converter reads the updated document.
  const updated = table.validate(id, withValueAt(doc, path, sealed));
  memory.batch().set(table, id, updated).commit();
  return true;
}

/**
 * The vault's seals in memory, as the Firestore store finds and writes them: stale seals in
 * (keyId, ID) order, each write only over a document unchanged since read (its version is the
 * document's JSON when read). A field may be a dotted path to a nested seal (`resolved.note`).
 */
export function memorySealedStore(memory: Pick<Memory, "state" | "batch">): SealedStore {
  const { applicants, payoutAccounts, sms, nikDisputes, priorityEntries } = memory.state;
  const entriesOf = (field: SealedField): Array<[string, object]> => {
    switch (field.collection) {
      case "applicants":
        return [...applicants.entries()];
      case "payoutAccounts":
        return [...payoutAccounts.entries()];
      case "sms":
        return [...sms.entries()];
      case "nikDisputes":
        return [...nikDisputes.entries()];
      case "priorityEntries":
        return [...priorityEntries.entries()];
    }
  };
  const order = (keyId: string, id: string) => `${keyId}\u0000${id}`;
  return {
    stale(field, current, cursor, limit) {
      const found: Array<StaleSeal & { at: string }> = [];
      for (const [id, doc] of entriesOf(field)) {
        const parsed = sealedDoc.safeParse(valueAt(doc, field.field));
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
        const { id, version } = seal;
        let done: boolean;
        switch (field.collection) {
          case "applicants":
            done = replaceIn(memory, applicants, id, version, field.field, sealed);
            break;
          case "payoutAccounts":
            done = replaceIn(memory, payoutAccounts, id, version, field.field, sealed);
            break;
          case "sms":
            done = replaceIn(memory, sms, id, version, field.field, sealed);
            break;
          case "nikDisputes":
            done = replaceIn(memory, nikDisputes, id, version, field.field, sealed);
            break;
          case "priorityEntries":
            done = replaceIn(memory, priorityEntries, id, version, field.field, sealed);
            break;
        }
        if (done) written += 1;
      }
      return Promise.resolve(written);
    },
  };
}
