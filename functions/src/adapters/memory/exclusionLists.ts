import { EXCLUSION_LIST_TYPES, type ExclusionListType } from "../../domain/eligibility.js";
import { becomesCurrent, hitsOf, importExpiry, nextVersion } from "../../domain/exclusionVersions.js";
import type { ExclusionImportRecords, ExclusionImports, ExclusionLists, ImportSession } from "../../usecases/ports.js";
import { roundTrip, type Memory } from "./state.js";

/**
 * Exclusion lists in memory, as adapters/exclusionLists.ts keeps them: one entry per keyed NIK
 * holding the versions of each list it was on, one record per import, and per list its current
 * version, which only moves forward. Unlike production, no cache: a completed import is seen by
 * the next check.
 */

const importId = (type: ExclusionListType, version: number) => `${type}-v${version}`;

export function memoryExclusionLists(memory: Memory): ExclusionLists {
  const { exclusionEntries, exclusionLists } = memory.state;
  const current = () => {
    const versions: Partial<Record<ExclusionListType, number>> = {};
    for (const type of EXCLUSION_LIST_TYPES) {
      const list = exclusionLists.read(type);
      if (list !== undefined) versions[type] = list.currentVersion;
    }
    return versions;
  };
  return {
    async check(nikKey) {
      await roundTrip();
      const versions = current();
      return { hits: hitsOf(exclusionEntries.read(nikKey), versions), versions: { ...versions } };
    },
    async versions() {
      await roundTrip();
      return current();
    },
    async hitsOf(nikKeys, versions) {
      await roundTrip();
      return new Map(nikKeys.map((key) => [key, hitsOf(exclusionEntries.read(key), versions)]));
    },
  };
}

export function memoryExclusionImports(memory: Memory): ExclusionImports {
  const { exclusionImports } = memory.state;
  return {
    async begin(type, by, at) {
      await roundTrip();
      // Allocation reads every import of the list and creates the new one with no await between.
      const records = [...exclusionImports.values()].filter((record) => record.type === type);
      const version = nextVersion(
        memory.state.exclusionLists.read(type)?.currentVersion ?? 0,
        records.map((r) => r.version),
      );
      memory
        .batch()
        .create(exclusionImports, importId(type, version), { type, version, status: "running", entries: 0, rejectedLines: 0, startedAt: at, by })
        .commit();
      return session(
        memory,
        type,
        version,
        records.filter((r) => r.status === "completed").map((r) => r.version),
      );
    },
    async expire(type, version, at) {
      await roundTrip();
      const id = importId(type, version);
      const record = exclusionImports.read(id) ?? null;
      if (record !== null && importExpiry(record, at) === "expire") {
        memory
          .batch()
          .set(exclusionImports, id, { ...record, status: "failed", failure: "timed-out", finishedAt: at })
          .commit();
      }
      return record;
    },
  };
}

function session(memory: Memory, type: ExclusionListType, version: number, comparable: number[]): ImportSession {
  const { exclusionEntries, exclusionImports, exclusionLists } = memory.state;
  const id = importId(type, version);
  return {
    version,
    comparable,
    async versionsOf(nikKeys) {
      await roundTrip();
      return nikKeys.map((key) => exclusionEntries.read(key)?.lists[type]?.versions ?? []);
    },
    async add(nikKeys) {
      await roundTrip();
      // arrayUnion, merged into the entry: other lists' versions stay as they are.
      const batch = memory.batch();
      for (const key of nikKeys) {
        const entry = exclusionEntries.read(key) ?? { lists: {} };
        const versions = entry.lists[type]?.versions ?? [];
        batch.set(exclusionEntries, key, { lists: { ...entry.lists, [type]: { versions: versions.includes(version) ? versions : [...versions, version] } } });
      }
      batch.commit();
    },
    async complete({ entries, rejectedLines, overlaps, at }) {
      await roundTrip();
      const record = exclusionImports.read(id);
      if (record?.status !== "running") throw new Error(`exclusion import ${id} is ${record?.status ?? "missing"}, not running`);
      const batch = memory.batch().set(exclusionImports, id, { ...record, status: "completed", entries, rejectedLines, overlaps, finishedAt: at });
      // Monotonic: a lower version completing after a higher one stays a completed, non-current import.
      const current = becomesCurrent(version, exclusionLists.read(type)?.currentVersion ?? 0);
      if (current) batch.set(exclusionLists, type, { currentVersion: version, entries, updatedAt: at });
      batch.commit();
      return current;
    },
    async fail(at, tally) {
      await roundTrip();
      const record = exclusionImports.read(id);
      // Only a running import can fail; anything else already has its final state.
      if (record?.status === "running")
        memory
          .batch()
          .set(exclusionImports, id, { ...record, ...tally, status: "failed", finishedAt: at })
          .commit();
    },
  };
}

export function memoryExclusionImportRecords(memory: Memory): ExclusionImportRecords {
  return {
    async find(type, version) {
      await roundTrip();
      return memory.state.exclusionImports.read(importId(type, version)) ?? null;
    },
  };
}
