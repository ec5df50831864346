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
  /**
   * Why a failed import failed, when it was not the import itself that said so: `timed-out` when it
   * was still running after its function's timeout (its instance crashed or was stopped), marked by
   * the `expireExclusionImport` task.
   */
  failure: z.enum(["timed-out"]).optional(),
});
export type ExclusionImportRecord = z.infer<typeof exclusionImportRecord>;

/** What each refusal of an import says (the HTTP edge sends it with the refusal's code). */
export const IMPORT_REFUSAL_TEXT = {
  "not-admin": { id: "Hanya admin program yang dapat mengimpor daftar pengecualian.", en: "Only program admins may import exclusion lists." },
  "nik-column-missing": {
    id: "Pada baris-baris awal berkas (sampai baris {linesRead}) tidak ada kolom bernama NIK dan tidak ada kolom berisi angka 16 digit. Baris pertama tabel yang ditemukan di sana adalah “{header}” (deret angka ditampilkan sebagai #), dipisah dengan “{delimiter}” menjadi {fields} kolom. Tidak ada yang diimpor. Beri judul “NIK” pada kolom NIK di baris judul, atau simpan NIK sebagai teks 16 digit.",
    en: "In the first lines of the file (up to line {linesRead}) no column is named NIK and no column holds 16-digit numbers. The first row of the table found there is “{header}” (digit runs shown as #), split at “{delimiter}” into {fields} fields. Nothing was imported. Name the NIK column “NIK” in the header row, or keep the NIKs as 16-digit text.",
  },
  "no-entries": {
    id: "Berkas tidak berisi satu pun NIK 16 digit yang sah ({rejectedLines} baris ditolak); daftar tidak diubah dan tidak ada versi yang terpakai.",
    en: "The file holds no valid 16-digit NIK ({rejectedLines} lines rejected); the list is unchanged and no version was used.",
  },
  "file-not-utf8": {
    id: "Berkas bukan UTF-8 dan tidak diawali penanda urutan bita (BOM) UTF-16: bita {byte} pada baris {line} (posisi {offset} dalam berkas) bukan UTF-8 yang sah. Tidak ada yang diimpor. Di Excel, simpan daftar sebagai “CSV UTF-8 (Comma delimited)” atau “Unicode Text”.",
    en: "The file is not UTF-8 and does not start with a UTF-16 byte order mark: byte {byte} on line {line} (offset {offset} in the file) is not valid UTF-8. Nothing was imported. In Excel, save the list as “CSV UTF-8 (Comma delimited)” or as “Unicode Text”.",
  },
  "file-not-text": {
    id: "Berkas bukan teks CSV: isinya terbaca sebagai {found} (zip-archive: buku kerja .xlsx; ole2-compound-file: buku kerja .xls; utf-32-byte-order-mark; zero-byte: bita 0x00, yang tidak pernah ada dalam teks CSV, seperti pada UTF-16 tanpa BOM). Tidak ada yang diimpor. Di Excel, simpan daftar sebagai “CSV UTF-8 (Comma delimited)” atau “Unicode Text”.",
    en: "The file is not CSV text: its bytes read as {found} (zip-archive: an .xlsx workbook; ole2-compound-file: an .xls workbook; utf-32-byte-order-mark; zero-byte: a byte 0x00, which CSV text never holds, as in UTF-16 without a byte order mark). Nothing was imported. In Excel, save the list as “CSV UTF-8 (Comma delimited)” or as “Unicode Text”.",
  },
  "nik-column-ambiguous": {
    id: "Tidak ada baris judul yang menamai kolom NIK pada baris-baris awal (sampai baris {linesRead}), dan lebih dari satu kolom berisi angka 16 digit (kolom {columns}; nomor KK juga 16 digit). Tidak ada yang diimpor. Tambahkan baris judul yang menamai kolom NIK dengan “NIK”.",
    en: "No header row in the first lines (up to line {linesRead}) names the NIK column, and more than one column holds 16-digit numbers (columns {columns}; a KK number has 16 digits too). Nothing was imported. Add a header row that names the NIK column “NIK”.",
  },
  "nik-damaged-by-excel": {
    id: "Excel telah merusak NIK: dari {checked} NIK pertama di kolom {column}, {endingInZero} berakhiran 0 (wajarnya sekitar 1 dari 10) dan {excelNumbers} tertulis sebagai angka (misalnya 3,17101E+15). Excel hanya menyimpan 15 digit sebuah angka, sehingga digit terakhir setiap NIK yang disimpan sebagai angka menjadi 0, dan orang-orang itu tidak akan tersaring. Tidak ada yang diimpor. Ekspor ulang daftar dari sumbernya dengan kolom NIK sebagai teks: di Excel, buka sumbernya lewat Data > From Text/CSV dan atur tipe kolom NIK menjadi Text (atau format kolom itu sebagai Text sebelum menempelkan data), lalu simpan sebagai “CSV UTF-8 (Comma delimited)”. Mengubah format berkas ini tidak menolong: digitnya sudah hilang.",
    en: "Excel has damaged the NIKs: of the first {checked} NIKs in column {column}, {endingInZero} end in 0 (about 1 in 10 would) and {excelNumbers} are written as numbers (such as 3.17101E+15). Excel keeps only 15 digits of a number, so the last digit of every NIK stored as a number became 0, and those people would not be excluded. Nothing was imported. Export the list again from its source with the NIK column as text: in Excel, open the source with Data > From Text/CSV and set the NIK column's type to Text (or format the column as Text before pasting), then save as “CSV UTF-8 (Comma delimited)”. Changing the format of this file does not help: the digits are gone.",
  },
} as const satisfies Record<string, { id: string; en: string }>;
