import { becomesCurrent, nextVersion } from "../../domain/exclusionVersions.js";
import type { PriorityEntryDoc, PriorityImportDoc, PriorityListDoc } from "../../schemas/priority.js";
import type { PriorityImportSession, PriorityLists } from "../../usecases/ports.js";
import { roundTrip, type Memory } from "./state.js";

/**
 * Priority lists in memory, as adapters/priorityLists.ts keeps them: one entry per keyed NIK with,
 * per list, the versions it was on, its sealed phone and when it was invited; one record per
 * import with its invitation pass; per list its texts, current version and counts.
 */

export const priorityImportId = (listId: string, version: number) => `${listId}-v${version}`;

export function memoryPriorityLists(memory: Memory): PriorityLists {
  const { priorityLists, priorityImports, priorityEntries, nikIndex } = memory.state;
  const importsOf = (listId: string) => [...priorityImports.values()].filter((record) => record.listId === listId);
  return {
    async membership(nikKey) {
      await roundTrip();
      const entry = priorityEntries.read(nikKey);
      return Object.fromEntries(Object.entries(entry?.lists ?? {}).map(([listId, held]) => [listId, [...held.versions]]));
    },
    async get(listId) {
      await roundTrip();
      return priorityLists.read(listId) ?? null;
    },
    async all() {
      await roundTrip();
      return [...priorityLists.keys()].sort().map((listId) => ({ listId, list: priorityLists.read(listId)! }));
    },
    async imports(listId) {
      await roundTrip();
      return importsOf(listId).sort((a, b) => b.version - a.version);
    },
    async findImport(listId, version) {
      await roundTrip();
      return priorityImports.read(priorityImportId(listId, version)) ?? null;
    },
    async begin(listId, about, by, at) {
      await roundTrip();
      // The list and the new import in one batch, with no await between the reads and the writes.
      const list = priorityLists.read(listId);
      const version = nextVersion(
        list?.currentVersion ?? 0,
        importsOf(listId).map((r) => r.version),
      );
      const texts: PriorityListDoc =
        list === undefined ? { ...about, currentVersion: 0, entries: 0, registered: 0, invited: 0, createdAt: at, updatedAt: at } : { ...list, ...about };
      memory
        .batch()
        .set(priorityLists, listId, texts)
        .create(priorityImports, priorityImportId(listId, version), {
          listId,
          version,
          status: "running",
          entries: 0,
          withPhone: 0,
          registered: 0,
          rejectedLines: 0,
          startedAt: at,
          by,
        })
        .commit();
      return session(memory, listId, version);
    },
    async invitees(listId, version, after, limit) {
      await roundTrip();
      const keys = [...priorityEntries.keys()]
        .filter((key) => (after === null || key > after) && (priorityEntries.read(key)?.lists[listId]?.versions.includes(version) ?? false))
        .sort()
        .slice(0, limit);
      return keys.map((nikKey) => {
        const held = priorityEntries.read(nikKey)!.lists[listId];
        const phone = priorityEntries.read(nikKey)!.phone;
        return { nikKey, registered: nikIndex.has(nikKey), invited: held.invitedAt !== undefined, ...(phone === undefined ? {} : { phone }) };
      });
    },
    async recordInvitations(listId, version, page) {
      await roundTrip();
      const id = priorityImportId(listId, version);
      const record = priorityImports.read(id);
      const list = priorityLists.read(listId);
      if (record === undefined || list === undefined) throw new Error(`priority import ${id} is missing`);
      const pass = record.invitation ?? { after: null, pages: 0, registered: 0, invited: 0, done: false };
      if (pass.done || pass.after !== page.after) return false;
      const batch = memory.batch();
      for (const { nikKey, key, sms } of page.invitations) {
        batch.create(memory.state.sms, key, sms);
        const entry = priorityEntries.read(nikKey)!;
        batch.set(priorityEntries, nikKey, { ...entry, lists: { ...entry.lists, [listId]: { ...entry.lists[listId], invitedAt: page.at } } });
      }
      const invitation = {
        after: page.next,
        pages: pass.pages + 1,
        registered: pass.registered + page.registered,
        invited: pass.invited + page.invitations.length,
        done: page.next === null,
      };
      batch.set(priorityImports, id, { ...record, invitation });
      // The list's registered count is the pass's, once the pass over its current version ends.
      const counted = invitation.done && list.currentVersion === version ? { registered: invitation.registered } : {};
      batch.set(priorityLists, listId, { ...list, invited: list.invited + page.invitations.length, ...counted, updatedAt: page.at });
      batch.commit();
      return true;
    },
  };
}

function session(memory: Memory, listId: string, version: number): PriorityImportSession {
  const { priorityEntries, priorityImports, priorityLists, nikIndex, applicants } = memory.state;
  const id = priorityImportId(listId, version);
  return {
    version,
    async versionsOf(nikKeys) {
      await roundTrip();
      return nikKeys.map((key) => [...(priorityEntries.read(key)?.lists[listId]?.versions ?? [])]);
    },
    async add(rows) {
      await roundTrip();
      const batch = memory.batch();
      let registered = 0;
      for (const { nikKey, phone } of rows) {
        const entry: PriorityEntryDoc = priorityEntries.read(nikKey) ?? { lists: {} };
        const held = entry.lists[listId] ?? { versions: [] };
        const versions = held.versions.includes(version) ? held.versions : [...held.versions, version];
        batch.set(priorityEntries, nikKey, { ...entry, lists: { ...entry.lists, [listId]: { ...held, versions } }, ...(phone === undefined ? {} : { phone }) });
        const uid = nikIndex.read(nikKey)?.uid;
        const applicant = uid === undefined ? undefined : applicants.read(uid);
        if (uid === undefined || applicant === undefined) continue;
        registered += 1;
        const marked = applicant.priorityLists?.[listId] ?? [];
        if (!marked.includes(version)) batch.update(applicants, uid, { priorityLists: { ...applicant.priorityLists, [listId]: [...marked, version] } });
      }
      batch.commit();
      return registered;
    },
    async complete({ entries, withPhone, registered, rejectedLines, at }) {
      await roundTrip();
      const record: PriorityImportDoc | undefined = priorityImports.read(id);
      if (record?.status !== "running") throw new Error(`priority import ${id} is ${record?.status ?? "missing"}, not running`);
      const list = priorityLists.read(listId)!;
      const batch = memory.batch().set(priorityImports, id, { ...record, status: "completed", entries, withPhone, registered, rejectedLines, finishedAt: at });
      const current = becomesCurrent(version, list.currentVersion);
      if (current) batch.set(priorityLists, listId, { ...list, currentVersion: version, entries, registered, updatedAt: at });
      batch.commit();
      return current;
    },
    async fail(at) {
      await roundTrip();
      const record = priorityImports.read(id);
      if (record?.status === "running")
        memory
          .batch()
          .set(priorityImports, id, { ...record, status: "failed", finishedAt: at })
          .commit();
    },
  };
}
