import { describe, expect, it } from "vitest";
import { NIK, read, utf8 } from "./exclusionCsvFiles.js";

/** A priority list's file is read as an exclusion list's, with the row's mobile number when the header names a column for it. */
describe("the list file's mobile-number column", () => {
  it("when the header names a column `No HP`, then each entry carries that cell, and an empty cell carries nothing", async () => {
    const items = await read(utf8(`nama;NIK;No HP\nBudi;${NIK[0]};0812-7000-0001\nAni;${NIK[1]};\n`));
    expect(items).toEqual([
      { kind: "entry", line: 2, nik: NIK[0], phone: "0812-7000-0001" },
      { kind: "entry", line: 3, nik: NIK[1] },
    ]);
  });

  it("when no header names a mobile number, then entries carry none (an exclusion list reads as before)", async () => {
    expect(await read(utf8(`nik,telepon kantor\n${NIK[0]},021555\n`))).toEqual([{ kind: "entry", line: 2, nik: NIK[0] }]);
    expect(await read(utf8(`${NIK[0]}\n`))).toEqual([{ kind: "entry", line: 1, nik: NIK[0] }]);
  });
});
