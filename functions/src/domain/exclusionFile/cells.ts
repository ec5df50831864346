import { parse } from "csv-parse/sync";

/**
 * The fields of one line and what a cell holds. One physical line is one record, always: a
 * streaming CSV parser lets a quoted field run over line ends, so one stray `"` in a name column
 * would swallow every later line into one bad record and silently drop the people on them
 * (tried: csv-parse does exactly that, even with skip_records_with_error). Here a line with
 * quotes is parsed on its own by csv-parse; if its quotes do not close, it is split at every
 * delimiter instead, and a continuation line of a multi-line field is simply a rejected line.
 */

/** Splits one line; `null` is a file of one column. */
export function fieldsOf(line: string, delimiter: string | null): string[] {
  if (delimiter === null) return [line];
  if (!line.includes('"')) return line.split(delimiter);
  try {
    const [record]: (string[] | undefined)[] = parse(line, { delimiter, relax_quotes: true, relax_column_count: true });
    return record ?? [];
  } catch {
    return line.split(delimiter);
  }
}

/**
 * The field at `column`, as fieldsOf would give it. A quote only changes the fields from where it
 * stands on, so a line whose first quote comes after the end of this field is split plainly; the
 * CSV parser, far slower, is for the others (a name before the NIK quoted, a `="…"` NIK cell).
 */
export function fieldAt(line: string, delimiter: string | null, column: number): string | undefined {
  if (delimiter === null) return column === 0 ? line : undefined;
  const quote = line.indexOf('"');
  if (quote >= 0) {
    let end = -1;
    for (let i = 0; i <= column && (i === 0 || end >= 0); i += 1) end = line.indexOf(delimiter, end + 1);
    if (end < 0 || quote < end) return fieldsOf(line, delimiter)[column];
  }
  return line.split(delimiter, column + 1)[column];
}

/** A line with nothing but spaces, delimiters and quotes (Excel pads empty rows with delimiters). */
export const isBlankLine = (line: string): boolean => /^[\s,;|"']*$/.test(line);

/**
 * The value of a cell as Excel meant it: `="…"` (a formula that keeps digits as text), a quoted
 * value whose quotes a broken line kept, or `'…` (Excel's "keep as text" mark) give their text.
 */
export function cellOf(field: string | undefined): string {
  const value = (field ?? "").trim();
  const formula = /^="(.*)"$/s.exec(value);
  const text = formula === null ? value.replace(/^"+|"+$/g, "").trim() : formula[1].trim();
  return text.replace(/^'/, "");
}

const SIXTEEN_DIGITS = /^\d{16}$/;
/**
 * A 16-digit number as Excel writes a number cell: in scientific notation (`3.17101E+15`, or
 * `3,17101E+15` in an Indonesian locale), with decimals (`3171011203900000.00`) or grouped
 * (`3.171.011.203.900.000`). Excel holds 15 significant digits, so the NIK's last digit is gone.
 */
const EXCEL_NUMBER = /^(?:[1-9][.,]\d+E\+?15|\d{16}[.,]0+|[1-9]([.,])\d{3}(?:\1\d{3}){4}(?:[.,]0+)?)$/i;

/** What a cell in the NIK column holds: a NIK's 16 digits, a NIK number Excel damaged, or neither. */
export type NikCell = { kind: "digits"; nik: string } | { kind: "excel-number" } | null;

export function nikCellOf(cell: string): NikCell {
  if (SIXTEEN_DIGITS.test(cell)) return { kind: "digits", nik: cell };
  return EXCEL_NUMBER.test(cell) ? { kind: "excel-number" } : null;
}

/** Column names a header may give the NIK, compared in lower case with punctuation as spaces. */
const NIK_NAMES = new Set(["nik", "n i k", "no nik", "nomor nik", "nik ktp", "no ktp", "nomor ktp", "nomor induk kependudukan"]);

export const isNikName = (cell: string): boolean =>
  NIK_NAMES.has(
    cell
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim(),
  );

/** Column names a header may give a mobile number (priority lists carry one for invitations), compared as NIK names are. */
const PHONE_NAMES = new Set([
  "hp",
  "no hp",
  "nomor hp",
  "no telp",
  "no telepon",
  "nomor telepon",
  "telepon",
  "telp",
  "phone",
  "ponsel",
  "no ponsel",
  "nomor ponsel",
  "whatsapp",
  "no wa",
]);

export const isPhoneName = (cell: string): boolean =>
  PHONE_NAMES.has(
    cell
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim(),
  );

/** A line as a refusal may show it: digit runs that could be NIKs become `#`s, and it is cut at 120 characters. */
export function masked(line: string): string {
  const hidden = line.replace(/\d{5,}/g, (digits) => "#".repeat(digits.length));
  return hidden.length > 120 ? `${hidden.slice(0, 120)}…` : hidden;
}
