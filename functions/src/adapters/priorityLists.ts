import { FieldPath, FieldValue } from "firebase-admin/firestore";
import { becomesCurrent, nextVersion } from "../domain/exclusionVersions.js";
import { priorityEntryDoc, type PriorityListDoc } from "../schemas/priority.js";
import type { PriorityImportSession, PriorityLists } from "../usecases/ports.js";
import { applicants, getAll, nikIndex, priorityEntries as entries, priorityImports as imports, priorityLists as lists, sms } from "./collections.js";
import { db } from "./firebase.js";
import { failImport, listEntries } from "./listEntries.js";

export const priorityImportId = (listId: string, version: number) => `${listId}-v${version}`;

const ALREADY_EXISTS = 6;
const ALLOCATION_ATTEMPTS = 5;
const versionList = priorityEntryDoc.shape.lists.valueType.shape.versions;

/**
 * The query shapes this adapter runs (tests/unit/indexes.test.ts): an import's allocation reads
 * the list's imports by one equality, and the invitation pass reads a version's entries by one
 * array-contains in document-ID order. Both are served by automatic single-field indexes.
 */
export const PRIORITY_QUERY_SHAPES = [
  { collection: "priorityImports", equalities: ["listId"], order: [] },
  { collection: "priorityEntries", arrayContains: "lists.<listId>.versions", order: ["__name__"] },
] as const;

/**
 * Priority lists in Firestore. Registration reads one entry (`membership`, 1 read). An import
 * writes each entry with BulkWriter (as the exclusion import does) after one batched read of the
 * NIK index for its round, and marks the applicants it finds (`priorityLists.<listId>` arrayUnion
 * the version: 1 write per registered person). The invitation pass reads a page of a version's
 * entries and their NIK index, then writes the page in one transaction guarded by its cursor.
 */
export const firestorePriorityLists: PriorityLists = {
  async membership(nikKey) {
    const entry = (await entries().doc(nikKey).get()).data();
    return Object.fromEntries(Object.entries(entry?.lists ?? {}).map(([listId, held]) => [listId, [...held.versions]]));
  },
  async get(listId) {
    return (await lists().doc(listId).get()).data() ?? null;
  },
  async all() {
    const snapshot = await lists().get();
    return snapshot.docs.map((doc) => ({ listId: doc.id, list: doc.data() }));
  },
  async imports(listId) {
    const snapshot = await imports().where("listId", "==", listId).get();
    return snapshot.docs.map((doc) => doc.data()).sort((a, b) => b.version - a.version);
  },
  async findImport(listId, version) {
    return (await imports().doc(priorityImportId(listId, version)).get()).data() ?? null;
  },
  async begin(listId, about, by, at) {
    const version = await allocate(listId, about, by, at);
    return session(listId, version);
  },
  async invitees(listId, version, after, limit) {
    let query = entries()
      .where(new FieldPath("lists", listId, "versions"), "array-contains", version)
      .orderBy(FieldPath.documentId());
    if (after !== null) query = query.startAfter(after);
    const page = (await query.limit(limit).get()).docs;
    const owners = await getAll(page.map((doc) => nikIndex().doc(doc.id)));
    return page.map((doc, i) => {
      const entry = doc.data();
      const phone = entry.phone;
      return {
        nikKey: doc.id,
        registered: owners[i] !== undefined,
        invited: entry.lists[listId]?.invitedAt !== undefined,
        ...(phone === undefined ? {} : { phone }),
      };
    });
  },
  async recordInvitations(listId, version, page) {
    const importRef = imports().doc(priorityImportId(listId, version));
    const listRef = lists().doc(listId);
    try {
      return await db().runTransaction(async (tx) => {
        const [record, list] = await Promise.all([tx.get(importRef), tx.get(listRef)]).then(([r, l]) => [r.data(), l.data()] as const);
        if (record === undefined || list === undefined) throw new Error(`priority import ${importRef.id} is missing`);
        const pass = record.invitation ?? { after: null, pages: 0, registered: 0, invited: 0, done: false };
        // A duplicate delivery of a page finds the cursor moved on: it writes nothing.
        if (pass.done || pass.after !== page.after) return false;
        for (const { nikKey, key, sms: message } of page.invitations) {
          tx.create(sms().doc(key), message);
          tx.update(entries().withConverter(null).doc(nikKey), new FieldPath("lists", listId, "invitedAt"), page.at);
        }
        const invitation = {
          after: page.next,
          pages: pass.pages + 1,
          registered: pass.registered + page.registered,
          invited: pass.invited + page.invitations.length,
          done: page.next === null,
        };
        tx.set(importRef, { ...record, invitation });
        const counted = invitation.done && list.currentVersion === version ? { registered: invitation.registered } : {};
        tx.set(listRef, { ...list, invited: list.invited + page.invitations.length, ...counted, updatedAt: page.at });
        return true;
      });
    } catch (error) {
      // An invitation sent by an earlier pass whose entry was not marked (it cannot be: one transaction) would land here.
      if ((error as { code?: number }).code === ALREADY_EXISTS) return false;
      throw error;
    }
  },
};

/** Makes or updates the list and allocates a version above every import ever started (the exclusion import's rule). */
async function allocate(listId: string, about: { name: string; description: string; source: string }, by: string, at: Date): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db().runTransaction(async (tx) => {
        const [listSnapshot, started] = await Promise.all([tx.get(lists().doc(listId)), tx.get(imports().where("listId", "==", listId))]);
        const list = listSnapshot.data();
        const version = nextVersion(
          list?.currentVersion ?? 0,
          started.docs.map((doc) => doc.data().version),
        );
        const texts: PriorityListDoc =
          list === undefined ? { ...about, currentVersion: 0, entries: 0, registered: 0, invited: 0, createdAt: at, updatedAt: at } : { ...list, ...about };
        tx.set(lists().doc(listId), texts);
        tx.create(imports().doc(priorityImportId(listId, version)), {
          listId,
          version,
          status: "running",
          entries: 0,
          withPhone: 0,
          registered: 0,
          rejectedLines: 0,
          startedAt: at,
          by,
        });
        return version;
      });
    } catch (error) {
      if ((error as { code?: number }).code !== ALREADY_EXISTS || attempt >= ALLOCATION_ATTEMPTS) throw error;
    }
  }
}

function session(listId: string, version: number): PriorityImportSession {
  const { writer, raw, versionsOf } = listEntries(entries(), listId, versionList);
  const ref = imports().doc(priorityImportId(listId, version));
  const listRef = lists().doc(listId);
  return {
    version,
    versionsOf,
    async add(rows) {
      if (rows.length === 0) return 0;
      const owners = await getAll(rows.map(({ nikKey }) => nikIndex().doc(nikKey)));
      const written: Array<Promise<unknown>> = [];
      for (const { nikKey, phone } of rows) {
        const update = { lists: { [listId]: { versions: FieldValue.arrayUnion(version) } }, ...(phone === undefined ? {} : { phone }) };
        written.push(writer.set(raw.doc(nikKey), update, { merge: true }));
      }
      const marked = owners.flatMap((owner) => (owner === undefined ? [] : [owner.uid]));
      for (const uid of marked) {
        written.push(writer.update(applicants().withConverter(null).doc(uid), new FieldPath("priorityLists", listId), FieldValue.arrayUnion(version)));
      }
      // As in the exclusion import: BulkWriter sends a batch only once it holds 20 writes, or when flushed.
      writer.flush().catch(() => undefined);
      await Promise.all(written);
      return marked.length;
    },
    async complete({ entries: count, withPhone, registered, rejectedLines, at }) {
      await writer.close();
      return db().runTransaction(async (tx) => {
        const [recordSnapshot, listSnapshot] = await Promise.all([tx.get(ref), tx.get(listRef)]);
        const [record, list] = [recordSnapshot.data(), listSnapshot.data()];
        if (record?.status !== "running" || list === undefined) throw new Error(`priority import ${ref.id} is ${record?.status ?? "missing"}, not running`);
        tx.set(ref, { ...record, status: "completed", entries: count, withPhone, registered, rejectedLines, finishedAt: at });
        if (!becomesCurrent(version, list.currentVersion)) return false;
        tx.set(listRef, { ...list, currentVersion: version, entries: count, registered, updatedAt: at });
        return true;
      });
    },
    fail: (at) => failImport(writer, ref, at),
  };
}
