import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layoutOf, readExclusionCsv, type CsvItem } from "../../functions/src/domain/exclusionCsv.js";

/** Reading exclusion list files: pure, no Firebase. */

const NIK = ["3171011203900001", "3273015203900123", "5171010101800002", "1101014107650003"] as const;

async function read(text: string | Uint8Array | Array<string | Uint8Array>): Promise<CsvItem[]> {
  const chunks = Array.isArray(text) ? text : [text];
  const items: CsvItem[] = [];
  for await (const item of readExclusionCsv(chunks)) items.push(item);
  return items;
}

const entries = (items: CsvItem[]) => items.flatMap((i) => (i.kind === "entry" ? [i.nik] : []));
const rejected = (items: CsvItem[]) => items.flatMap((i) => (i.kind === "rejected" ? [i.line] : []));

describe("readExclusionCsv", () => {
  it("when the file is one NIK per line without a header, then every line is an entry with its line number", async () => {
    expect(await read(`${NIK[0]}\n${NIK[1]}\n`)).toEqual([
      { kind: "entry", line: 1, nik: NIK[0] },
      { kind: "entry", line: 2, nik: NIK[1] },
    ]);
  });

  it("when the first line is the header `nik` (any case, quoted or not), then it is no entry and numbering still counts it", async () => {
    for (const header of ["nik", "NIK", '"Nik"', " nik "]) {
      expect(await read(`${header}\n${NIK[0]}\n`)).toEqual([{ kind: "entry", line: 2, nik: NIK[0] }]);
    }
  });

  it("when there are extra columns, then the `nik` column is taken wherever it is", async () => {
    const items = await read(`no,nama,nik,instansi\n1,Budi,${NIK[0]},Kemenkeu\n2,Ani,${NIK[1]},Polri\n`);
    expect(entries(items)).toEqual([NIK[0], NIK[1]]);
  });

  it("when the delimiter is `;` (Indonesian Excel) or a tab, then the first line tells which", async () => {
    expect(entries(await read(`nama;nik\nBudi, S.Kom;${NIK[0]}\n`))).toEqual([NIK[0]]);
    expect(entries(await read(`nik\tnama\n${NIK[1]}\tAni\n`))).toEqual([NIK[1]]);
  });

  it("when a name is quoted and holds the delimiter, then the nik column is still found", async () => {
    expect(entries(await read(`nama,nik\n"Budi, S.Kom",${NIK[0]}\n"Ani ""Tini""",${NIK[1]}\n`))).toEqual([NIK[0], NIK[1]]);
  });

  it("when a line has a quote that never closes, then only that line is affected and later lines are read", async () => {
    const items = await read(`nik,nama\n${NIK[0]},"Budi\n${NIK[1]},Ani\n"oops,x\n${NIK[2]},Tono\n`);
    expect(entries(items)).toEqual([NIK[0], NIK[1], NIK[2]]);
    expect(rejected(items)).toEqual([4]);
  });

  it("when lines are blank or hold only spaces or delimiters, then they are skipped, neither entries nor rejected", async () => {
    const items = await read(`\n  \nnik,nama\n\n${NIK[0]},Budi\n , \n\t\n${NIK[1]},Ani`);
    expect(items).toEqual([
      { kind: "entry", line: 5, nik: NIK[0] },
      { kind: "entry", line: 8, nik: NIK[1] },
    ]);
  });

  it("when lines end in CRLF or a lone CR, then they are read the same as LF", async () => {
    const expected = [
      { kind: "entry", line: 2, nik: NIK[0] },
      { kind: "entry", line: 3, nik: NIK[1] },
    ];
    expect(await read(`nik\r\n${NIK[0]}\r\n${NIK[1]}\r\n`)).toEqual(expected);
    expect(await read(`nik\r${NIK[0]}\r${NIK[1]}\r`)).toEqual(expected);
  });

  it("when the file starts with a UTF-8 byte order mark, then the header and a first NIK are still recognised", async () => {
    expect(entries(await read(`\uFEFFnik\n${NIK[0]}\n`))).toEqual([NIK[0]]);
    expect(entries(await read(`\uFEFF${NIK[0]}\n${NIK[1]}\n`))).toEqual([NIK[0], NIK[1]]);
  });

  it("when lines are not 16 digits, then they are rejected by line number only, never with their content", async () => {
    const items = await read(`nik\n${NIK[0]}\n317101120390001\n31710112039000011\n3171O11203900001\n3.17101E+15\n${NIK[1]}\n`);
    expect(entries(items)).toEqual([NIK[0], NIK[1]]);
    expect(rejected(items)).toEqual([3, 4, 5, 6]);
    for (const item of items.filter((i) => i.kind === "rejected")) expect(Object.keys(item).sort()).toEqual(["kind", "line"]);
  });

  it("when 16 digits carry a region code our table does not know, or Excel's text mark, then they still count", async () => {
    expect(entries(await read(`nik\n9999011203900001\n'${NIK[0]}\n`))).toEqual(["9999011203900001", NIK[0]]);
  });

  it("when the first line names columns but none is nik, then that is said once and nothing else is read", async () => {
    expect(await read(`no,nama,nomor induk\n1,Budi,${NIK[0]}\n`)).toEqual([{ kind: "nik-column-missing", line: 1 }]);
  });

  it("when the file is empty or blank, then there are no items", async () => {
    expect(await read("")).toEqual([]);
    expect(await read("\n\r\n  \n")).toEqual([]);
  });

  it("when a whole file is handed over as one Buffer larger than a slice, then every line is read once, in order", async () => {
    const many = Array.from({ length: 5_000 }, (_, i) => `3171011203${String(900000 + i)}`);
    const items: CsvItem[] = [];
    for await (const item of readExclusionCsv(Buffer.from(`nik\r\n${many.join("\r\n")}\r\n`))) items.push(item);
    expect(items).toHaveLength(5_000);
    expect(items[4_999]).toEqual({ kind: "entry", line: 5_001, nik: many[4_999] });
  });

  it("when the bytes arrive cut anywhere (inside the BOM, a CRLF, a NIK), then the items are the same", async () => {
    const text = Buffer.from(`\uFEFFnama;nik\r\n"Budi; S.Kom";${NIK[0]}\r\nbad;line\r\n\r\nAni;${NIK[1]}\r\n`);
    const whole = await read(text);
    expect(entries(whole)).toEqual([NIK[0], NIK[1]]);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 12 }), async (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), text.length];
        const chunks = points.slice(1).map((end, i) => text.subarray(points[i], end));
        expect(await read(chunks)).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });
});

describe("layoutOf", () => {
  it("when the first line is data, then the NIK is the first column", () => {
    expect(layoutOf(`${NIK[0]},Budi`)).toEqual({ delimiter: ",", nikColumn: 0, header: false });
    expect(layoutOf(NIK[0])).toEqual({ delimiter: null, nikColumn: 0, header: false });
  });

  it("when the first line is a header, then its nik column is used", () => {
    expect(layoutOf("nama;NIK;alamat")).toEqual({ delimiter: ";", nikColumn: 1, header: true });
    expect(layoutOf("nama,alamat")).toBeNull();
  });
});
