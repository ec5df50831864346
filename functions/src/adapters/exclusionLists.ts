import { FieldPath, FieldValue } from "firebase-admin/firestore";
import { EXCLUSION_LIST_TYPES, type ExclusionListType } from "../domain/eligibility.js";
import { exclusionEntryDoc } from "../schemas/applicant.js";
import { becomesCurrent, hitsOf, importExpiry, nextVersion } from "../domain/exclusionVersions.js";
import type { ExclusionImportRecords, ExclusionImports, ExclusionLists, ImportSession } from "../usecases/ports.js";
import { exclusionEntries as entries, exclusionImports as imports, exclusionLists as lists, getAll } from "./collections.js";
import { cached } from "./cache.js";
import { db } from "./firebase.js";

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

/**
 * Entries are written with BulkWriter: it retries each failed write and, in production, ramps
 * up from 500 writes/s by 50% every 5 minutes (Firestore's 500/50/5 rule for a busy new
 * collection; keyed-hash IDs are random, so there is no hot key range). The local emulator
 * would spend minutes in that ramp, so it is off there.
 */
function session(type: ExclusionListType, version: number, comparable: number[]): ImportSession {
  const writer = db().bulkWriter({ throttling: process.env.FUNCTIONS_EMULATOR !== "true" });
  const versionsField = new FieldPath("lists", type, "versions");
  // Without the converter: arrayUnion is a sentinel the schema cannot validate, and reads are masked
  // to one list's versions (validated field by field below).
  const raw = entries().withConverter(null);
  const ref = imports().doc(importId(type, version));
  const listRef = lists().doc(type);
  return {
    version,
    comparable,
    async versionsOf(nikKeys) {
      if (nikKeys.length === 0) return [];
      // Only this list's versions are fetched, so the read is validated field by field, not as a whole entry.
      const snapshots = await db().getAll(...nikKeys.map((key) => raw.doc(key)), { fieldMask: [versionsField] });
      return snapshots.map((snapshot) => versionList.parse(snapshot.get(versionsField) ?? []));
    },
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
    async fail(at) {
      await writer.close();
      await db().runTransaction(async (tx) => {
        const record = (await tx.get(ref)).data();
        // Only a running import can fail; anything else already has its final state.
        if (record?.status === "running") tx.set(ref, { ...record, status: "failed", finishedAt: at });
      });
    },
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
