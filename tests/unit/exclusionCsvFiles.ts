import { readExclusionCsv, type CsvItem, type Source } from "../../functions/src/domain/exclusionCsv.js";

/** Exclusion files as the bytes real exporters write, and what the reader makes of them. */

export const NIK = ["3171011203900001", "3273015203900123", "5171010101800002", "1101014107650003"] as const;

/** NIK number `i` of a made-up list: serials 1, 2, 3, … so about 1 in 10 end in 0, as in real lists. */
export const nikNumber = (i: number) => `3171011203${String(900001 + i).padStart(6, "0")}`;

/** What Excel keeps of a NIK stored as a number: 15 significant digits, the 16th turned to 0. */
export const excelDamaged = (nik: string) => `${nik.slice(0, 15)}0`;

export const utf8 = (text: string) => Buffer.from(text, "utf8");
export const utf8Bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]);
/** Excel's "Unicode Text": UTF-16LE with a byte order mark (tab-separated, CRLF). */
export const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
export const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);

export async function read(source: Source): Promise<CsvItem[]> {
  const items: CsvItem[] = [];
  for await (const item of readExclusionCsv(source)) items.push(item);
  return items;
}

/** The same bytes cut at these offsets, as a stream would deliver them. */
export function cut(bytes: Buffer, at: number[]): Buffer[] {
  const points = [0, ...[...at].sort((a, b) => a - b), bytes.length];
  return points.slice(1).map((end, i) => bytes.subarray(points[i], end));
}

export const entries = (items: CsvItem[]) => items.flatMap((i) => (i.kind === "entry" ? [i.nik] : []));
export const rejected = (items: CsvItem[]) => items.flatMap((i) => (i.kind === "rejected" ? [i.line] : []));
export const refusal = (items: CsvItem[]) => items.find((i) => i.kind === "refused");
