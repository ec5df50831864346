import { describe, expect, it } from "vitest";
import { dayBounds, daysToCount, jakartaDay, lastDays, parentScope, scopeLevel } from "../../functions/src/domain/dashboard/scope.js";
import { dashboardQueryShapes, shapeOf } from "../../functions/src/domain/dashboard/queries.js";

describe("dashboard scopes", () => {
  it.each([
    ["ID", "national", null],
    ["31", "province", "ID"],
    ["3171", "regency", "31"],
    ["317101", null, null],
    ["id", null, null],
  ])("when the scope is %s, then its level is %s and its parent %s", (scope, level, parent) => {
    expect(scopeLevel(scope)).toBe(level);
    expect(parentScope(scope)).toBe(parent);
  });
});

describe("Jakarta days", () => {
  it("when it is 23:30 UTC, then it is already the next day in Jakarta (UTC+7, no daylight saving)", () => {
    expect(jakartaDay(new Date("2026-03-09T23:30:00Z"))).toBe("2026-03-10");
    expect(jakartaDay(new Date("2026-03-09T16:59:59Z"))).toBe("2026-03-09");
  });

  it("when a day's bounds are asked, then it runs from 00:00 to 24:00 Jakarta time", () => {
    expect(dayBounds("2026-03-10")).toEqual({ from: new Date("2026-03-09T17:00:00Z"), to: new Date("2026-03-10T17:00:00Z") });
  });

  it("when the series already holds every day of the window, then only today and yesterday are counted again", () => {
    const now = new Date("2026-03-10T05:00:00Z");
    const window = lastDays(now, 5);
    expect(window).toEqual(["2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"]);
    expect(daysToCount(now, 5, new Set(window))).toEqual(["2026-03-09", "2026-03-10"]);
    expect(daysToCount(now, 5, new Set(["2026-03-07"]))).toEqual(["2026-03-06", "2026-03-08", "2026-03-09", "2026-03-10"]);
  });
});

describe("dashboard query shapes", () => {
  it("when a query would range over two fields, then it is refused (Firestore serves one range a query)", () => {
    expect(() =>
      shapeOf({
        collection: "applicants",
        filters: [
          { field: "registeredAt", op: ">=", value: new Date(0) },
          { field: "firstPurchaseAt", op: ">", value: new Date(0) },
        ],
      }),
    ).toThrow(/one range field/);
  });

  it("when every builder is asked for its shape, then each shape is listed once", () => {
    const shapes = dashboardQueryShapes().map((shape) => JSON.stringify(shape));
    expect(new Set(shapes).size).toBe(shapes.length);
    expect(shapes.length).toBeGreaterThan(10);
  });
});
