import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

/**
 * RFC 4180 CSV: fields may be quoted, a quote inside a quoted field is doubled, LF or CRLF ends a
 * row. The region files are plain ASCII in practice, but their README allows quoting "where CSV
 * needs it", so a name with a comma must not split a row.
 */
export function parseCsv(text: string, file: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (char === '"' && field === "") quoted = true;
    else if (char === ",") endField();
    else if (char === "\n") endRow();
    else if (char !== "\r" || text[i + 1] !== "\n") field += char;
  }
  if (quoted) throw new Error(`${file}: a quoted field is never closed`);
  if (field !== "" || row.length > 0) endRow();
  return rows;
}

/** The rows of a CSV file with the expected header, as objects; a row of the wrong width is refused. */
export function readTable<K extends string>(path: string, columns: readonly K[]): Record<K, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(path, "utf8"), path);
  if (header?.join(",") !== columns.join(",")) throw new Error(`${path}: the header must be ${columns.join(",")}, found ${header?.join(",")}`);
  return rows.map((cells, index) => {
    if (cells.length !== columns.length) throw new Error(`${path}:${index + 2}: ${columns.length} fields expected, found ${cells.length}`);
    return Object.fromEntries(columns.map((column, i) => [column, cells[i]])) as Record<K, string>;
  });
}

export const sha256Of = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

/** A CSV field, quoted only when it must be. */
export const csvField = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
