import { describe, expect, it } from "vitest";
import { farAboveExpected, isExcelDamaged } from "../../functions/src/domain/exclusionFile/excelDamage.js";
import { entries, excelDamaged, NIK, nikNumber, read, refusal, rejected, utf16le, utf8, utf8Bom } from "./exclusionCsvFiles.js";

/** Excel's damage to NIK columns typed as numbers, on files as bytes: stopped before anything is taken. */

const list = (niks: string[], header = "NIK;NAMA") => `${header}\r\n${niks.map((nik, i) => `${nik};Orang ${i + 1}`).join("\r\n")}\r\n`;
const niks = (count: number, from = 0) => Array.from({ length: count }, (_, i) => nikNumber(from + i));

describe("readExclusionCsv: Excel-damaged NIKs", () => {
  it("when a NIK column was saved as numbers (every 16th digit 0), then the file is refused with the counts found and no item", async () => {
    const file = utf8Bom(`sep=;\r\nDAFTAR PEGAWAI 2025;\r\n${list(niks(30).map(excelDamaged))}`);
    expect(await read(file)).toEqual([
      { kind: "refused", line: 33, reason: "nik-damaged-by-excel", details: { column: 1, checked: 30, endingInZero: 30, excelNumbers: 0 } },
    ]);
  });

  it("when the damaged file is Excel's Unicode Text (UTF-16LE, tabs), then it is refused the same way", async () => {
    const file = utf16le(
      `NO\tNIK\tNAMA\r\n${niks(25)
        .map((nik, i) => `${i + 1}\t${excelDamaged(nik)}\tOrang`)
        .join("\r\n")}\r\n`,
    );
    expect(refusal(await read(file))).toMatchObject({ reason: "nik-damaged-by-excel", details: { column: 2, checked: 25, endingInZero: 25 } });
  });

  it("when NIKs are written in Excel's number notations (scientific, decimals, grouped), then the file is refused", async () => {
    const notations = ["3.17101E+15", "3,17101E+15", "3171011203900000.00", "3.171.011.203.900.000", "3,171,011,203,900,000.00"];
    const file = utf8(list(Array.from({ length: 20 }, (_, i) => notations[i % notations.length])));
    expect(refusal(await read(file))).toMatchObject({ details: { column: 1, checked: 20, endingInZero: 0, excelNumbers: 20 } });
  });

  it("when half of the NIKs are damaged (text and number cells mixed), then the file is refused", async () => {
    const mixed = niks(40).map((nik, i) => (i % 2 === 0 ? excelDamaged(nik) : `="${nik}"`));
    expect(refusal(await read(utf8(list(mixed))))).toMatchObject({ reason: "nik-damaged-by-excel", details: { checked: 40 } });
  });

  it("when a short list of 6 to 19 NIKs all end in 0, then it is refused; 5 are too few to tell", async () => {
    expect(refusal(await read(utf8(list(niks(8).map(excelDamaged)))))).toMatchObject({ details: { checked: 8, endingInZero: 8 } });
    const five = await read(utf8(list(niks(5, 7).map(excelDamaged))));
    expect(refusal(five)).toBeUndefined();
    // Serials 0008–0012: 0008 and 0009 became 0000, never issued, so rejected line by line.
    expect(entries(five)).toEqual(["3171011203900010", "3171011203900010", "3171011203900010"]);
    expect(rejected(five)).toEqual([2, 3]);
  });

  it("when a list is intact (about 1 in 10 NIKs end in 0), then every NIK is read, past the sample and in order", async () => {
    const intact = niks(2_500);
    const items = await read(utf8(list(intact)));
    expect(entries(items)).toEqual(intact);
    expect(items.map((i) => i.line)).toEqual(intact.map((_, i) => i + 2));
  });

  it("when the issue's example is the file, then the damaged NIK is not taken and nothing else is", async () => {
    const file = utf8(list(["3171011203900000", ...niks(24, 100).map(excelDamaged)]));
    const items = await read(file);
    expect(items).toHaveLength(1);
    expect(JSON.stringify(items)).not.toMatch(/\d{10}/);
  });

  it("when single NIKs end in 0 in an intact list, then they are entries (only serial 0000 is rejected)", async () => {
    const file = utf8(list([NIK[0], "3171011203900010", NIK[1], "3171011203900000"]));
    const items = await read(file);
    expect(entries(items)).toEqual([NIK[0], "3171011203900010", NIK[1]]);
    expect(rejected(items)).toEqual([5]);
  });
});

describe("isExcelDamaged", () => {
  const tally = (checked: number, endingInZero: number, excelNumbers = 0) => ({ checked, endingInZero, excelNumbers });

  it("when 20 or more NIKs were checked, then damage five standard deviations above the expected 1 in 10 stops the import", () => {
    expect([farAboveExpected(20), farAboveExpected(100), farAboveExpected(1_000)]).toEqual([9, 25, 148]);
    expect([isExcelDamaged(tally(20, 9)), isExcelDamaged(tally(20, 8)), isExcelDamaged(tally(100, 45)), isExcelDamaged(tally(1_000, 100, 50))]).toEqual([
      true,
      false,
      true,
      true,
    ]);
  });

  it("when an intact list's last digits are drawn at random, then it is (practically) never stopped", () => {
    let seed = 7;
    const nextDigit = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648), Math.floor((seed / 2_147_483_648) * 10));
    for (let list = 0; list < 2_000; list += 1) {
      const n = 20 + (list % 981);
      let zeros = 0;
      for (let i = 0; i < n; i += 1) if (nextDigit() === 0) zeros += 1;
      expect(isExcelDamaged(tally(n, zeros)), `list of ${n} with ${zeros} ending in 0`).toBe(false);
    }
  });

  it("when fewer were checked, then only all of at least 6 damaged stops it", () => {
    expect([isExcelDamaged(tally(6, 6)), isExcelDamaged(tally(19, 18)), isExcelDamaged(tally(5, 5)), isExcelDamaged(tally(0, 0))]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});
