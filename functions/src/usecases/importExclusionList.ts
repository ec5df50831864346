import type { CsvItem, FileRefusal } from "../domain/exclusionCsv.js";
import type { ExclusionListType } from "../domain/eligibility.js";
import { IMPORT_TIMEOUT_SECONDS } from "../domain/exclusionVersions.js";
import { done, refused, type Outcome } from "../domain/outcome.js";
import { mayDo, type Actor } from "../domain/roles.js";
import type { ImportExclusionListResult } from "../schemas/exclusion.js";
import { importRounds, reject, ROUND_DEFAULTS, type ImportRounds, type Rejects, type RoundOptions } from "./importRounds.js";
import type { ExclusionImports, ImportSession, Ports, Pseudonyms } from "./ports.js";

export type ImportRefusal = "not-admin" | FileRefusal | "no-entries";

export type ImportPorts = Pick<Ports, "clock" | "tasks" | "audit"> & { imports: Pick<ExclusionImports, "begin">; pseudonyms: Pick<Pseudonyms, "nik" | "kk"> };

/** When the `expireExclusionImport` task looks at an import: once its function has surely stopped. */
export const EXPIRY_DELAY_SECONDS = IMPORT_TIMEOUT_SECONDS + 300;

/**
 * Imports one version of an exclusion list: allocate the version, enqueue its expiry (a crash
 * leaves an import `running`; the task fails it once its function's time is up), stream the
 * file's NIKs into their keyed entries, then make it current in one transaction. Until that transaction, what
 * registrations see is the previous version, so a half-done or failed import changes nothing.
 * Nothing is allocated, and nothing written, until the file has shown a 16-digit NIK: a file with
 * no NIK column, or with no valid NIK at all, is refused as it is (with its rejected lines counted).
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
  /** Distinct NIKs written so far, and lines rejected so far (the web console shows both as it goes). */
  onProgress: (entries: number, rejectedLines: number) => void,
  options?: Partial<RoundOptions>,
): Promise<Outcome<ImportExclusionListResult, ImportRefusal>> {
  if (!mayDo(actor, "import-exclusion-list")) return refused("not-admin");
  const iterator = items[Symbol.asyncIterator]();
  let first = await iterator.next();
  if (!first.done && first.value.kind === "refused") return refused(first.value.reason, first.value.details);
  // A file without a valid NIK is far more often a wrong or truncated file than a list that really
  // emptied, and making it current would clear the list for every registration: read up to the
  // first NIK before a version is used.
  const skipped: Rejects = { rejectedLines: 0, rejectedLineNumbers: [] };
  for (; !first.done && first.value.kind !== "entry"; first = await iterator.next()) reject(skipped, first.value.line);
  if (first.done) return refused("no-entries", { rejectedLines: skipped.rejectedLines });

  const session = await ports.imports.begin(type, actor.uid, ports.clock.now());
  const failing = async (error: unknown): Promise<never> => {
    await session.fail(ports.clock.now());
    throw error;
  };
  // An import without its expiry could stay running for ever: it does not go on without it.
  const key = `${type}-v${session.version}`;
  await ports.tasks.enqueue("expireExclusionImport", { type, version: session.version }, { key, delaySeconds: EXPIRY_DELAY_SECONDS }).catch(failing);
  const tally = await loadEntries(session, ports.pseudonyms, first.value, iterator, onProgress, skipped, options).catch(failing);
  const { entries, rejectedLines, rejectedLineNumbers, overlaps } = tally;
  const completedAt = ports.clock.now();
  const current = await session.complete({ entries, rejectedLines, overlaps, at: completedAt });
  await ports.audit.append({
    act: "import-exclusion-list",
    actor: actor.uid,
    role: actor.claims.role,
    target: key,
    key,
    at: completedAt,
    details: { type, version: session.version, entries, rejectedLines, current },
  });
  return done({ type, version: session.version, entries, rejectedLines, rejectedLineNumbers, current });
}

interface Tally extends Rejects {
  entries: number;
  overlaps: Record<string, number>;
}

/**
 * Streams entries in rounds of read-then-write (usecases/importRounds.ts). Each round reads the
 * entries it is about to write (one read per entry), which yields the overlaps with earlier
 * versions for free and tells a repeated NIK from a new one: `entries` counts distinct NIKs.
 */
async function loadEntries(
  session: ImportSession,
  pseudonyms: Pick<Pseudonyms, "nik" | "kk">,
  first: CsvItem,
  rest: AsyncIterator<CsvItem>,
  onProgress: (entries: number, rejectedLines: number) => void,
  skipped: Rejects,
  options: Partial<RoundOptions> = {},
): Promise<Tally> {
  const overlaps = new Map(session.comparable.map((v) => [v, 0]));
  const rejects = { ...skipped };
  const rounds: ImportRounds<string> = {
    session,
    nikKey: (nik) => pseudonyms.nik(nik),
    row: (_, key) => key,
    write: async (fresh, held) => {
      for (const versions of held) {
        for (const v of versions) if (overlaps.has(v)) overlaps.set(v, overlaps.get(v)! + 1);
      }
      await session.add(fresh);
    },
    onProgress,
  };
  const entries = await importRounds(first, rest, rejects, rounds, { ...ROUND_DEFAULTS, ...options });
  return { entries, ...rejects, overlaps: Object.fromEntries([...overlaps].map(([v, count]) => [String(v), count])) };
}
