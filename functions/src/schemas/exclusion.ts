import { z } from "zod";
import { EXCLUSION_LIST_TYPES } from "../domain/eligibility.js";
import { exclusionImportDoc } from "./applicant.js";

/** Inputs and answers of the exclusion-list functions, and the import record they keep. */

export const exclusionListType = z.enum(EXCLUSION_LIST_TYPES);

/** Query string of `POST /importExclusionList?type=<type>`. */
export const importExclusionListQuery = z.object({ type: exclusionListType });

/** What the import stream ends with (its `done` line). */
export const importExclusionListResult = z.object({
  type: exclusionListType,
  version: z.number().int().positive(),
  entries: z.number().int().nonnegative(),
  rejectedLines: z.number().int().nonnegative(),
  /** The first 20 rejected line numbers (1-based), never their content. */
  rejectedLineNumbers: z.array(z.number().int().positive()),
  /** False when a higher version completed first, so this one never became current. */
  current: z.boolean(),
});
export type ImportExclusionListResult = z.infer<typeof importExclusionListResult>;

const version = z.number().int().positive();

/** Input of the `exclusionListDiff` callable: two versions of one list, in either order. */
export const exclusionListDiffInput = z.object({ type: exclusionListType, from: version, to: version });
export type ExclusionListDiffInput = z.infer<typeof exclusionListDiffInput>;

export const exclusionListDiffResult = z.object({
  type: exclusionListType,
  from: version,
  to: version,
  /** On the list in `to` and not in `from`. */
  added: z.number().int().nonnegative(),
  /** On the list in `from` and not in `to`. */
  removed: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
});
export type ExclusionListDiffResult = z.infer<typeof exclusionListDiffResult>;

/**
 * `exclusionImports/{type}-v{version}` as this feature stores it: the shape of applicant.ts plus
 * `overlaps`, which makes a diff cost two reads whatever the size of the lists. For every version
 * of the same list that was completed when this import began, it counts this import's NIKs that
 * version also held (read from each entry just before it was written). A version that was still
 * running then is absent: its entries may not all have been written yet, so no count would be exact.
 */
export const exclusionImportRecord = exclusionImportDoc.extend({
  overlaps: z.record(z.string().regex(/^\d+$/), z.number().int().nonnegative()).optional(),
});
export type ExclusionImportRecord = z.infer<typeof exclusionImportRecord>;

/** Why an import request was not carried out, as the admin page and the HTTP answer word it. */
export const IMPORT_FAILURE_MESSAGES = {
  "method-not-allowed": { id: "Gunakan POST.", en: "Use POST." },
  "invalid-argument": { id: "Jenis daftar tidak dikenal.", en: "Unknown list type." },
  unauthenticated: { id: "Silakan masuk terlebih dahulu.", en: "Please sign in first." },
  "not-admin": { id: "Hanya admin program yang dapat mengimpor daftar pengecualian.", en: "Only program admins may import exclusion lists." },
  "nik-column-missing": { id: "Baris pertama berisi judul kolom, tetapi tidak ada kolom nik.", en: "The first line names the columns, but none is nik." },
  "no-entries": { id: "Berkas tidak berisi NIK 16 digit; daftar tidak diubah.", en: "The file holds no 16-digit NIK; the list is unchanged." },
  internal: { id: "Terjadi kesalahan. Coba lagi nanti.", en: "Something went wrong. Try again later." },
} as const satisfies Record<string, { id: string; en: string }>;
export type ImportFailure = keyof typeof IMPORT_FAILURE_MESSAGES;
