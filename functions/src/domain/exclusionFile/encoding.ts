import { isUtf8 } from "node:buffer";

/**
 * Which encoding an exclusion file is in, from its first bytes. Excel saves "CSV UTF-8" with a
 * byte order mark, plain "CSV" in the machine's code page (Windows-1252 on Indonesian Windows),
 * and "Unicode Text" as UTF-16LE with a byte order mark. Only what can be known is accepted:
 * UTF-8 (with or without its mark) and UTF-16 with its mark. A code page cannot be told from the
 * bytes, so a file that is not valid UTF-8 is refused with the first byte that is not, rather
 * than read in a code page guessed for it.
 */

export type FileEncoding = "utf-8" | "utf-16le" | "utf-16be";

/** What the bytes are, when they are not text this reader takes (never a guess at what they mean). */
export type NotText = Signed | "zero-byte";
type Signed = "zip-archive" | "ole2-compound-file" | "utf-32-byte-order-mark";

export type EncodingFinding =
  | { ok: true; encoding: FileEncoding }
  | { ok: false; reason: "file-not-text"; details: { found: Signed } | { found: "zero-byte"; line: number } }
  | { ok: false; reason: "file-not-utf8"; details: { line: number; offset: number; byte: string } };

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/** Signatures checked in this order: UTF-32's marks begin with UTF-16's, so they go first. */
const SIGNATURES: readonly { bytes: readonly number[]; is: FileEncoding | Signed }[] = [
  { bytes: [0xff, 0xfe, 0x00, 0x00], is: "utf-32-byte-order-mark" },
  { bytes: [0x00, 0x00, 0xfe, 0xff], is: "utf-32-byte-order-mark" },
  { bytes: [0xef, 0xbb, 0xbf], is: "utf-8" },
  { bytes: [0xff, 0xfe], is: "utf-16le" },
  { bytes: [0xfe, 0xff], is: "utf-16be" },
  // An .xlsx workbook is a ZIP archive; an .xls workbook an OLE2 compound file.
  { bytes: [0x50, 0x4b, 0x03, 0x04], is: "zip-archive" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], is: "ole2-compound-file" },
];

/**
 * The encoding of a file from its first bytes (`head`). `whole` is true when `head` is the whole
 * file: then an unfinished UTF-8 sequence at its end is an error, not the start of the next chunk.
 */
export function encodingOf(head: Uint8Array, whole: boolean): EncodingFinding {
  const signature = SIGNATURES.find((s) => startsWith(head, s.bytes));
  const is = signature?.is ?? "utf-8";
  if (is !== "utf-8" && is !== "utf-16le" && is !== "utf-16be") return { ok: false, reason: "file-not-text", details: { found: is } };
  if (is !== "utf-8") return { ok: true, encoding: is };
  // No text holds U+0000; in bytes without a UTF-16 mark, 0x00 is what UTF-16 text has for ASCII.
  const zero = head.indexOf(0x00);
  if (zero >= 0) return { ok: false, reason: "file-not-text", details: { found: "zero-byte", line: lineAt(head, zero) } };
  if (whole && isUtf8(head)) return { ok: true, encoding: is };
  const at = firstInvalidUtf8(head, whole);
  if (at < 0) return { ok: true, encoding: "utf-8" };
  return {
    ok: false,
    reason: "file-not-utf8",
    details: { line: lineAt(head, at), offset: at, byte: `0x${head[at].toString(16).toUpperCase().padStart(2, "0")}` },
  };
}

/** Second-byte ranges of each UTF-8 lead byte (Unicode, table 3-7); later bytes are 80–BF. */
function sequenceOf(lead: number): { length: number; low: number; high: number } | null {
  if (lead >= 0xc2 && lead <= 0xdf) return { length: 2, low: 0x80, high: 0xbf };
  if (lead === 0xe0) return { length: 3, low: 0xa0, high: 0xbf };
  if (lead === 0xed) return { length: 3, low: 0x80, high: 0x9f };
  if (lead >= 0xe1 && lead <= 0xef) return { length: 3, low: 0x80, high: 0xbf };
  if (lead === 0xf0) return { length: 4, low: 0x90, high: 0xbf };
  if (lead >= 0xf1 && lead <= 0xf3) return { length: 4, low: 0x80, high: 0xbf };
  if (lead === 0xf4) return { length: 4, low: 0x80, high: 0x8f };
  return null;
}

/**
 * The offset of the first byte that is not well-formed UTF-8, or -1. With `whole` false, a
 * sequence cut by the end of `bytes` is not an error (the rest is in the next chunk).
 */
export function firstInvalidUtf8(bytes: Uint8Array, whole = true): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at];
    if (lead < 0x80) {
      at += 1;
      continue;
    }
    const sequence = sequenceOf(lead);
    if (sequence === null) return at;
    for (let k = 1; k < sequence.length; k += 1) {
      const next = bytes[at + k];
      if (next === undefined) return whole ? at : -1;
      const [low, high] = k === 1 ? [sequence.low, sequence.high] : [0x80, 0xbf];
      if (next < low || next > high) return at;
    }
    at += sequence.length;
  }
  return -1;
}

/** The 1-based line of a byte offset, counting line ends as the line reader does (LF, CRLF, CR). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line += 1;
  }
  return line;
}
