import { FieldValue } from "firebase-admin/firestore";
import { EXCLUSION_LIST_TYPES, type ExclusionListType } from "../domain/eligibility.js";
import { exclusionEntryDoc } from "../schemas/applicant.js";
import { becomesCurrent, hitsOf, importExpiry, nextVersion } from "../domain/exclusionVersions.js";
import type { ExclusionImportRecords, ExclusionImports, ExclusionLists, ImportSession } from "../usecases/ports.js";
import { exclusionEntries as entries, exclusionImports as imports, exclusionLists as lists, getAll } from "./collections.js";
import { cached } from "./cache.js";
import { db } from "./firebase.js";
import { failImport, listEntries } from "./listEntries.js";

export { cached, hitsOf };

export const importId = (type: ExclusionListType, version: number) => `${type}-v${version}`;

/**
 * check() reads the NIK's entry (1 read, also when it does not exist) and the current version of
 * every list (one query of at most 7 documents: 7 reads, or 1 while no list exists). The versions
 * are kept for `cacheMs` per instance: a load started after an import completed sees it, so a
 * completed import reaches every registration within `cacheMs` (5 s). At the wave-1 peak (~1,333
 * registrations/s) on 100 instances that is 140 list reads/s: about 1.1 reads per check.
 */
export function exclusionListsReader(options: { cacheMs: number; now?: () => number }): ExclusionLists {
  const currentVersions = cached(
    async () => {
      const versions: Partial<Record<ExclusionListType, number>> = {};
      for (const doc of (await lists().get()).docs) {
        const type = EXCLUSION_LIST_TYPES.find((t) => t === doc.id);
        if (type !== undefined) versions[type] = doc.data().currentVersion;
      }
      return versions;
    },
    options.cacheMs,
    options.now ?? Date.now,
  );
  return {
    async check(nikKey) {
      const [entry, versions] = await Promise.all([entries().doc(nikKey).get(), currentVersions()]);
      return { hits: hitsOf(entry.data(), versions), versions: { ...versions } };
    },
    async versions() {
      return { ...(await currentVersions()) };
    },
    async hitsOf(nikKeys, versions) {
      const found = new Map<string, ExclusionListType[]>();
      for (let from = 0; from < nikKeys.length; from += 300) {
        const keys = nikKeys.slice(from, from + 300);
        const docs = await getAll(keys.map((key) => entries().doc(key)));
        docs.forEach((entry, i) => found.set(keys[i], hitsOf(entry, versions)));
      }
      return found;
    },
  };
}

export const firestoreExclusionLists = exclusionListsReader({ cacheMs: 5_000 });

const versionList = exclusionEntryDoc.shape.lists.valueType.shape.versions;
const ALREADY_EXISTS = 6;
const ALLOCATION_ATTEMPTS = 5;

/**
 * Reads every import of the list ever started (a few per month, so tens of reads) to allocate a
 * version above all of them and to know which were completed. Two imports starting at once
 * conflict on that query; the loser is retried by the SDK, or fails to create an existing
 * document and is retried here.
 */
async function allocate(type: ExclusionListType, by: string, at: Date): Promise<{ version: number; comparable: number[] }> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db().runTransaction(async (tx) => {
        const [list, started] = await Promise.all([tx.get(lists().doc(type)), tx.get(imports().where("type", "==", type))]);
        const records = started.docs.map((doc) => doc.data());
        const version = nextVersion(
          list.data()?.currentVersion ?? 0,
          records.map((r) => r.version),
        );
        tx.create(imports().doc(importId(type, version)), { type, version, status: "running", entries: 0, rejectedLines: 0, startedAt: at, by });
        return { version, comparable: records.filter((r) => r.status === "completed").map((r) => r.version) };
      });
    } catch (error) {
      if ((error as { code?: number }).code !== ALREADY_EXISTS || attempt >= ALLOCATION_ATTEMPTS) throw error;
    }
  }
}

/** An import of `type`'s version `version`; its entries go through adapters/listEntries.ts (BulkWriter, masked reads). */
function session(type: ExclusionListType, version: number, comparable: number[]): ImportSession {
  const { writer, raw, versionsOf } = listEntries(entries(), type, versionList);
  const ref = imports().doc(importId(type, version));
  const listRef = lists().doc(type);
  return {
    version,
    comparable,
    versionsOf,
    async add(nikKeys) {
      const union = { lists: { [type]: { versions: FieldValue.arrayUnion(version) } } };
      const written = Promise.all(nikKeys.map((key) => writer.set(raw.doc(key), union, { merge: true })));
      // BulkWriter sends a batch once it holds 20 writes, the rest only when flushed: without this
      // a round whose size is not a multiple of 20 would wait forever. Failures surface on `written`.
      writer.flush().catch(() => undefined);
      await written;
    },
    async complete({ entries: count, rejectedLines, overlaps, at }) {
      await writer.close();
      return db().runTransaction(async (tx) => {
        const [recordSnapshot, listSnapshot] = await Promise.all([tx.get(ref), tx.get(listRef)]);
        const [record, list] = [recordSnapshot.data(), listSnapshot.data()];
        if (record?.status !== "running") throw new Error(`exclusion import ${ref.id} is ${record?.status ?? "missing"}, not running`);
        tx.set(ref, { ...record, status: "completed", entries: count, rejectedLines, overlaps, finishedAt: at });
        // Monotonic: a lower version completing after a higher one stays a completed, non-current import.
        if (!becomesCurrent(version, list?.currentVersion ?? 0)) return false;
        tx.set(listRef, { currentVersion: version, entries: count, updatedAt: at });
        return true;
      });
    },
    fail: (at) => failImport(writer, ref, at),
  };
}

export const firestoreExclusionImports: ExclusionImports = {
  async begin(type, by, at) {
    const { version, comparable } = await allocate(type, by, at);
    return session(type, version, comparable);
  },
  async expire(type, version, at) {
    const ref = imports().doc(importId(type, version));
    return db().runTransaction(async (tx) => {
      const record = (await tx.get(ref)).data() ?? null;
      // Read again in the transaction: an import completing meanwhile keeps its completion.
      if (record !== null && importExpiry(record, at) === "expire") tx.set(ref, { ...record, status: "failed", failure: "timed-out", finishedAt: at });
      return record;
    });
  },
};

export const firestoreExclusionImportRecords: ExclusionImportRecords = {
  async find(type, version) {
    return (await imports().doc(importId(type, version)).get()).data() ?? null;
  },
};
