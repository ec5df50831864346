import { describe, expect, it } from "vitest";
import { calendarDate, jakartaIsoDay, jakartaTime } from "../../../hosting/src/format.js";
import { myDataFileName } from "../../../hosting/src/pages/status/myDataFileName.js";

/** 14:05 in Jakarta (UTC+7) on 17 August 2026; still 16 August in some time zones' evening. */
const MOMENT = new Date("2026-08-17T07:05:00Z");

describe("dates and times in the page's language", () => {
  it("when the page is in Bahasa Indonesia, then a moment reads the Indonesian way, in Jakarta time", () => {
    expect(jakartaTime(MOMENT, "id")).toBe("17 Agustus 2026 pukul 14.05 WIB");
  });

  it("when the page is in English, then the same moment reads in English, still in Jakarta time: no 'pukul', no 'Agustus'", () => {
    const english = jakartaTime(MOMENT, "en");
    expect(english).toBe("17 August 2026 at 14:05 WIB");
    expect(english).not.toMatch(/pukul|Agustus/);
  });

  it("when a moment is past midnight in Jakarta but not in UTC, then the Jakarta date is shown in both languages", () => {
    const lateUtc = new Date("2026-12-31T18:30:00Z");
    expect(jakartaTime(lateUtc, "id")).toBe("1 Januari 2027 pukul 01.30 WIB");
    expect(jakartaTime(lateUtc, "en")).toBe("1 January 2027 at 01:30 WIB");
  });

  it("when a birth date is shown, then the month is named in the page's language and the day never shifts", () => {
    expect(calendarDate("1995-05-17", "id")).toBe("17 Mei 1995");
    expect(calendarDate("1995-05-17", "en")).toBe("17 May 1995");
    expect(calendarDate("2000-08-01", "en")).toBe("1 August 2000");
  });

  it("when a date is malformed, then it is shown as it came", () => {
    expect(calendarDate("17-05-1995x", "en")).toBe("17-05-1995x");
  });
});

describe("the 'Unduh data saya' file name", () => {
  it("when the copy is made early in the Jakarta morning (still the day before in UTC), then the file is dated the Jakarta day", () => {
    expect(myDataFileName({ madeAt: "2026-11-30T23:30:00.000Z" })).toBe("data-saya-prakerja-2026-12-01.json");
    expect(myDataFileName({ madeAt: "2026-11-30T16:59:59.999Z" })).toBe("data-saya-prakerja-2026-11-30.json");
    expect(jakartaIsoDay(new Date("2026-12-31T17:00:00Z"))).toBe("2027-01-01");
  });
});
