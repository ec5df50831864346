import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseKk, parseNik } from "../../functions/src/domain/nik.js";
import { currentRegionOf, findDistrict } from "../../functions/src/domain/regions/index.js";
import { buildRegionFiles, DEFAULT_EDITIONS_DIR, EXCEPTIONS_FILE, REPO_ROOT } from "../../scripts/regions/build.js";
import { readTable } from "../../scripts/regions/csv.js";
import { EDITIONS } from "../../scripts/regions/editions.js";
import { EXCEPTION_COLUMNS, REASONS } from "../../scripts/regions/mapping.js";

/**
 * The region sweep: every district code of every decree edition (data/wilayah, the committed copy of
 * the program's reference data) against the committed data the functions use.
 */
const today = new Date("2026-06-01T05:00:00Z");
const sameName = (a: string, b: string) => a.toLowerCase().replace(/[^a-z0-9]/g, "") === b.toLowerCase().replace(/[^a-z0-9]/g, "");

function editionDistricts(year: number): { code: string; name: string }[] {
  const file = join(DEFAULT_EDITIONS_DIR, `districts-${year}.csv`);
  if (!existsSync(file)) throw new Error(`${file} is missing: the region sweep needs the editions' CSVs in data/wilayah`);
  return readTable(file, ["code", "name", "level"] as const).filter((row) => row.level === "district");
}

const exceptions = new Map(readTable(EXCEPTIONS_FILE, EXCEPTION_COLUMNS).map((row) => [`${row.code}|${row.name}`, row]));

describe("region sweep over every decree edition", () => {
  it.each(EDITIONS.map((e) => [e.year, e.decree]))(
    "when any district code of the %s edition (%s) starts a NIK or KK, then it is accepted and lands on today's district of the same name or a listed exception",
    (year) => {
      const districts = editionDistricts(Number(year));
      expect(districts.length).toBeGreaterThan(7_000);
      const wrong: string[] = [];
      for (const { code, name } of districts) {
        const region = currentRegionOf(code);
        const kk = parseKk(`${code}0101200001`, `${code}0101900001`);
        const nik = parseNik(`${code}0101900001`, today);
        if (!region || !kk.ok || !nik.ok) {
          wrong.push(`${code} ${name}: refused`);
          continue;
        }
        const target = findDistrict(region.districtCode)!;
        const exception = exceptions.get(`${code}|${name}`);
        if (exception ? exception.current_code !== target.code : !sameName(target.name, name)) wrong.push(`${code} ${name} → ${target.code} ${target.name}`);
        if (region.regencyCode !== target.regencyCode || region.provinceCode !== target.code.slice(0, 2)) wrong.push(`${code}: region does not nest`);
      }
      expect(wrong).toEqual([]);
    },
  );

  it("when exceptions.csv is read, then each row gives a reason and a note, and today's name of its target", () => {
    for (const row of exceptions.values()) {
      expect(REASONS, row.code).toContain(row.reason);
      expect(row.note.trim(), row.code).not.toBe("");
      expect(findDistrict(row.current_code)?.name, row.code).toBe(row.current_name);
    }
  });

  it("when the generator runs on the editions, then it gives exactly the committed data", () => {
    const { files } = buildRegionFiles();
    for (const [path, content] of Object.entries(files))
      expect(readFileSync(join(REPO_ROOT, path), "utf8"), `${path}: run npm run regions:generate`).toBe(content);
  }, 30_000);
});

describe("the cases the issue names", () => {
  const districtOfNik = (nik: string) => {
    const parsed = parseNik(nik, today);
    return parsed.ok ? `${parsed.value.districtCode} ${findDistrict(parsed.value.districtCode)?.name}` : parsed.reason;
  };

  it("when a NIK was issued in Kurulu under 91.02.03, then it is placed in 95.01.02 Kurulu, not 95.01.03 Asologaima", () => {
    expect(districtOfNik("9102031203900001")).toBe("950102 Kurulu");
  });

  it("when a NIK was issued in Napua under 91.02.41, then it is accepted and placed in 95.01.13 Napua", () => {
    expect(districtOfNik("9102415203900001")).toBe("950113 Napua");
  });

  it("when a KK was issued in Mariat under 92.01.39, then it is accepted and placed in 96.01.14 Mariat", () => {
    expect(parseKk("9201391005100002", "9201394505900001")).toEqual({ ok: true, value: { provinceCode: "96", regencyCode: "9601", districtCode: "960114" } });
  });

  it("when a NIK was issued in Toili Jaya, created by the 2025 decree (72.01.24), then it is accepted", () => {
    expect(districtOfNik("7201241203900001")).toBe("720124 Toili Jaya");
  });
});
