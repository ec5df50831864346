import { isUtf8 } from "node:buffer";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstInvalidUtf8 } from "../../functions/src/domain/exclusionFile/encoding.js";
import { cut, entries, NIK, read, utf16be, utf16le, utf8, utf8Bom } from "./exclusionCsvFiles.js";

/** The encodings real exports come in, as bytes: what is read, and what is refused with what was found. */

/** Excel's "Unicode Text" export: UTF-16LE with a byte order mark, tab-separated, CRLF. */
const UNICODE_TEXT = `NO\tNAMA\tNIK\r\n1\tBudi Santoso, S.Pd\t${NIK[0]}\r\n2\tNi Luh Putu Ayu Saraswatī\t${NIK[1]}\r\n`;
const READ = [
  { kind: "entry", line: 2, nik: NIK[0] },
  { kind: "entry", line: 3, nik: NIK[1] },
];

describe("readExclusionCsv: encodings", () => {
  it("when the file is UTF-16LE with a byte order mark (Excel's Unicode Text), then it is read", async () => {
    expect(await read(utf16le(UNICODE_TEXT))).toEqual(READ);
  });

  it("when the file is UTF-16BE with a byte order mark, then it is read", async () => {
    expect(await read(utf16be(UNICODE_TEXT))).toEqual(READ);
  });

  it("when the file is UTF-8 with or without a byte order mark, then it is read", async () => {
    expect(await read(utf8Bom(UNICODE_TEXT))).toEqual(READ);
    expect(await read(utf8(UNICODE_TEXT))).toEqual(READ);
  });

  it("when UTF-16 bytes arrive cut anywhere (inside the mark, a code unit, a CRLF), then the items are the same", async () => {
    for (const file of [utf16le(UNICODE_TEXT), utf16be(UNICODE_TEXT)]) {
      await fc.assert(
        fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: file.length - 1 }), { maxLength: 10 }), async (at) => {
          expect(await read(cut(file, at))).toEqual(READ);
        }),
        { numRuns: 40 },
      );
    }
  });

  it("when the bytes are not UTF-8 (Windows-1252 `é`), then it is refused with the line, offset and byte found", async () => {
    const file = Buffer.concat([utf8(`nama;nik\r\nJos`), Buffer.from([0xe9]), utf8(`;${NIK[0]}\r\n`)]);
    expect(await read(file)).toEqual([{ kind: "refused", line: 2, reason: "file-not-utf8", details: { line: 2, offset: 13, byte: "0xE9" } }]);
  });

  it("when a UTF-8 file with a byte order mark has a byte that is not UTF-8, then it is refused too", async () => {
    const file = Buffer.concat([utf8Bom(`nik\n${NIK[0]}\n`), Buffer.from([0xc3, 0x28]), utf8(`\n`)]);
    expect(await read(file)).toEqual([{ kind: "refused", line: 3, reason: "file-not-utf8", details: { line: 3, offset: 24, byte: "0xC3" } }]);
  });

  it("when a body in memory has a bad byte past its first 64 KiB, then it is refused; a stream is checked on its first 64 KiB only", async () => {
    const lines = Array.from({ length: 5_000 }, (_, i) => `3171011203${String(900001 + i)};Budi`);
    const file = Buffer.concat([utf8(`nik;nama\n${lines.join("\n")}\n`), utf8(`${NIK[1]};Jos`), Buffer.from([0xe9]), utf8("\n")]);
    expect(await read(file)).toEqual([
      { kind: "refused", line: 5_002, reason: "file-not-utf8", details: { line: 5_002, offset: file.length - 2, byte: "0xE9" } },
    ]);
    // Streamed, the line reads with U+FFFD in the name, which is never kept: its NIK still counts.
    const streamed = await read(cut(file, [1000, 70_000]));
    expect(entries(streamed)).toHaveLength(5_001);
  });

  it("when a UTF-8 character is cut by the end of the first 64 KiB of a stream, then that is no error", async () => {
    const file = utf8(`nik;nama\n${Array.from({ length: 3_000 }, (_, i) => `3171011203${String(900001 + i)};Sé`).join("\n")}\n`);
    const at = file.indexOf(Buffer.from("é"), 64 * 1024) + 1;
    expect(entries(await read(cut(file, [at])))).toHaveLength(3_000);
  });

  it("when the file is a workbook, UTF-32 or has zero bytes (UTF-16 without a mark), then it is refused saying which", async () => {
    const refusedAs = async (bytes: Buffer) => (await read(bytes)).map((i) => (i.kind === "refused" ? [i.reason, i.details] : i.kind));
    expect(await refusedAs(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).toEqual([["file-not-text", { found: "zip-archive" }]]);
    expect(await refusedAs(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00]))).toEqual([["file-not-text", { found: "ole2-compound-file" }]]);
    expect(await refusedAs(Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x00]), Buffer.from("n\0\0\0", "latin1")]))).toEqual([
      ["file-not-text", { found: "utf-32-byte-order-mark" }],
    ]);
    expect(await refusedAs(Buffer.from(`NIK;NAMA\r\n${NIK[0]};José\r\n`, "utf16le"))).toEqual([["file-not-text", { found: "zero-byte", line: 1 }]]);
    expect(await refusedAs(Buffer.from(`\r\nNIK\r\n${NIK[0]}\r\n`, "utf16le").swap16())).toEqual([["file-not-text", { found: "zero-byte", line: 1 }]]);
  });
});

describe("firstInvalidUtf8", () => {
  it("when bytes are arbitrary, then it finds an invalid byte exactly when Node's isUtf8 says they are not UTF-8", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        expect(firstInvalidUtf8(bytes) === -1).toBe(isUtf8(bytes));
      }),
      { numRuns: 2_000 },
    );
  });

  it("when text is UTF-8, then there is none; when a byte is broken, then its offset is the answer", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect(firstInvalidUtf8(Buffer.from(text, "utf8"))).toBe(-1);
      }),
    );
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xed, 0xa0, 0x80]))).toBe(1); // a UTF-16 surrogate written as UTF-8
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xc0, 0x80]))).toBe(1); // an overlong NUL
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xe2, 0x82]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xe2, 0x82]), false)).toBe(-1); // the rest may be in the next chunk
  });
});
