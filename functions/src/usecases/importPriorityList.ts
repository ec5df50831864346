import type { CsvItem, FileRefusal } from "../domain/exclusionCsv.js";
import { done, refused, type Outcome } from "../domain/outcome.js";
import { mayDo, type Actor } from "../domain/roles.js";
import { mobileNumber } from "../schemas/phone.js";
import { PRIORITY_VAULT_CONTEXT, type ImportPriorityListQuery, type ImportPriorityListResult } from "../schemas/priority.js";
import { importRounds, reject, ROUND_DEFAULTS, type ImportRounds, type Rejects, type RoundOptions } from "./importRounds.js";
import type { Ports, PriorityImportSession, PriorityRow } from "./ports.js";

export type ImportPriorityRefusal = "not-admin" | FileRefusal | "no-entries";

export type ImportPriorityPorts = Pick<Ports, "clock" | "tasks" | "audit" | "priorityLists" | "vault"> & { pseudonyms: Pick<Ports["pseudonyms"], "nik"> };

/** Rows per round (one batched read of entries and of the NIK index, then the writes), and rounds in flight. */
export type PriorityLoadOptions = RoundOptions;

/** Entries per page of the invitation pass (usecases/invitePriorityList.ts). */
export const INVITATION_PAGE = 200;

/** The task key of page `page` of version `version`'s invitation pass: one task per page, ever. */
export const invitationTaskKey = (listId: string, version: number, page: number) => `priority-invite-${listId}-v${version}-p${page}`;

/**
 * Imports one version of a priority list, as an exclusion list is imported (the same file reader,
 * domain/exclusionCsv.ts, so the same Excel and ministry exports are read and refused the same
 * way): the list is made on its first import (its name, who is on it, its source), the file's NIKs
 * are written as keyed entries with the version, a row's mobile number (a header column named
 * `HP`, `No HP`, `Telepon`…) is sealed for the invitation, never stored in clear, and every person
 * already registered is marked on their applicant document (`priorityLists`), so the close flags
 * their pool line without reading the list. Completed, the version becomes current (if no higher
 * one completed first), the act is audited, and the invitation pass of the current version is
 * enqueued. A version that dropped someone leaves their document naming only the versions that held
 * them: no wave declaring the newer version flags them.
 */
export async function importPriorityList(
  ports: ImportPriorityPorts,
  actor: Actor,
  about: ImportPriorityListQuery,
  items: AsyncIterable<CsvItem>,
  onProgress: (entries: number, rejectedLines: number) => void,
  options: Partial<PriorityLoadOptions> = {},
): Promise<Outcome<ImportPriorityListResult, ImportPriorityRefusal>> {
  if (!mayDo(actor, "import-priority-list")) return refused("not-admin");
  const iterator = items[Symbol.asyncIterator]();
  let first = await iterator.next();
  if (!first.done && first.value.kind === "refused") return refused(first.value.reason, first.value.details);
  const tally: Tally = { entries: 0, withPhone: 0, registered: 0, rejectedLines: 0, rejectedLineNumbers: [] };
  // As the exclusion import: no version is used before the file has shown a NIK.
  for (; !first.done && first.value.kind !== "entry"; first = await iterator.next()) reject(tally, first.value.line);
  if (first.done) return refused("no-entries", { rejectedLines: tally.rejectedLines });

  const { listId, ...texts } = about;
  const session = await ports.priorityLists.begin(listId, texts, actor.uid, ports.clock.now());
  try {
    await load(ports, session, first.value, iterator, tally, onProgress, { ...ROUND_DEFAULTS, ...options });
  } catch (error) {
    await session.fail(ports.clock.now());
    throw error;
  }
  const at = ports.clock.now();
  const { entries, withPhone, registered, rejectedLines, rejectedLineNumbers } = tally;
  const current = await session.complete({ entries, withPhone, registered, rejectedLines, at });
  const key = `${listId}-v${session.version}`;
  await ports.audit.append({
    act: "import-priority-list",
    actor: actor.uid,
    role: actor.claims.role,
    target: key,
    key,
    at,
    details: { listId, version: session.version, entries, withPhone, registered, rejectedLines, current },
  });
  if (current) {
    await ports.tasks.enqueue(
      "invitePriorityList",
      { listId, version: session.version, page: 0, after: null },
      { key: invitationTaskKey(listId, session.version, 0) },
    );
  }
  return done({ listId, version: session.version, entries, withPhone, registered, rejectedLines, rejectedLineNumbers, current });
}

interface Tally extends Rejects {
  entries: number;
  withPhone: number;
  registered: number;
}

/**
 * Rounds of read-then-write, a few in flight (usecases/importRounds.ts): each round reads its
 * entries' versions of this list (a NIK repeated in the file counts once: `entries` counts distinct
 * NIKs), seals the phones of the new ones, and adds them. Memory stays at about
 * chunkSize × (inFlight + 1) rows.
 */
async function load(
  ports: ImportPriorityPorts,
  session: PriorityImportSession,
  first: CsvItem,
  rest: AsyncIterator<CsvItem>,
  tally: Tally,
  onProgress: (entries: number, rejectedLines: number) => void,
  options: PriorityLoadOptions,
): Promise<void> {
  const rounds: ImportRounds<{ nikKey: string; phone?: string }> = {
    session,
    nikKey: (nik) => ports.pseudonyms.nik(nik),
    row: (entry, nikKey) => {
      // A number that is not a mobile one is left out; the NIK still counts.
      const phone = entry.phone === undefined ? undefined : mobileNumber.safeParse(entry.phone);
      return phone?.success === true ? { nikKey, phone: phone.data } : { nikKey };
    },
    write: async (fresh) => {
      const rows: PriorityRow[] = await Promise.all(
        fresh.map(async ({ nikKey, phone }) =>
          phone === undefined ? { nikKey } : { nikKey, phone: await ports.vault.seal({ phone }, PRIORITY_VAULT_CONTEXT) },
        ),
      );
      const registered = await session.add(rows);
      tally.withPhone += rows.filter((row) => row.phone !== undefined).length;
      tally.registered += registered;
    },
    onProgress,
  };
  tally.entries = await importRounds(first, rest, tally, rounds, options);
}
