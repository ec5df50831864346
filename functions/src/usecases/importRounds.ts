import type { CsvItem } from "../domain/exclusionCsv.js";
import type { ImportSession } from "./ports.js";

/**
 * The rounds of read-then-write a list import streams its file in (usecases/importExclusionList.ts,
 * usecases/importPriorityList.ts): bounded concurrency, a NIK repeated in the file counted once,
 * progress reports as entries become durable, and the first failing round ending the import.
 */
export interface RoundOptions {
  /** Entries per round: one batched read (getAll), then at most this many writes. */
  chunkSize: number;
  /** Rounds in flight at once: enough to hide round trips, few enough to bound memory. */
  inFlight: number;
  /** A progress report each time this many more entries are durable. */
  progressEvery: number;
}

export const ROUND_DEFAULTS: RoundOptions = { chunkSize: 500, inFlight: 8, progressEvery: 10_000 };
const REPORTED_REJECTS = 20;

export interface Rejects {
  rejectedLines: number;
  /** The first REPORTED_REJECTS (20) of them. */
  rejectedLineNumbers: number[];
}

/** Counts a rejected line (`line`: 1-based, as in the file); the first 20 are named. */
export function reject(rejects: Rejects, line: number): void {
  rejects.rejectedLines += 1;
  if (rejects.rejectedLineNumbers.length < REPORTED_REJECTS) rejects.rejectedLineNumbers.push(line);
}

/** What an import does with its file's entries, round by round. */
export interface ImportRounds<Row> {
  /** The version being imported, and this list's versions on each keyed NIK's entry (one batched read, in the order given). */
  session: Pick<ImportSession, "version" | "versionsOf">;
  /** The keyed NIK (Pseudonyms `nik`) of an entry line. */
  nikKey: (nik: string) => string;
  /** The row written for an entry line whose keyed NIK is `nikKey`. */
  row: (entry: Extract<CsvItem, { kind: "entry" }>, nikKey: string) => Row;
  /**
   * Writes the round's rows whose entries do not hold the version yet (`held[i]`: the versions
   * `fresh[i]`'s entry holds, none of them this one); resolves once every write is durable.
   */
  write: (fresh: Row[], held: number[][]) => Promise<void>;
  /** Distinct NIKs written so far, and lines rejected so far (the web console shows both as it goes). */
  onProgress: (entries: number, rejectedLines: number) => void;
}

/**
 * Streams entries in rounds of read-then-write. Each round reads the entries it is about to
 * write (one read per entry), which tells a repeated NIK from a new one: `entries` counts
 * distinct NIKs. A repeat whose first write is not yet durable is caught by `pending` instead;
 * once durable, the repeat's own read sees this version. Memory stays at about
 * chunkSize × (inFlight + 1) rows whatever the file size. Lines that are not entries are counted
 * in `rejects`. Answers the distinct NIKs written; throws the first failing round's error once
 * every round in flight has settled (the import is then marked failed by its caller).
 */
export async function importRounds<Row>(
  first: CsvItem,
  rest: AsyncIterator<CsvItem>,
  rejects: Rejects,
  { session, nikKey, row, write, onProgress }: ImportRounds<Row>,
  { chunkSize, inFlight, progressEvery }: RoundOptions,
): Promise<number> {
  let entries = 0;
  const pending = new Set<string>();
  const rounds = new Set<Promise<void>>();
  const failures: unknown[] = [];
  let keys: string[] = [];
  let rows: Row[] = [];

  const round = async (roundKeys: string[], roundRows: Row[]) => {
    const held = await session.versionsOf(roundKeys);
    const isFresh = held.map((versions) => !versions.includes(session.version));
    await write(
      roundRows.filter((_, i) => isFresh[i]),
      held.filter((_, i) => isFresh[i]),
    );
    const before = entries;
    entries += isFresh.filter(Boolean).length;
    for (const key of roundKeys) pending.delete(key);
    if (Math.floor(entries / progressEvery) > Math.floor(before / progressEvery)) onProgress(entries, rejects.rejectedLines);
  };
  const launch = async () => {
    const [roundKeys, roundRows] = [keys, rows];
    [keys, rows] = [[], []];
    while (rounds.size >= inFlight) await Promise.race(rounds);
    // Caught at once: a round failing while the file is still being read must not become an
    // unhandled rejection (which ends the process); the loop stops at the next item instead.
    const running: Promise<void> = round(roundKeys, roundRows)
      .catch((error: unknown) => void failures.push(error))
      .finally(() => rounds.delete(running));
    rounds.add(running);
  };
  const take = async (item: CsvItem) => {
    if (item.kind !== "entry") return reject(rejects, item.line);
    const key = nikKey(item.nik);
    if (pending.has(key)) return;
    pending.add(key);
    keys.push(key);
    rows.push(row(item, key));
    if (keys.length >= chunkSize) await launch();
  };

  try {
    await take(first);
    for (let next = await rest.next(); !next.done && failures.length === 0; next = await rest.next()) await take(next.value);
    if (keys.length > 0 && failures.length === 0) await launch();
  } finally {
    // Settle every write before the import is marked completed or failed; stop reading the file.
    await Promise.all(rounds);
    await rest.return?.();
  }
  if (failures.length > 0) throw failures[0];
  return entries;
}
