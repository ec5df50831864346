import { collection, doc, documentId, getDoc, getDocs, limit, orderBy, query, startAfter, where, type QueryDocumentSnapshot } from "firebase/firestore/lite";
import { auditChainDoc, auditDayDoc, auditEntryDoc } from "@schemas/audit.js";
import { COLLECTIONS } from "@schemas/collections.js";
import { withDates } from "@schemas/timestamps.js";
import { auditDay, CHAIN_DAY_SEPARATOR, GENESIS, previousDay, type ChainHead } from "@domain/audit/chain.js";
import { verifyDay, type AuditBreak, type AuditDayRecord, type Stored, type StoredEntry } from "@domain/audit/verify.js";
import type { z } from "zod";
import { db } from "../firebase.js";
import { collectionOf } from "./documents.js";

/**
 * The audit log as auditors and admins read it (firestore.rules): the latest days with their
 * roots, one day's chains and entries, and the check of that day with the same pure module the
 * functions and `npm run verify-audit` use — the hashes are recomputed here, in the browser.
 */

/** How many days the page lists. */
export const DAY_LIST_SIZE = 60;
/** Entries read at once from one chain. */
const ENTRY_PAGE = 500;

/**
 * Documents parsed by their schema (which strips unknown fields), each with its ID and the names
 * of every field stored, so the check names a field added afterwards; a malformed one is skipped.
 */
function parseStored<T>(schema: z.ZodType<T>, docs: QueryDocumentSnapshot[]): Array<{ id: string; doc: T } & Stored> {
  return docs.flatMap((snapshot) => {
    const raw = snapshot.data();
    const parsed = schema.safeParse(withDates(raw));
    if (parsed.success) return [{ id: snapshot.id, doc: parsed.data, fields: Object.keys(raw) }];
    console.warn(`Skipping malformed document ${snapshot.ref.path}`);
    return [];
  });
}

/** A day as listed: sealed (with its root) or still open (today, or a day the sealer has not reached yet). */
export type AuditDayRow = { day: string; record: (AuditDayRecord & Stored) | null };

/** The latest sealed days, and the open days after the last of them up to today (Jakarta). */
export async function loadAuditDays(now: Date): Promise<AuditDayRow[]> {
  const snapshot = await getDocs(query(collectionOf("auditDays"), orderBy("day", "desc"), limit(DAY_LIST_SIZE)));
  const sealed = parseStored(auditDayDoc, snapshot.docs).map(({ doc, fields }) => ({ day: doc.day, record: { ...doc, fields } }));
  const today = auditDay(now);
  const open: AuditDayRow[] = [];
  // Today and yesterday until it is sealed (00:20 Jakarta): the days with entries but no root yet.
  for (const day of [today, previousDay(today)]) if (!sealed.some((row) => row.day === day)) open.push({ day, record: null });
  return [...open, ...sealed];
}

/** One day read whole: its chains' heads (by chain ID) and each chain's entries (by seq, with their document IDs). */
export interface AuditDayLog {
  day: string;
  record: (AuditDayRecord & Stored) | null;
  /** The root the day should chain to: the day before's, GENESIS for the first sealed day. */
  prevRoot: string;
  heads: Array<ChainHead & Stored>;
  entries: Map<string, StoredEntry[]>;
}

async function chainEntries(chain: string): Promise<StoredEntry[]> {
  const entries: StoredEntry[] = [];
  const ref = collection(db, COLLECTIONS.auditChains, chain, COLLECTIONS.auditEntries);
  let after: string | null = null;
  for (;;) {
    const page =
      after === null ? query(ref, orderBy(documentId()), limit(ENTRY_PAGE)) : query(ref, orderBy(documentId()), startAfter(after), limit(ENTRY_PAGE));
    const docs: QueryDocumentSnapshot[] = (await getDocs(page)).docs;
    entries.push(...parseStored(auditEntryDoc, docs).map(({ id, doc: entry, fields }) => ({ id, entry, fields })));
    if (docs.length < ENTRY_PAGE) return entries;
    after = docs[docs.length - 1]?.id ?? null;
  }
}

export async function loadAuditDay(day: string, record: (AuditDayRecord & Stored) | null): Promise<AuditDayLog> {
  const chains = await getDocs(
    query(
      collectionOf("auditChains"),
      where(documentId(), ">=", `${day}${CHAIN_DAY_SEPARATOR}`),
      where(documentId(), "<", `${day}\u007f`),
      orderBy(documentId()),
    ),
  );
  const heads = parseStored(auditChainDoc, chains.docs).map(({ id, doc: { day: headDay, actor, seq, hash }, fields }) => ({
    chain: id,
    day: headDay,
    actor,
    seq,
    hash,
    fields,
  }));
  const before = await getDoc(doc(db, COLLECTIONS.auditDays, previousDay(day)));
  const parsedBefore = before.exists() ? auditDayDoc.safeParse(withDates(before.data())) : null;
  const prevRoot = parsedBefore?.success && parsedBefore.data.state === "sealed" ? parsedBefore.data.root : GENESIS;
  const entries = new Map(await Promise.all(heads.map(async (head) => [head.chain, await chainEntries(head.chain)] as const)));
  return { day, record, prevRoot, heads, entries };
}

async function* each<T>(values: readonly T[]): AsyncIterable<T> {
  for (const value of values) yield await Promise.resolve(value);
}

export type DayCheck = { ok: true; chains: number; entries: number } | { ok: false; broken: AuditBreak };

/** The day's check, recomputed here: every entry's hash and link, each head, the root and its link to the day before. */
export async function checkAuditDay(log: AuditDayLog): Promise<DayCheck> {
  const tally = { chains: 0, entries: 0 };
  const broken = await verifyDay(log.day, log.record, log.prevRoot, log.heads, (chain) => each(log.entries.get(chain) ?? []), tally);
  return broken === null ? { ok: true, ...tally } : { ok: false, broken };
}
