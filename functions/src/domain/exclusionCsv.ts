import { parse } from "csv-parse/sync";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";

/**
 * Reading an exclusion list file (CSV from a ministry, or the program's own block list) into
 * NIKs and rejected line numbers. Pure: text in, items out; nothing here stores or logs a NIK.
 *
 * One physical line is one record, always. A streaming CSV parser lets a quoted field run over
 * line ends, so one stray `"` in a name column would swallow every later line into one bad
 * record and silently drop the people on them from the list (tried: csv-parse does exactly
 * that, even with skip_records_with_error). Here a line with quotes is parsed on its own by
 * csv-parse; if its quotes do not close, it is split at every delimiter instead, and a
 * continuation line of a multi-line field is simply a rejected line the admin can see.
 *
 * Which values count: every 16-digit value, whether or not our region table knows its prefix.
 * Registration only ever hashes a NIK that passed parseNik, so an odd entry costs one write and
 * never matches anyone wrongly; dropping a NIK whose region code we do not know yet (a new split,
 * an old code) would let an excluded person through.
 */

export type CsvItem =
  | { kind: "entry"; line: number; nik: string }
  | { kind: "rejected"; line: number }
  /** The first line is a header without a `nik` column: nothing else is read. */
  | { kind: "nik-column-missing"; line: number };

export interface Layout {
  delimiter: string | null;
  nikColumn: number;
  /** Whether the first line names the columns (and so holds no NIK). */
  header: boolean;
}

const DELIMITERS = [",", ";", "\t", "|"] as const;
const SIXTEEN_DIGITS = /^\d{16}$/;
const HAS_DIGIT = /\d/;

/** Ministries' Excel exports write `;` (Indonesian locale) or `,`; the first line tells which. */
export function delimiterOf(firstLine: string): string | null {
  return DELIMITERS.find((d) => firstLine.includes(d)) ?? null;
}

export function fieldsOf(line: string, delimiter: string | null): string[] {
  if (delimiter === null) return [unquoted(line)];
  if (!line.includes('"')) return line.split(delimiter);
  try {
    const [record] = parse(line, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
    return record ?? [];
  } catch {
    return line.split(delimiter).map(unquoted);
  }
}

function unquoted(value: string): string {
  return value.trim().replace(/^"+|"+$/g, "");
}

const isBlank = (fields: string[]) => fields.every((field) => field.trim() === "");

/**
 * The first non-blank line decides the layout: a field named `nik` makes it a header; a first
 * field with a digit makes it data (one NIK per line, NIK first); anything else is a header
 * that names no NIK column, refused rather than reading every later line as rejected.
 */
export function layoutOf(firstLine: string): Layout | null {
  const delimiter = delimiterOf(firstLine);
  const fields = fieldsOf(firstLine, delimiter).map((f) => unquoted(f).toLowerCase());
  const nikColumn = fields.indexOf("nik");
  if (nikColumn >= 0) return { delimiter, nikColumn, header: true };
  if (HAS_DIGIT.test(fields[0] ?? "")) return { delimiter, nikColumn: 0, header: false };
  return null;
}

/** The NIK of a data line, or null when it holds none. A leading `'` is Excel's "keep as text". */
export function nikOf(fields: string[], nikColumn: number): string | null {
  const value = unquoted(fields[nikColumn] ?? "").replace(/^'/, "");
  return SIXTEEN_DIGITS.test(value) ? value : null;
}

/** Classifies one line once the layout is known; null for a blank line (neither entry nor rejected). */
export function classifyLine(line: string, number: number, layout: Layout): CsvItem | null {
  const fields = fieldsOf(line, layout.delimiter);
  if (isBlank(fields)) return null;
  const nik = nikOf(fields, layout.nikColumn);
  return nik === null ? { kind: "rejected", line: number } : { kind: "entry", line: number, nik };
}

type Source = Buffer | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/** A file already in memory goes to the line reader in 64 KiB slices, not as one huge chunk. */
function* slices(body: Buffer, size = 64 * 1024): Generator<Buffer> {
  for (let at = 0; at < body.length; at += size) yield body.subarray(at, at + size);
}

/**
 * The items of a whole file, read line by line (bounded working memory whatever the size).
 * Lines end in LF, CRLF or CR; a UTF-8 byte order mark is dropped; line numbers start at 1.
 */
export async function* readExclusionCsv(source: Source): AsyncGenerator<CsvItem> {
  const chunks = Buffer.isBuffer(source) ? slices(source) : source;
  const lines = createInterface({ input: Readable.from(chunks), crlfDelay: Infinity });
  let number = 0;
  let layout: Layout | null = null;
  for await (const raw of lines) {
    number += 1;
    const line = number === 1 ? raw.replace(/^\uFEFF/, "") : raw;
    if (layout === null) {
      if (line.trim() === "" || isBlank(fieldsOf(line, delimiterOf(line)))) continue;
      layout = layoutOf(line);
      if (layout === null) {
        yield { kind: "nik-column-missing", line: number };
        return;
      }
      if (layout.header) continue;
    }
    const item = classifyLine(line, number, layout);
    if (item !== null) yield item;
  }
}
