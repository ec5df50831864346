import type { RefusalDetails } from "../outcome.js";
import { cellOf, fieldsOf, isNikName, isPhoneName, masked, nikCellOf } from "./cells.js";
import type { Line } from "./lines.js";

/**
 * Where the NIKs of a file are, decided on its first lines (the window). The rule:
 *
 * 1. A first line `sep=X` (Excel's) names the delimiter. Otherwise each of `;` `,` tab `|` that
 *    occurs in the window is tried, and "no delimiter" (one column) always is; fields are split
 *    with quotes respected (cells.ts).
 * 2. Under each, the header is the first window line with a cell naming the NIK (`NIK`, `No. KTP`,
 *    … see cells.ts); lines above it are a title. Without one, the NIK column is the one column
 *    holding 16-digit numbers (or Excel's damaged forms of them): when two do (a KK number has 16
 *    digits too) the file is refused as ambiguous; data starts at the first line holding one.
 * 3. The delimiter kept is the one under which most window lines hold a NIK in the NIK column;
 *    then one that found a header; then the one under which most lines have as many fields as
 *    the header or first data line (consistency); then the order above.
 *
 * Deciding on NIKs first is what reads `3171011203900001;Drs. Budi Santoso, M.Si;Dinas`: split at
 * commas, its lines are as consistent as at semicolons, but only semicolons leave a NIK in a cell.
 */

export interface Layout {
  /** `null`: one column, the line is the cell. */
  delimiter: string | null;
  nikColumn: number;
  /** The line naming the columns, if any. */
  header: number | null;
  /** The first line read as data; lines before it are the title (and the header). */
  firstData: number;
  /** The column the header names as a mobile number (cells.ts `isPhoneName`), if any: priority lists read it, exclusion lists do not. */
  phoneColumn: number | null;
}

export type LayoutRefusal = "nik-column-missing" | "nik-column-ambiguous";
export type LayoutFinding = { ok: true; layout: Layout } | { ok: false; reason: LayoutRefusal; details: RefusalDetails };

/** The lines looked at: enough for a title, a header and a few data lines. */
export const WINDOW_LINES = 10;

const DELIMITERS = [";", ",", "\t", "|"] as const;
const DELIMITER_NAMES: Record<string, string> = { ";": "semicolon", ",": "comma", "\t": "tab", "|": "pipe" };

/** Excel's first line naming the delimiter: `sep=;` (some writers quote it). */
export function sepOf(line: string): string | null {
  return /^"?sep=(.)"?$/i.exec(line.replace(/^[ ]+|[ ]+$/g, ""))?.[1] ?? null;
}

interface Candidate {
  delimiter: string | null;
  rows: string[][];
  /** Index of the header row in the window, or -1. */
  header: number;
  /** NIK columns found (one, or several when ambiguous). */
  columns: number[];
  /** Window lines holding a NIK in the NIK column. */
  hits: number;
  /** Window lines from the header or first data line on with as many fields as it. */
  consistent: number;
}

const isNikLike = (cell: string) => nikCellOf(cellOf(cell)) !== null;

function candidate(window: readonly Line[], delimiter: string | null): Candidate {
  const rows = window.map((line) => fieldsOf(line.text, delimiter));
  const header = rows.findIndex((row) => row.some((field) => isNikName(cellOf(field))));
  const count = (column: number, from: number) => rows.slice(from).filter((row) => isNikLike(row[column] ?? "")).length;
  const consistentFrom = (from: number) => rows.slice(from).filter((row) => row.length === rows[from]?.length).length;
  if (header >= 0) {
    const column = rows[header].findIndex((field) => isNikName(cellOf(field)));
    return { delimiter, rows, header, columns: [column], hits: count(column, header + 1), consistent: consistentFrom(header) };
  }
  const width = Math.max(...rows.map((row) => row.length));
  const counts = Array.from({ length: width }, (_, column) => count(column, 0));
  const best = Math.max(...counts);
  // A column with a stray 16-digit value is not a NIK column: it needs half as many as the best.
  const columns = best === 0 ? [] : counts.flatMap((n, column) => (n * 2 >= best ? [column] : []));
  const first = columns.length === 1 ? rows.findIndex((row) => isNikLike(row[columns[0]] ?? "")) : 0;
  return { delimiter, rows, header, columns, hits: best, consistent: consistentFrom(first) };
}

const rank = (c: Candidate, order: number) => [c.hits, c.header >= 0 ? 1 : 0, c.consistent, -order];

function better(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}

/** The layout of a file from its window (its first non-blank lines after any `sep=` line). */
export function layoutOf(window: readonly Line[], sep: string | null = null): LayoutFinding {
  const tried = sep === null ? [...DELIMITERS.filter((d) => window.some((line) => line.text.includes(d))), null] : [sep];
  const candidates = tried.map((delimiter) => candidate(window, delimiter));
  let best = 0;
  candidates.forEach((c, order) => {
    if (better(rank(c, order), rank(candidates[best], best))) best = order;
  });
  const chosen = candidates[best];
  const last = window.at(-1)?.number ?? 0;
  const column = chosen.columns[0];
  if (chosen.columns.length > 1) {
    return {
      ok: false,
      reason: "nik-column-ambiguous",
      details: { linesRead: last, delimiter: nameOf(chosen.delimiter), columns: chosen.columns.map((c) => c + 1).join(", ") },
    };
  }
  if (column === undefined) return { ok: false, reason: "nik-column-missing", details: missing(window, sep) };
  const start = chosen.header >= 0 ? chosen.header + 1 : chosen.rows.findIndex((row) => isNikLike(row[column] ?? ""));
  const firstData = window[start]?.number ?? last + 1;
  const phoneColumn = chosen.header >= 0 ? chosen.rows[chosen.header].findIndex((field) => isPhoneName(cellOf(field))) : -1;
  const header = chosen.header >= 0 ? window[chosen.header].number : null;
  return { ok: true, layout: { delimiter: chosen.delimiter, nikColumn: column, header, firstData, phoneColumn: phoneColumn >= 0 ? phoneColumn : null } };
}

const nameOf = (delimiter: string | null) => (delimiter === null ? "none" : (DELIMITER_NAMES[delimiter] ?? delimiter));

/**
 * What a file without a NIK column showed: the delimiter that splits most window lines into the
 * same number of fields (2 or more), and the table's first row: the first line with that many
 * fields, none of them empty.
 */
function missing(window: readonly Line[], sep: string | null): RefusalDetails {
  let found: { delimiter: string | null; width: number; lines: number } = { delimiter: null, width: 1, lines: 0 };
  for (const delimiter of sep === null ? DELIMITERS : [sep]) {
    const widths = window.map((line) => fieldsOf(line.text, delimiter).length);
    for (const width of new Set(widths)) {
      const lines = widths.filter((w) => w === width).length;
      if (width >= 2 && (lines > found.lines || (lines === found.lines && width > found.width))) found = { delimiter, width, lines };
    }
  }
  const rows = window.map((line) => ({ line, fields: fieldsOf(line.text, found.delimiter) }));
  const full = rows.filter((row) => row.fields.length === found.width);
  // Excel pads a title row with delimiters to the table's width: a header has no empty cell.
  const row = (full.find((r) => r.fields.every((field) => cellOf(field) !== "")) ?? full[0] ?? rows[0])?.line;
  return { linesRead: window.at(-1)?.number ?? 0, delimiter: nameOf(found.delimiter), fields: found.width, header: masked(row?.text ?? "") };
}
