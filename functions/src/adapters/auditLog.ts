import { FieldPath, type DocumentData, type FirestoreDataConverter, type QueryDocumentSnapshot, type Transaction } from "firebase-admin/firestore";
import type { z } from "zod";
import type { AuditRecord } from "../domain/audit/acts.js";
import { actKeyId, auditDay, CHAIN_DAY_SEPARATOR, chainIdFor, entryId, nextDay, nextEntry, type ChainHead } from "../domain/audit/chain.js";
import type { AuditReader, Stored } from "../domain/audit/verify.js";
import { auditChainDoc, auditDayDoc, auditEntryDoc } from "../schemas/audit.js";
import { withDates } from "../schemas/timestamps.js";
import type { AuditDays, AuditLog } from "../usecases/ports.js";
import { auditChains, auditDays, auditEntries, auditKeys } from "./collections.js";
import { db } from "./firebase.js";

/**
 * The audit log in Firestore (schemas/audit.ts for the layout, domain/audit/chain.ts for the hashes).
 *
 * Cost of one append: one transaction, 3 reads (the act's key, the day's record, the chain's head;
 * one more per sealed day when an act dated before midnight arrives after its day was sealed)
 * and `APPEND_WRITES` = 3 writes (entry, head, key). Write rate per document: an entry and a key
 * are written once; a head once per act of its actor that day (a person, by hand: far below
 * 1/s; the system actor over 16 heads a day, so a job recording 100 revocations a second writes
 * each head about 6 times a second — Firestore's sustained limit per document is about 1/s,
 * bursts beyond queue as transaction retries, which the deadline job's pace keeps rare).
 * No query needs a composite index: days, heads and entries are read by document-ID order.
 */

/** The writes of one append; a change that adds one must change this number and the cost above. */
export const APPEND_WRITES = 3;

/** How many sealed days an act may skip forward before the append gives up (a bug, not a late retry). */
const MAX_DAYS_FORWARD = 7;

const DAY_END = "\u007f";

export const firestoreAuditLog: AuditLog = {
  append: (record) => db().runTransaction((tx) => appendIn(tx, record)),
};

async function appendIn(tx: Transaction, record: AuditRecord): Promise<void> {
  const keyRef = auditKeys().doc(actKeyId(record.act, record.actor, record.key));
  if ((await tx.get(keyRef)).exists) return;
  // A day being sealed or sealed takes no more entries: the act goes on the next open day's chain (its `at` stays).
  let day = auditDay(record.at);
  for (let skipped = 0; (await tx.get(auditDays().doc(day))).exists; skipped += 1) {
    if (skipped >= MAX_DAYS_FORWARD) throw new Error(`audit day ${day} and the ${MAX_DAYS_FORWARD} before it are sealed`);
    day = nextDay(day);
  }
  const chain = chainIdFor(day, record.actor, record.key);
  const headRef = auditChains().doc(chain);
  const head = (await tx.get(headRef)).data() ?? null;
  const entry = nextEntry(chain, head, record);
  const writes = [
    () => tx.create(auditEntries(chain).doc(entryId(entry.seq)), entry),
    () => tx.set(headRef, { day, actor: record.actor, seq: entry.seq, hash: entry.hash, updatedAt: record.at }),
    () => tx.create(keyRef, { chain, seq: entry.seq, at: record.at }),
  ];
  if (writes.length !== APPEND_WRITES) throw new Error(`an append writes ${writes.length} documents, not ${APPEND_WRITES}`);
  for (const write of writes) write();
}

const headOf = (id: string, doc: { day: string; actor: string; seq: number; hash: string }): ChainHead => ({
  chain: id,
  day: doc.day,
  actor: doc.actor,
  seq: doc.seq,
  hash: doc.hash,
});

export const firestoreAuditDays: AuditDays = {
  async latest() {
    const snapshot = await auditDays().orderBy("day", "desc").limit(1).get();
    return snapshot.docs[0]?.data() ?? null;
  },
  async firstChainDay() {
    const snapshot = await auditChains().orderBy(FieldPath.documentId()).limit(1).get();
    return snapshot.docs[0]?.data().day ?? null;
  },
  async beginSeal(day, prev) {
    const ref = auditDays().doc(day);
    await db().runTransaction(async (tx) => {
      if (!(await tx.get(ref)).exists) tx.create(ref, { day, state: "sealing", prev });
    });
  },
  async heads(day, after, limit) {
    const snapshot = await auditChains()
      .where(FieldPath.documentId(), ">", after ?? `${day}${CHAIN_DAY_SEPARATOR}`)
      .where(FieldPath.documentId(), "<", `${day}${DAY_END}`)
      .orderBy(FieldPath.documentId())
      .limit(limit)
      .get();
    return snapshot.docs.map((doc) => headOf(doc.id, doc.data()));
  },
  async finishSeal(day, sealed) {
    await auditDays()
      .doc(day)
      .set({ day, state: "sealed", ...sealed });
  },
};

/** How many documents the reader asks for at once. */
const PAGE = 500;

/** Pages through a collection in document-ID order. */
async function* paged<T>(page: (after: string | null) => Promise<Array<{ id: string; data: T }>>): AsyncIterable<{ id: string; data: T }> {
  let after: string | null = null;
  for (;;) {
    const docs = await page(after);
    yield* docs;
    if (docs.length < PAGE) return;
    after = docs[docs.length - 1]?.id ?? null;
  }
}

/**
 * A read-only converter that parses a document with its schema (which strips unknown fields) and
 * keeps the names of every field stored, so the check sees a field added to it (domain/audit/verify.ts).
 */
function storedConverter<S extends z.ZodType<DocumentData>>(schema: S): FirestoreDataConverter<{ doc: z.infer<S> } & Stored> {
  return {
    toFirestore: () => {
      throw new Error("the audit reader does not write");
    },
    fromFirestore: (snapshot: QueryDocumentSnapshot) => ({ doc: schema.parse(withDates(snapshot.data())), fields: Object.keys(snapshot.data()) }),
  };
}

/** The whole log, read in order a page at a time, each document with its stored field names (`npm run verify-audit`, the integration tests). */
export const firestoreAuditReader: AuditReader = {
  async *days() {
    for await (const { data } of paged(async (after) => {
      const query = auditDays().orderBy(FieldPath.documentId()).limit(PAGE).withConverter(storedConverter(auditDayDoc));
      const snapshot = await (after === null ? query : query.startAfter(after)).get();
      return snapshot.docs.map((doc) => ({ id: doc.id, data: doc.data() }));
    }))
      yield { ...data.doc, fields: data.fields };
  },
  async *heads() {
    for await (const { id, data } of paged(async (after) => {
      const query = auditChains().orderBy(FieldPath.documentId()).limit(PAGE).withConverter(storedConverter(auditChainDoc));
      const snapshot = await (after === null ? query : query.startAfter(after)).get();
      return snapshot.docs.map((doc) => ({ id: doc.id, data: doc.data() }));
    }))
      yield { ...headOf(id, data.doc), fields: data.fields };
  },
  async *entries(chain) {
    for await (const { id, data } of paged(async (after) => {
      const query = auditEntries(chain).orderBy(FieldPath.documentId()).limit(PAGE).withConverter(storedConverter(auditEntryDoc));
      const snapshot = await (after === null ? query : query.startAfter(after)).get();
      return snapshot.docs.map((doc) => ({ id: doc.id, data: doc.data() }));
    }))
      yield { id, entry: data.doc, fields: data.fields };
  },
};
