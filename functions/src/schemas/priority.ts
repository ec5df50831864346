import { z } from "zod";
import { WHOLE } from "../domain/draw/constants.js";
import { PRIORITY_LIST_ID } from "../domain/priority.js";
import { sealedDoc } from "./vault.js";

/**
 * Priority lists (domain/priority.ts): the import's input and answer, the documents kept, and a
 * wave's declared list. Entries are keyed NIKs; a phone number, when a row has one, is sealed
 * (context "priority-invitation") and opened only to send the invitation.
 */

export const priorityListId = z.string().regex(PRIORITY_LIST_ID, { message: "priority-list-id-invalid" });

/** The vault's context for a priority list row's phone number (`priorityEntries/{nikKey}.lists.<id>.phone`). */
export const PRIORITY_VAULT_CONTEXT = "priority-invitation";

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\r\n]*$/);
const count = z.number().int().nonnegative();
const version = z.number().int().positive();

/**
 * Query string of `POST /importPriorityList?listId=…&name=…&description=…&source=…`: the list (made
 * on its first import, its texts replaced by each later one) and who is on it, in words.
 */
export const importPriorityListQuery = z.object({
  listId: priorityListId,
  /** "Korban PHK 2026". */
  name: text(80),
  /** Who is on it: "Pekerja yang terkena PHK dan terdaftar di BPJS Ketenagakerjaan". */
  description: text(500),
  /** Where the list comes from: "BPJS Ketenagakerjaan, laporan Maret 2026". */
  source: text(200),
});
export type ImportPriorityListQuery = z.infer<typeof importPriorityListQuery>;

/** What the import stream ends with (its `done` line). */
export const importPriorityListResult = z.object({
  listId: priorityListId,
  version,
  entries: count,
  /** Entries whose row carried a mobile number (sealed), who can be invited. */
  withPhone: count,
  /** Entries already registered, marked on their applicant document now. */
  registered: count,
  rejectedLines: count,
  /** The first 20 rejected line numbers (1-based), never their content. */
  rejectedLineNumbers: z.array(z.number().int().positive()),
  /** False when a higher version completed first, so this one never became current. */
  current: z.boolean(),
});
export type ImportPriorityListResult = z.infer<typeof importPriorityListResult>;

/**
 * `priorityLists/{listId}`: what the list is, its current (last completed) version and its counts.
 * Public (the transparency page shows the counts): names and counts only, never an entry.
 */
export const priorityListDoc = z.object({
  name: text(80),
  description: text(500),
  source: text(200),
  /** 0 until an import completes: such a list cannot be declared on a wave. */
  currentVersion: z.number().int().nonnegative(),
  entries: count,
  registered: count,
  invited: count,
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type PriorityListDoc = z.infer<typeof priorityListDoc>;

/** `priorityImports/{listId}-v{version}`: one import, and the invitation pass that follows it. */
export const priorityImportDoc = z.object({
  listId: priorityListId,
  version,
  status: z.enum(["running", "completed", "failed"]),
  entries: count,
  withPhone: count,
  registered: count,
  rejectedLines: count,
  startedAt: z.date(),
  finishedAt: z.date().optional(),
  by: z.string().min(1),
  /**
   * The invitation pass over this version's entries, page by page (task `invitePriorityList`): the
   * last entry done (`after`, a keyed NIK), the pages done, who was found registered and who was
   * invited so far, and whether it reached the end.
   */
  invitation: z
    .object({
      after: z.string().nullable(),
      pages: count,
      registered: count,
      invited: count,
      done: z.boolean(),
    })
    .optional(),
});
export type PriorityImportDoc = z.infer<typeof priorityImportDoc>;

/**
 * `priorityEntries/{nikKey}`: the lists a keyed NIK is on (per list: the versions that held it, and
 * when the person was invited, once per list), and the mobile number of the last row that had one,
 * sealed (context "priority-invitation"; a top-level field, so the vault's key rotation finds it).
 */
export const priorityEntryDoc = z.object({
  lists: z.record(
    priorityListId,
    z.object({
      versions: z.array(z.number().int()),
      invitedAt: z.date().optional(),
    }),
  ),
  phone: sealedDoc.optional(),
});
export type PriorityEntryDoc = z.infer<typeof priorityEntryDoc>;

/**
 * The list's share of the wave's quota, in basis points (1–10000; 2500 = a quarter): that many
 * seats are drawn first among the people on the list (docs/draw.md §6–§7).
 */
export const priorityShare = z
  .number({ error: (issue) => (issue.input === undefined ? "priority-share-missing" : "priority-share-not-a-number") })
  .int({ error: "priority-share-not-whole" })
  .min(1, { error: "priority-share-too-small" })
  .max(WHOLE, { error: "priority-share-too-big" });

/** A wave's priority list as its input declares it (createWave, planWave): which list, and its share of seats. */
export const wavePriorityInput = z.strictObject({ listId: priorityListId, basisPoints: priorityShare });
export type WavePriorityInput = z.infer<typeof wavePriorityInput>;

/** A wave's priority list as its draw plan records it (waveDoc.draw.priority, plan.json's `priority`). */
export const wavePriority = z.object({
  listId: priorityListId,
  /** The list's version current at creation: later imports do not change who is flagged. */
  version,
  /** The list's name at creation. */
  name: text(80),
  /** The share of the quota drawn first among the list's people, basis points. */
  basisPoints: priorityShare,
  /** What the flag does, in words, both languages (domain/priority.ts PRIORITY_RULE as it read at creation). */
  rule: z.object({ id: text(300), en: text(300) }),
});

/** What each refusal of an import says (the HTTP edge sends it with the refusal's code); the file's refusals are the exclusion import's. */
export const PRIORITY_IMPORT_REFUSAL_TEXT = {
  "not-admin": { id: "Hanya admin program yang dapat mengimpor daftar prioritas.", en: "Only program admins may import priority lists." },
} as const satisfies Record<string, { id: string; en: string }>;
