import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageOn } from "../../functions/src/domain/age.js";

/** Noon in Jakarta (05:00 UTC) on a calendar date. */
const noonInJakarta = (date: string) => new Date(`${date}T12:00:00+07:00`);

describe("ageOn", () => {
  it("when it is the day before the 18th birthday, then the person is 17", () => {
    expect(ageOn("2008-06-15", noonInJakarta("2026-06-14"))).toBe(17);
  });

  it("when it is the 18th birthday itself, then the person is 18", () => {
    expect(ageOn("2008-06-15", noonInJakarta("2026-06-15"))).toBe(18);
    expect(ageOn("2008-06-15", new Date("2026-06-15T00:00:00+07:00"))).toBe(18);
  });

  it("when someone born on 29 February meets a non-leap year, then they turn 18 on 1 March, not 28 February", () => {
    expect(ageOn("2008-02-29", noonInJakarta("2026-02-28"))).toBe(17);
    expect(ageOn("2008-02-29", noonInJakarta("2026-03-01"))).toBe(18);
  });

  it("when someone born on 29 February meets a leap year, then 29 February is the birthday", () => {
    expect(ageOn("2004-02-29", noonInJakarta("2024-02-28"))).toBe(19);
    expect(ageOn("2004-02-29", noonInJakarta("2024-02-29"))).toBe(20);
  });

  it("when it is 23:30 UTC the day before, then it is already the birthday in Jakarta but not in UTC", () => {
    const instant = new Date("2026-06-14T23:30:00Z");
    expect(ageOn("2008-06-15", instant)).toBe(18);
    expect(ageOn("2008-06-15", instant, "Asia/Jakarta")).toBe(18);
    expect(ageOn("2008-06-15", instant, "UTC")).toBe(17);
  });

  it("when the birth date is not a real date, then it is a programming error", () => {
    expect(() => ageOn("2007-02-29", noonInJakarta("2026-01-01"))).toThrow(RangeError);
  });

  it("when time goes on, then the age never decreases and grows by one each birthday", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1950-01-01T00:00:00Z"), max: new Date("2010-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 60 * 366 }),
        fc.integer({ min: 0, max: 400 }),
        (birth, offsetDays, stepDays) => {
          const birthDate = birth.toISOString().slice(0, 10);
          const earlier = new Date(birth.getTime() + offsetDays * 86_400_000);
          const later = new Date(earlier.getTime() + stepDays * 86_400_000);
          const [a, b] = [ageOn(birthDate, earlier, "UTC"), ageOn(birthDate, later, "UTC")];
          expect(b).toBeGreaterThanOrEqual(a);
          expect(b - a).toBeLessThanOrEqual(Math.ceil(stepDays / 365));
        },
      ),
    );
  });
});
