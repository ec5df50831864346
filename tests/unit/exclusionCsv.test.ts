import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readExclusionCsv, type CsvItem } from "../../functions/src/domain/exclusionCsv.js";
import { fieldAt, fieldsOf } from "../../functions/src/domain/exclusionFile/cells.js";
import { cut, entries, NIK, read, refusal, rejected, utf8, utf8Bom } from "./exclusionCsvFiles.js";

/** Reading exclusion list files, each given as the bytes of a file: pure, no Firebase. */

describe("readExclusionCsv: lines and cells", () => {
  it("when the file is one NIK per line without a header, then every line is an entry with its line number", async () => {
    expect(await read(utf8(`${NIK[0]}\n${NIK[1]}\n`))).toEqual([
      { kind: "entry", line: 1, nik: NIK[0] },
      { kind: "entry", line: 2, nik: NIK[1] },
    ]);
  });

  it("when the first line is the header `nik` (any case, quoted or not), then it is no entry and numbering still counts it", async () => {
    for (const header of ["nik", "NIK", '"Nik"', " nik ", "No. NIK", "NIK KTP", "Nomor Induk Kependudukan"]) {
      expect(await read(utf8(`${header}\n${NIK[0]}\n`)), header).toEqual([{ kind: "entry", line: 2, nik: NIK[0] }]);
    }
  });

  it("when there are extra columns, then the `nik` column is taken wherever it is", async () => {
    const items = await read(utf8(`no,nama,nik,instansi\n1,Budi,${NIK[0]},Kemenkeu\n2,Ani,${NIK[1]},Polri\n`));
    expect(entries(items)).toEqual([NIK[0], NIK[1]]);
  });

  it("when the delimiter is `;` (Indonesian Excel) or a tab, then it is found", async () => {
    expect(entries(await read(utf8(`nama;nik\nBudi, S.Kom;${NIK[0]}\n`)))).toEqual([NIK[0]]);
    expect(entries(await read(utf8(`nik\tnama\n${NIK[1]}\tAni\n`)))).toEqual([NIK[1]]);
  });

  it("when a name is quoted and holds the delimiter, then the nik column is still found", async () => {
    expect(entries(await read(utf8(`nama,nik\n"Budi, S.Kom",${NIK[0]}\n"Ani ""Tini""",${NIK[1]}\n`)))).toEqual([NIK[0], NIK[1]]);
  });

  it("when a line has a quote that never closes, then only that line is affected and later lines are read", async () => {
    const items = await read(utf8(`nik,nama\n${NIK[0]},"Budi\n${NIK[1]},Ani\n"oops,x\n${NIK[2]},Tono\n`));
    expect(entries(items)).toEqual([NIK[0], NIK[1], NIK[2]]);
    expect(rejected(items)).toEqual([4]);
  });

  it("when lines are blank or hold only spaces or delimiters, then they are skipped, neither entries nor rejected", async () => {
    const items = await read(utf8(`\n  \nnik,nama\n\n${NIK[0]},Budi\n , \n\t\n${NIK[1]},Ani`));
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
    expect(await read(utf8(`nik\r\n${NIK[0]}\r\n${NIK[1]}\r\n`))).toEqual(expected);
    expect(await read(utf8(`nik\r${NIK[0]}\r${NIK[1]}\r`))).toEqual(expected);
  });

  it("when lines are not 16 digits or have serial 0000, then they are rejected by line number only, never with their content", async () => {
    const file = utf8(`nik\n${NIK[0]}\n317101120390001\n31710112039000011\n3171O11203900001\n3171011203900000\n${NIK[1]}\n`);
    const items = await read(file);
    expect(entries(items)).toEqual([NIK[0], NIK[1]]);
    expect(rejected(items)).toEqual([3, 4, 5, 6]);
    for (const item of items.filter((i) => i.kind === "rejected")) expect(Object.keys(item).sort()).toEqual(["kind", "line"]);
  });

  it("when 16 digits carry a region code our table does not know, or Excel's text marks `'…` and `=\"…\"`, then they still count", async () => {
    const file = utf8(`nik;nama\n9999011203900001;A\n'${NIK[0]};B\n="${NIK[1]}";C\n"=""${NIK[2]}""";D\n`);
    expect(entries(await read(file))).toEqual(["9999011203900001", NIK[0], NIK[1], NIK[2]]);
  });

  it("when the file is empty, blank or only a byte order mark, then there are no items", async () => {
    expect(await read(Buffer.alloc(0))).toEqual([]);
    expect(await read(utf8("\n\r\n  \n"))).toEqual([]);
    expect(await read(utf8Bom(""))).toEqual([]);
  });

  it("when a whole file is one Buffer larger than a slice, then every line is read once, in order", async () => {
    const many = Array.from({ length: 5_000 }, (_, i) => `3171011203${String(900001 + i)}`);
    const items = await read(utf8(`nik\r\n${many.join("\r\n")}\r\n`));
    expect(items).toHaveLength(5_000);
    expect(items[4_999]).toEqual({ kind: "entry", line: 5_001, nik: many[4_999] });
  });

  it("when the bytes arrive cut anywhere (inside the BOM, a CRLF, a NIK), then the items are the same", async () => {
    const file = utf8Bom(`sep=;\r\nDAFTAR;;\r\nnama;nik\r\n"Budi; S.Kom";${NIK[0]}\r\nbad;line\r\n\r\nAni;="${NIK[1]}"\r\n`);
    const whole = await read(file);
    expect(entries(whole)).toEqual([NIK[0], NIK[1]]);
    expect(rejected(whole)).toEqual([5]);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: file.length - 1 }), { maxLength: 12 }), async (at) => {
        expect(await read(cut(file, at))).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });

  it("when the file is given as string chunks, then they are read as UTF-8", async () => {
    expect(entries(await read(["nik\n31710112", `03900001\n${NIK[1]}\n`]))).toEqual([NIK[0], NIK[1]]);
  });
});

describe("readExclusionCsv: the layout of a real export", () => {
  it("when a `;` file has a comma in a name and no header, then the NIK column is found (not 0 entries)", async () => {
    const file = utf8(`3171011203900001;Drs. Budi Santoso, M.Si;Dinas Pendidikan\r\n3273015203900123;Ir. Ani Lestari, M.T.;Dinas PU\r\n`);
    expect(entries(await read(file))).toEqual([NIK[0], NIK[1]]);
  });

  it("when the header is `NIK;NAMA, GELAR;INSTANSI`, then its NIK column is found", async () => {
    const file = utf8(`NIK;NAMA, GELAR;INSTANSI\r\n3171011203900001;Drs. Budi Santoso, M.Si;Dinas Pendidikan\r\n`);
    expect(await read(file)).toEqual([{ kind: "entry", line: 2, nik: NIK[0] }]);
  });

  it("when names hold two commas each (as many fields as the `;` split), then the split that leaves a NIK in a cell wins", async () => {
    const file = utf8(`NIK;NAMA\n${NIK[0]};Prof. Dr. Budi, M.Si, Ph.D\n${NIK[1]};Dr. Ani, S.H, M.H\n`);
    expect(entries(await read(file))).toEqual([NIK[0], NIK[1]]);
  });

  it("when Excel wrote `sep=;` first, then `;` is the delimiter and that line is neither entry nor rejected", async () => {
    const file = utf8(`sep=;\r\nNAMA;NIK\r\nBudi, S.Kom;${NIK[0]}\r\n`);
    expect(await read(file)).toEqual([{ kind: "entry", line: 3, nik: NIK[0] }]);
    expect(await read(utf8(`"sep=,"\nnik,nama\n${NIK[1]},Ani; Tini\n`))).toEqual([{ kind: "entry", line: 3, nik: NIK[1] }]);
  });

  it("when title rows (padded with delimiters by Excel) are above the header, then they are skipped and the data read", async () => {
    const file = utf8(`DAFTAR PNS DINAS PENDIDIKAN TAHUN 2025;;\r\nPer 1 Januari 2025;;\r\n;;\r\nNO;NAMA;NIK\r\n1;Budi;${NIK[0]}\r\n2;Ani;${NIK[1]}\r\n`);
    expect(await read(file)).toEqual([
      { kind: "entry", line: 5, nik: NIK[0] },
      { kind: "entry", line: 6, nik: NIK[1] },
    ]);
  });

  it("when a title is above headerless data, then it is skipped; a line there with a long digit run is rejected, not dropped", async () => {
    const file = utf8(`Daftar 2025\n31710112039000\n${NIK[0]};Budi\n${NIK[1]};Ani\n`);
    const items = await read(file);
    expect(entries(items)).toEqual([NIK[0], NIK[1]]);
    expect(rejected(items)).toEqual([2]);
  });

  it("when a headerless file has its one 16-digit column anywhere, then that column is the NIK", async () => {
    const file = utf8(`1,Budi,${NIK[0]},081234567890\n2,Ani,${NIK[1]},081298765432\n`);
    expect(entries(await read(file))).toEqual([NIK[0], NIK[1]]);
  });

  it("when a headerless file has two 16-digit columns (NIK and KK), then it is refused naming the columns found", async () => {
    const file = utf8(`Budi;${NIK[0]};3171010101090001\nAni;${NIK[1]};3171010101090002\n`);
    expect(await read(file)).toEqual([
      { kind: "refused", line: 2, reason: "nik-column-ambiguous", details: { linesRead: 2, delimiter: "semicolon", columns: "2, 3" } },
    ]);
  });

  it("when no column is named NIK or holds 16 digits, then it is refused with the table's first row found, its digit runs hidden", async () => {
    const file = utf8(`LAPORAN;;\r\nno;nama;nomor induk\r\n1;Budi;317101120390001\r\n2;Ani;327301520390012\r\n`);
    expect(await read(file)).toEqual([
      { kind: "refused", line: 4, reason: "nik-column-missing", details: { linesRead: 4, delimiter: "semicolon", fields: 3, header: "no;nama;nomor induk" } },
    ]);
    const noHeader = await read(utf8(`1;Budi;317101120390001\n2;Ani;327301520390012\n`));
    expect(refusal(noHeader)).toMatchObject({ reason: "nik-column-missing", details: { header: "1;Budi;###############" } });
    expect(JSON.stringify(noHeader)).not.toMatch(/\d{5}/);
  });

  it("when only the first lines are looked at for the layout, then a header further down is not taken", async () => {
    const file = utf8(`${"catatan\n".repeat(12)}nik\n${NIK[0]}\n`);
    expect(refusal(await read(file))).toMatchObject({ reason: "nik-column-missing", details: { linesRead: 10 } });
  });

  it("when the file is refused, then the refusal is the only item, so nothing of the file is taken", async () => {
    const items: CsvItem[] = [];
    for await (const item of readExclusionCsv(utf8(`Budi;${NIK[0]};${NIK[1]}\n`))) items.push(item);
    expect(items.map((i) => i.kind)).toEqual(["refused"]);
  });
});

describe("fieldAt", () => {
  it("when any line is split, then the field it gives is the one the CSV parser gives", () => {
    const line = fc.string({ unit: fc.constantFrom("3", "a", " ", '"', ";", ",", "=", "'"), maxLength: 30 });
    fc.assert(
      fc.property(line, fc.constantFrom(";", ","), fc.nat(4), (text, delimiter, column) => {
        expect(fieldAt(text, delimiter, column)).toEqual(fieldsOf(text, delimiter)[column]);
      }),
      { numRuns: 3_000 },
    );
  });
});
