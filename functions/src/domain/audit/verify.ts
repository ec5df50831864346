import { DayRoot, dayOfChain, ENTRY_FIELDS, entryHash, entryId, GENESIS, HEAD_FIELDS, nextDay, type AuditEntry, type ChainHead } from "./chain.js";

/**
 * Checking the audit log, pure: `npm run verify-audit` walks the whole log through an admin
 * reader, the auditor's page one day through the web SDK; both with these functions.
 */

/** A day's document: `sealing` while its root is computed, then `sealed` with the root. */
export type AuditDayRecord =
  | { day: string; state: "sealing"; prev: string }
  | { day: string; state: "sealed"; prev: string; root: string; chains: number; entries: number; sealedAt: Date };

/** Every field a day's document holds, by state; any other was added to it. */
export const DAY_FIELDS = {
  sealing: ["day", "state", "prev"],
  sealed: ["day", "state", "prev", "root", "chains", "entries", "sealedAt"],
} as const;

/**
 * A document as read, with the names of every field it stores — read from the raw document, before
 * a schema strips the unknown ones — so that a field added to it afterwards is a broken link.
 */
export interface Stored {
  fields: readonly string[];
}

/** A chain's entry as read: its document ID, the entry, its stored field names. */
export type StoredEntry = { id: string; entry: AuditEntry } & Stored;

/** Where the log is read from, each in order (days and heads by ID, entries by seq), paged inside. */
export interface AuditReader {
  days(): AsyncIterable<AuditDayRecord & Stored>;
  heads(): AsyncIterable<ChainHead & Stored>;
  /** A chain's entries, each with its document ID. */
  entries(chain: string): AsyncIterable<StoredEntry>;
}

/** The stored fields outside `known`, sorted, comma-separated; "" when none. */
function unexpected(fields: readonly string[], known: readonly string[]): string {
  return fields
    .filter((field) => !known.includes(field))
    .sort()
    .join(", ");
}

/** What is wrong at the first broken link. */
export type AuditProblem =
  | "entry-id-mismatch"
  | "entry-chain-mismatch"
  | "seq-gap"
  | "prev-mismatch"
  | "hash-mismatch"
  | "head-mismatch"
  | "head-day-mismatch"
  | "day-not-sealed"
  | "day-seal-unfinished"
  | "day-link-mismatch"
  | "root-mismatch"
  /** A document holds a field outside its known set (an entry: outside the hashed ones): added after it was written. */
  | "unexpected-field";

export interface AuditBreak {
  problem: AuditProblem;
  day: string;
  chain?: string;
  seq?: number;
  /** What the log should hold there, and what it holds. */
  expected: string;
  found: string;
}

export interface AuditSummary {
  days: number;
  sealedDays: number;
  chains: number;
  entries: number;
  /** The last sealed day's root; GENESIS when no day is sealed yet. */
  lastRoot: string;
}

export type AuditVerdict = { ok: true; summary: AuditSummary } | { ok: false; broken: AuditBreak; summary: AuditSummary };

/**
 * Checks one chain's entries against each other and its head; null when intact. A head or an
 * entry holding a field outside its known set (an entry's: the hashed ones) is a break
 * ("unexpected-field"): the hash does not cover it, so it was added afterwards. With `upToHead`
 * (a day not sealed yet, still being written) entries past the head read are newer acts, not
 * checked; on a sealed day any entry past the head is a break.
 */
export async function verifyChain(head: ChainHead & Stored, entries: AsyncIterable<StoredEntry>, upToHead = false): Promise<AuditBreak | null> {
  const day = dayOfChain(head.chain);
  const at = (problem: AuditProblem, seq: number | undefined, expected: string, found: string): AuditBreak => ({
    problem,
    day,
    chain: head.chain,
    ...(seq === undefined ? {} : { seq }),
    expected,
    found,
  });
  // The fields that belong (hashed), and the ones found besides them: lists, worded by whoever shows them.
  const onlyKnown = (known: readonly string[]) => known.join(", ");
  const headExtra = unexpected(head.fields, HEAD_FIELDS);
  if (headExtra !== "") return at("unexpected-field", undefined, onlyKnown(HEAD_FIELDS), headExtra);
  if (head.day !== day) return at("head-day-mismatch", undefined, day, head.day);
  let seq = 0;
  let prev = GENESIS;
  for await (const { id, entry, fields } of entries) {
    if (upToHead && seq >= head.seq) break;
    seq += 1;
    if (entry.seq !== seq) return at("seq-gap", seq, String(seq), String(entry.seq));
    if (id !== entryId(entry.seq)) return at("entry-id-mismatch", seq, entryId(entry.seq), id);
    const extra = unexpected(fields, ENTRY_FIELDS);
    if (extra !== "") return at("unexpected-field", seq, onlyKnown(ENTRY_FIELDS), extra);
    if (entry.chain !== head.chain) return at("entry-chain-mismatch", seq, head.chain, entry.chain);
    if (entry.prev !== prev) return at("prev-mismatch", seq, prev, entry.prev);
    const hash = entryHash(entry);
    if (hash !== entry.hash) return at("hash-mismatch", seq, hash, entry.hash);
    prev = entry.hash;
  }
  if (head.seq !== seq || head.hash !== prev) return at("head-mismatch", head.seq, `${seq} ${prev}`, `${head.seq} ${head.hash}`);
  return null;
}

/**
 * Checks one day: its record's fields (none beyond its state's), each of its chains (heads in
 * chain-ID order), then, when the day is sealed, its
 * root over those heads and its link to `prevRoot` (the day before's root, GENESIS for the first).
 */
export async function verifyDay(
  day: string,
  record: (AuditDayRecord & Stored) | null,
  prevRoot: string,
  heads: AsyncIterable<ChainHead & Stored> | Iterable<ChainHead & Stored>,
  entries: AuditReader["entries"],
  tally: { chains: number; entries: number } = { chains: 0, entries: 0 },
): Promise<AuditBreak | null> {
  if (record !== null) {
    const known = DAY_FIELDS[record.state];
    const extra = unexpected(record.fields, known);
    if (extra !== "") return { problem: "unexpected-field", day, expected: known.join(", "), found: extra };
  }
  const root = new DayRoot(day, prevRoot);
  const open = record === null || record.state === "sealing";
  for await (const head of heads) {
    const broken = await verifyChain(head, entries(head.chain), open);
    if (broken) return broken;
    root.add(head);
    tally.chains += 1;
    tally.entries += head.seq;
  }
  if (record === null || record.state === "sealing") return null;
  if (record.prev !== prevRoot) return { problem: "day-link-mismatch", day, expected: prevRoot, found: record.prev };
  const computed = root.digest();
  if (record.root !== computed || record.chains !== root.chains || record.entries !== root.entries)
    return {
      problem: "root-mismatch",
      day,
      expected: `${computed} (${root.chains} chains, ${root.entries} entries)`,
      found: `${record.root} (${record.chains} chains, ${record.entries} entries)`,
    };
  return null;
}

/** Pulls one value at a time from an async iterable, with a look at the next. */
class Cursor<T> {
  private readonly iterator: AsyncIterator<T>;
  private peeked: IteratorResult<T> | null = null;
  constructor(source: AsyncIterable<T>) {
    this.iterator = source[Symbol.asyncIterator]();
  }
  async peek(): Promise<T | undefined> {
    this.peeked ??= await this.iterator.next();
    return this.peeked.done ? undefined : this.peeked.value;
  }
  async take(): Promise<T | undefined> {
    const value = await this.peek();
    this.peeked = null;
    return value;
  }
}

/** The heads of one day, taken from the cursor while they belong to it. */
async function* headsOf(day: string, heads: Cursor<ChainHead & Stored>): AsyncIterable<ChainHead & Stored> {
  for (let head = await heads.peek(); head !== undefined && dayOfChain(head.chain) === day; head = await heads.peek())
    yield (await heads.take()) as ChainHead & Stored;
}

/**
 * Checks the whole log, day by day in order: every chain, every sealed day's root and its link to
 * the day before, that sealed days follow each other without a gap, and that no day with chains
 * was left unsealed before a sealed one. Stops at the first broken link.
 */
export async function verifyLog(reader: AuditReader): Promise<AuditVerdict> {
  const days = new Cursor(reader.days());
  const heads = new Cursor(reader.heads());
  const summary: AuditSummary = { days: 0, sealedDays: 0, chains: 0, entries: 0, lastRoot: GENESIS };
  let lastSealed: string | null = null;
  for (;;) {
    const [record, head] = [await days.peek(), await heads.peek()];
    if (record === undefined && head === undefined) return { ok: true, summary };
    const headDay = head === undefined ? undefined : dayOfChain(head.chain);
    const day = record === undefined ? (headDay as string) : headDay === undefined || record.day <= headDay ? record.day : headDay;
    const dayRecord = record?.day === day ? ((await days.take()) as AuditDayRecord & Stored) : null;
    const fail = (broken: AuditBreak): AuditVerdict => ({ ok: false, broken, summary });
    if (dayRecord === null && (await days.peek()) !== undefined) return fail({ problem: "day-not-sealed", day, expected: "sealed", found: "no day record" });
    if (dayRecord !== null && lastSealed !== null && day !== nextDay(lastSealed))
      return fail({ problem: "day-not-sealed", day: nextDay(lastSealed), expected: "sealed", found: "no day record" });
    if (dayRecord?.state === "sealing" && (await days.peek()) !== undefined)
      return fail({ problem: "day-seal-unfinished", day, expected: "sealed", found: "sealing" });
    summary.days += 1;
    const broken = await verifyDay(day, dayRecord, summary.lastRoot, headsOf(day, heads), (chain) => reader.entries(chain), summary);
    if (broken) return fail(broken);
    if (dayRecord?.state === "sealed") {
      summary.sealedDays += 1;
      summary.lastRoot = dayRecord.root;
      lastSealed = day;
    }
  }
}

/** One line naming a break, for the command line and logs. */
export function describeBreak(broken: AuditBreak): string {
  const where = [`day ${broken.day}`, broken.chain === undefined ? null : `chain ${broken.chain}`, broken.seq === undefined ? null : `seq ${broken.seq}`]
    .filter(Boolean)
    .join(", ");
  const expected = broken.problem === "unexpected-field" ? `only ${broken.expected}` : broken.expected;
  return `${broken.problem} at ${where}: expected ${expected}, found ${broken.found}`;
}
