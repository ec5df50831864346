import type { CsvItem } from "../domain/exclusionCsv.js";
import type { ExclusionListType } from "../domain/eligibility.js";
import { done, refused, type Outcome } from "../domain/outcome.js";
import type { Actor } from "../domain/roles.js";
import type { ImportExclusionListResult } from "../schemas/exclusion.js";
import type { Clock, Pseudonyms } from "./ports.js";

export type ImportRefusal = "not-admin" | "nik-column-missing" | "no-entries";

/** One running import of one list version (adapters/exclusionLists.ts over Firestore). */
export interface ImportSession {
  version: number;
  /** Versions of the list completed when this import began: the ones overlaps are exact for. */
  comparable: number[];
  /** The versions of this list each entry holds now (empty for a NIK on no version). */
  versionsOf(nikKeys: string[]): Promise<number[][]>;
  /** Adds this version to each entry; resolves once every write is durable. */
  add(nikKeys: string[]): Promise<void>;
  /** Completed; becomes current unless a higher version already is. True when it became current. */
  complete(result: { entries: number; rejectedLines: number; overlaps: Record<string, number>; at: Date }): Promise<boolean>;
  /** Failed: never current. Writes already made stay, under a version nothing reads. */
  fail(at: Date): Promise<void>;
}

export interface ExclusionImports {
  /** Allocates the next version of `type` (above every version ever started) as a running import. */
  begin(type: ExclusionListType, by: string, at: Date): Promise<ImportSession>;
}

export interface ImportPorts {
  imports: ExclusionImports;
  pseudonyms: Pick<Pseudonyms, "nik" | "kk">;
  clock: Clock;
}

/** The next version: above the current one and above every import ever started, failed ones included. */
export function nextVersion(currentVersion: number, startedVersions: readonly number[]): number {
  return Math.max(currentVersion, ...startedVersions) + 1;
}

/** Completed imports only move a list forward: a lower version finishing late never replaces a higher one. */
export const becomesCurrent = (version: number, currentVersion: number): boolean => version > currentVersion;

/**
 * Imports one version of an exclusion list: allocate the version, stream the file's NIKs into
 * their keyed entries, then make it current in one transaction. Until that transaction, what
 * registrations see is the previous version, so a half-done or failed import changes nothing.
 * Nothing is allocated when the file has no NIK column or no line at all.
 *
 * One request carries at most 32 MB (Cloud Functions' cap, about 1.9 million lines). Longer lists
 * (social aid: over 10 million people) are not supported yet, and splitting one into several
 * imports would not do: each import replaces the list. The plan is parts of one version: the first
 * request allocates it and leaves it running, later ones name it and add entries one part at a time
 * (the per-entry read already dedupes across parts; the tally is saved on the import record after
 * each part), and the part marked last completes it.
 */
export async function importExclusionList(
  ports: ImportPorts,
  actor: Actor,
  type: ExclusionListType,
  items: AsyncIterable<CsvItem>,
  onProgress: (entries: number) => void,
  options?: Partial<LoadOptions>,
): Promise<Outcome<ImportExclusionListResult, ImportRefusal>> {
  if (actor.claims.role !== "admin") return refused("not-admin");
  const iterator = items[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return refused("no-entries");
  if (first.value.kind === "nik-column-missing") return refused("nik-column-missing");

  const session = await ports.imports.begin(type, actor.uid, ports.clock.now());
  const tally = await loadEntries(session, ports.pseudonyms, first.value, iterator, onProgress, options).catch(async (error: unknown) => {
    await session.fail(ports.clock.now());
    throw error;
  });
  // An empty result is far more often a wrong or truncated file than a list that really
  // emptied, and making it current would clear the list for every registration.
  if (tally.entries === 0) {
    await session.fail(ports.clock.now());
    return refused("no-entries");
  }
  const { entries, rejectedLines, rejectedLineNumbers, overlaps } = tally;
  const current = await session.complete({ entries, rejectedLines, overlaps, at: ports.clock.now() });
  return done({ type, version: session.version, entries, rejectedLines, rejectedLineNumbers, current });
}

export interface LoadOptions {
  /** Entries per round: one batched read (getAll), then at most this many writes. */
  chunkSize: number;
  /** Rounds in flight at once: enough to hide round trips, few enough to bound memory. */
  inFlight: number;
  /** A progress report each time this many more entries are durable. */
  progressEvery: number;
}

const DEFAULTS: LoadOptions = { chunkSize: 500, inFlight: 8, progressEvery: 10_000 };
const REPORTED_REJECTS = 20;

interface Tally {
  entries: number;
  rejectedLines: number;
  rejectedLineNumbers: number[];
  overlaps: Record<string, number>;
}

/**
 * Streams entries in rounds of read-then-write. Each round reads the entries it is about to
 * write (one read per entry), which yields the overlaps with earlier versions for free and
 * tells a repeated NIK from a new one: `entries` counts distinct NIKs. A repeat whose first
 * write is not yet durable is caught by `pending` instead; once durable, the repeat's own read
 * sees this version. Memory stays at about chunkSize × (inFlight + 1) keys whatever the file size.
 */
async function loadEntries(
  session: ImportSession,
  pseudonyms: Pick<Pseudonyms, "nik" | "kk">,
  first: CsvItem,
  rest: AsyncIterator<CsvItem>,
  onProgress: (entries: number) => void,
  options: Partial<LoadOptions> = {},
): Promise<Tally> {
  const { chunkSize, inFlight, progressEvery } = { ...DEFAULTS, ...options };
  const overlaps = new Map(session.comparable.map((v) => [v, 0]));
  const tally = { entries: 0, rejectedLines: 0, rejectedLineNumbers: [] as number[] };
  const pending = new Set<string>();
  const rounds = new Set<Promise<void>>();
  const failures: unknown[] = [];
  let chunk: string[] = [];

  const round = async (keys: string[]) => {
    const held = await session.versionsOf(keys);
    const fresh = keys.filter((_, i) => !held[i]!.includes(session.version));
    for (const versions of held.filter((v) => !v.includes(session.version))) {
      for (const v of versions) if (overlaps.has(v)) overlaps.set(v, overlaps.get(v)! + 1);
    }
    await session.add(fresh);
    const before = tally.entries;
    tally.entries += fresh.length;
    for (const key of keys) pending.delete(key);
    if (Math.floor(tally.entries / progressEvery) > Math.floor(before / progressEvery)) onProgress(tally.entries);
  };
  const launch = async () => {
    const keys = chunk;
    chunk = [];
    while (rounds.size >= inFlight) await Promise.race(rounds);
    // Caught at once: a round failing while the file is still being read must not become an
    // unhandled rejection (which ends the process); the loop stops at the next item instead.
    const running: Promise<void> = round(keys)
      .catch((error: unknown) => void failures.push(error))
      .finally(() => rounds.delete(running));
    rounds.add(running);
  };
  const take = async (item: CsvItem) => {
    if (item.kind !== "entry") {
      tally.rejectedLines += 1;
      if (tally.rejectedLineNumbers.length < REPORTED_REJECTS) tally.rejectedLineNumbers.push(item.line);
      return;
    }
    const key = pseudonyms.nik(item.nik);
    if (pending.has(key)) return;
    pending.add(key);
    chunk.push(key);
    if (chunk.length >= chunkSize) await launch();
  };

  try {
    await take(first);
    for (let next = await rest.next(); !next.done && failures.length === 0; next = await rest.next()) await take(next.value);
    if (chunk.length > 0 && failures.length === 0) await launch();
  } finally {
    // Settle every write before the import is marked completed or failed; stop reading the file.
    await Promise.all(rounds);
    await rest.return?.();
  }
  if (failures.length > 0) throw failures[0];
  return { ...tally, overlaps: Object.fromEntries([...overlaps].map(([v, count]) => [String(v), count])) };
}
