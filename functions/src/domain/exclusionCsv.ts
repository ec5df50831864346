import { cellOf, fieldAt, fieldsOf, isBlankLine, nikCellOf, type NikCell } from "./exclusionFile/cells.js";
import { isExcelDamaged, noDamage, SAMPLE_LINES, SAMPLE_NIKS, type DamageTally } from "./exclusionFile/excelDamage.js";
import { layoutOf, sepOf, WINDOW_LINES, type Layout, type LayoutRefusal } from "./exclusionFile/layout.js";
import { openLines, type Line, type Source } from "./exclusionFile/lines.js";
import type { RefusalDetails } from "./outcome.js";

/**
 * Reading an exclusion list file (a ministry's export, or the program's own block list) into
 * NIKs and rejected line numbers. Pure: bytes in, items out; nothing here stores or logs a NIK,
 * and no refusal shows one. The parts, in the order they act, are in exclusionFile/: the
 * encoding (encoding.ts, lines.ts), the layout (layout.ts: `sep=`, delimiter, title, header or
 * the one 16-digit column), the cells (cells.ts: quotes, `="…"`) and Excel's damage (excelDamage.ts).
 *
 * Which values count: every 16-digit value whose serial (last 4 digits) is not 0000, whether or
 * not our region table knows its prefix. Registration only ever hashes a NIK that passed
 * parseNik, so an odd entry costs one write and never matches anyone wrongly; dropping a NIK
 * whose region code we do not know yet (a new split, an old code) would let an excluded person
 * through. Serial 0000 is never issued, and it is what a damaged NIK with serial 0001–0009 becomes.
 */

export type { Source };

/** Why a file is not read at all. */
export type FileRefusal = "file-not-utf8" | "file-not-text" | LayoutRefusal | "nik-damaged-by-excel";

export type CsvItem =
  /** `phone`: the row's cell in the header's mobile-number column, as written (only when the file has one and the cell is not empty). */
  | { kind: "entry"; line: number; nik: string; phone?: string }
  | { kind: "rejected"; line: number }
  /**
   * The file is not read: always the first and only item, so nothing was taken from it. `line` is
   * the line it is about, or the last line looked at.
   */
  | { kind: "refused"; line: number; reason: FileRefusal; details: RefusalDetails };

/** Lines before the data that hold this many digits in a row are rejected, not skipped as a title. */
const DIGIT_RUN = /\d{10,}/;

/**
 * The items of a whole file, read line by line: working memory stays bounded whatever the size
 * (the first 64 KiB, the first WINDOW_LINES lines and the Excel-damage sample of excelDamage.ts
 * are held, nothing more). Line numbers start at 1 and count every physical line.
 */
export async function* readExclusionCsv(source: Source): AsyncGenerator<CsvItem> {
  const opened = await openLines(source);
  if (!opened.ok) {
    yield { kind: "refused", line: "line" in opened.details ? opened.details.line : 1, reason: opened.reason, details: opened.details };
    return;
  }
  const { window, sep } = await windowOf(opened.lines);
  if (window.length === 0) return;
  const found = layoutOf(window, sep);
  if (found.ok) yield* itemsOf(replayed(window, opened.lines), found.layout);
  else yield { kind: "refused", line: window.at(-1)!.number, reason: found.reason, details: found.details };
}

/** The first WINDOW_LINES non-blank lines, after an Excel `sep=` line (read, not kept). */
async function windowOf(lines: AsyncIterator<Line>): Promise<{ window: Line[]; sep: string | null }> {
  const window: Line[] = [];
  let sep: string | null = null;
  while (window.length < WINDOW_LINES) {
    const next = await lines.next();
    if (next.done) break;
    if (isBlankLine(next.value.text)) continue;
    const named: string | null = window.length === 0 && sep === null ? sepOf(next.value.text) : null;
    if (named === null) window.push(next.value);
    else sep = named;
  }
  return { window, sep };
}

async function* replayed(window: Line[], rest: AsyncIterator<Line>): AsyncGenerator<Line> {
  yield* window;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/**
 * Items in file order, held back until the Excel-damage sample is complete: a damaged file is
 * refused before any item of it is out (a use case allocates nothing before its first entry).
 */
async function* itemsOf(lines: AsyncIterable<Line>, layout: Layout): AsyncGenerator<CsvItem> {
  const tally = noDamage();
  let held: CsvItem[] | null = [];
  let last = 0;
  for await (const line of lines) {
    const read = readLine(line, layout);
    if (read === null) continue;
    if (held === null) {
      yield read.item;
      continue;
    }
    count(tally, read.cell);
    held.push(read.item);
    last = line.number;
    if (tally.checked < SAMPLE_NIKS && held.length < SAMPLE_LINES) continue;
    if (isExcelDamaged(tally)) {
      yield damaged(tally, layout, last);
      return;
    }
    yield* held;
    held = null;
  }
  if (held !== null) yield* isExcelDamaged(tally) ? [damaged(tally, layout, last)] : held;
}

function readLine(line: Line, layout: Layout): { item: CsvItem; cell: NikCell } | null {
  if (line.number < layout.firstData) {
    // The title and the header: skipped, unless a line there holds what could be a NIK.
    return line.number === layout.header || !DIGIT_RUN.test(line.text) ? null : { item: { kind: "rejected", line: line.number }, cell: null };
  }
  const cell = nikCellOf(cellOf(fieldAt(line.text, layout.delimiter, layout.nikColumn)));
  if (cell === null && fieldsOf(line.text, layout.delimiter).every((field) => cellOf(field) === "")) return null;
  const entry = cell?.kind === "digits" && !cell.nik.endsWith("0000");
  if (!entry) return { item: { kind: "rejected", line: line.number }, cell };
  const phone = layout.phoneColumn === null ? "" : cellOf(fieldAt(line.text, layout.delimiter, layout.phoneColumn));
  return { item: { kind: "entry", line: line.number, nik: cell.nik, ...(phone === "" ? {} : { phone }) }, cell };
}

function count(tally: DamageTally, cell: NikCell): void {
  if (cell === null) return;
  tally.checked += 1;
  if (cell.kind === "excel-number") tally.excelNumbers += 1;
  else if (cell.nik.endsWith("0")) tally.endingInZero += 1;
}

const damaged = (tally: DamageTally, layout: Layout, line: number): CsvItem => ({
  kind: "refused",
  line,
  reason: "nik-damaged-by-excel",
  details: { column: layout.nikColumn + 1, ...tally },
});
