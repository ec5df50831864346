import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crossCheckNik, parseKk, parseNik, type Nik } from "../../functions/src/domain/nik.js";

// Noon in Jakarta on 1 June 2026.
const today = new Date("2026-06-01T05:00:00Z");
const reason = (nik: string) => {
  const parsed = parseNik(nik, today);
  return parsed.ok ? "ok" : parsed.reason;
};

describe("parseNik", () => {
  it("when a man's NIK is read, then region, birth date, sex and serial come out", () => {
    expect(parseNik("3171011203900001", today)).toEqual({
      ok: true,
      value: { provinceCode: "31", regencyCode: "3171", districtCode: "317101", birthDate: "1990-03-12", sex: "male", serial: "0001" },
    });
  });

  it("when a woman's NIK is read (day + 40), then the real day and female come out", () => {
    const parsed = parseNik("3273015203900123", today);
    expect(parsed.ok && parsed.value).toMatchObject({ districtCode: "327301", birthDate: "1990-03-12", sex: "female", serial: "0123" });
    expect(reason("3171014101900001")).toBe("ok");
    expect(reason("3171017101900001")).toBe("ok");
  });

  it.each([
    ["15 digits", "317101120390001"],
    ["17 digits", "31710112039000011"],
    ["a letter", "3171O11203900001"],
    ["spaces", "3171 0112 0390 0001"],
    ["empty", ""],
  ])("when the NIK has %s, then it is refused as nik-format", (_, nik) => {
    expect(reason(nik)).toBe("nik-format");
  });

  it.each([
    ["province", "9901011203900001"],
    ["regency", "3199011203900001"],
    ["district", "3171991203900001"],
  ])("when the %s code is unknown, then it is refused as nik-region-unknown", (_, nik) => {
    expect(reason(nik)).toBe("nik-region-unknown");
  });

  it.each([
    ["day 0", "3171010003900001"],
    ["day 32", "3171013203900001"],
    ["day 40 (a woman's day 0)", "3171014003900001"],
    ["day 72 (a woman's day 32)", "3171017203900001"],
    ["month 0", "3171011200900001"],
    ["month 13", "3171011213900001"],
    ["30 February", "3171013002900001"],
    ["a woman's 30 February", "3171017002900001"],
    ["31 April", "3171013104900001"],
    ["29 February 1997", "3171012902970001"],
  ])("when the birth date has %s, then it is refused as nik-birth-date-invalid", (_, nik) => {
    expect(reason(nik)).toBe("nik-birth-date-invalid");
  });

  it("when the birth date is 29 February of a leap year, then it is accepted, 2000 included", () => {
    const leap1996 = parseNik("3171012902960001", today);
    const leap2000 = parseNik("3171016902000001", today);
    expect(leap1996.ok && leap1996.value.birthDate).toBe("1996-02-29");
    expect(leap2000.ok && leap2000.value).toMatchObject({ birthDate: "2000-02-29", sex: "female" });
  });

  it("when the serial is 0000, then it is refused as nik-serial-zero", () => {
    expect(reason("3171011203900000")).toBe("nik-serial-zero");
  });

  it("when the two-digit year would put the birth in the future, then the previous century is meant", () => {
    const lastCentury = parseNik("3171010206260001", today);
    const thisYear = parseNik("3171010106260001", today);
    const recent = parseNik("3171010101100001", today);
    expect(lastCentury.ok && lastCentury.value.birthDate).toBe("1926-06-02");
    expect(thisYear.ok && thisYear.value.birthDate).toBe("2026-06-01");
    expect(recent.ok && recent.value.birthDate).toBe("2010-01-01");
  });

  it("when a NIK carries a pre-2022 Papua code, then it is valid and placed in today's Papua Pegunungan", () => {
    const parsed = parseNik("9102011203900001", today);
    expect(parsed.ok && parsed.value).toMatchObject({ provinceCode: "95", regencyCode: "9501", districtCode: "950101" });
  });

  it("when a NIK carries a pre-2012 Kalimantan Timur code of Tarakan, then it is placed in Kalimantan Utara", () => {
    const parsed = parseNik("6473025203900001", today);
    expect(parsed.ok && parsed.value).toMatchObject({ provinceCode: "65", regencyCode: "6571", districtCode: "657102", sex: "female" });
  });

  it("when any birth date of the last 99 years is encoded, then parsing gives it back with the sex", () => {
    const birthDates = fc.date({ min: new Date("1927-06-02T00:00:00Z"), max: new Date("2026-06-01T00:00:00Z"), noInvalidDate: true });
    fc.assert(
      fc.property(birthDates, fc.constantFrom("male" as const, "female" as const), fc.integer({ min: 1, max: 9999 }), (date, sex, serial) => {
        const [year, month, day] = date.toISOString().slice(0, 10).split("-").map(Number) as [number, number, number];
        const dd = String(sex === "female" ? day + 40 : day).padStart(2, "0");
        const nik = `317101${dd}${String(month).padStart(2, "0")}${String(year % 100).padStart(2, "0")}${String(serial).padStart(4, "0")}`;
        const parsed = parseNik(nik, today);
        expect(parsed.ok && parsed.value).toMatchObject({ birthDate: date.toISOString().slice(0, 10), sex, serial: nik.slice(12) });
      }),
    );
  });

  it("when any 16 digits are read, then the outcome is a value and an accepted birth date is never after today", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{16}$/), (nik) => {
        const parsed = parseNik(nik, today);
        if (parsed.ok) expect(parsed.value.birthDate <= "2026-06-01").toBe(true);
      }),
    );
  });
});

describe("parseKk", () => {
  /** A NIK that is not the KK: the person's own number, issued anywhere. */
  const NIK = "3171011203900001";

  it("when a KK number is read, then its current region comes out", () => {
    expect(parseKk("3273012001150004", NIK)).toEqual({ ok: true, value: { provinceCode: "32", regencyCode: "3273", districtCode: "327301" } });
  });

  it("when a KK number carries a former Papua Barat code of Sorong, then it is placed in Papua Barat Daya", () => {
    expect(parseKk("9201011005100002", NIK)).toEqual({ ok: true, value: { provinceCode: "96", regencyCode: "9601", districtCode: "960101" } });
  });

  it.each([["317101200115000"], ["32730120011500041"], ["32730120011500O4"], [""]])("when the KK number is %j, then it is refused as kk-format", (kk) => {
    expect(parseKk(kk, NIK)).toEqual({ ok: false, reason: "kk-format" });
  });

  it("when the KK region is unknown, then it is refused as kk-region-unknown", () => {
    expect(parseKk("3171992001150004", NIK)).toEqual({ ok: false, reason: "kk-region-unknown" });
  });

  it("when the KK number is the person's NIK, then it is refused as kk-equals-nik (a family of one would escape the family limit)", () => {
    expect(parseKk(NIK, NIK)).toEqual({ ok: false, reason: "kk-equals-nik" });
  });

  it("when the KK is equal to the NIK but malformed, then the format is what is reported", () => {
    expect(parseKk("317101", "317101")).toEqual({ ok: false, reason: "kk-format" });
  });
});

describe("crossCheckNik", () => {
  const nik: Nik = { provinceCode: "31", regencyCode: "3171", districtCode: "317101", birthDate: "1990-03-12", sex: "female", serial: "0001" };

  it("when the form agrees with the NIK, then there is no discrepancy", () => {
    expect(crossCheckNik(nik, { birthDate: "1990-03-12", sex: "female" })).toEqual([]);
  });

  it("when birth date and sex differ, then both discrepancies are listed in order (evidence for verification, not a refusal)", () => {
    expect(crossCheckNik(nik, { birthDate: "1990-12-03", sex: "male" })).toEqual(["nik-birth-date-differs", "nik-sex-differs"]);
    expect(crossCheckNik(nik, { birthDate: "1990-03-12", sex: "male" })).toEqual(["nik-sex-differs"]);
  });

  it("when the NIK 3204101503900021 (digits: 1990-03-15) meets the KTP date 1990-04-15, then the birth date differs, and nothing else", () => {
    const parsed = parseNik("3204101503900021", new Date("2026-06-01T00:00:00+07:00"));
    expect(parsed.ok && crossCheckNik(parsed.value, { birthDate: "1990-04-15", sex: "male" })).toEqual(["nik-birth-date-differs"]);
  });

  it("when the person now lives in another district than the one that issued the NIK, then that is no discrepancy", () => {
    const form = { birthDate: "1990-03-12", sex: "female" as const, districtCode: "327301" };
    expect(crossCheckNik(nik, form)).toEqual([]);
  });
});
