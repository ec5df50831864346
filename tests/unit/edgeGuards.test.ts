import { describe, expect, it } from "vitest";
import { INPUT_LIMITS, inputShapeProblem } from "../../functions/src/edge/inputShape.js";
import { transportCodeOf } from "../../functions/src/edge/transportErrors.js";

describe("the shape of an input from outside", () => {
  it("when a form-like input arrives, then it passes", () => {
    expect(inputShapeProblem({ requestId: "x", person: { nik: "3171011203900001", consent: true, strata: { counts: { "31": 2 } } } })).toBeNull();
    expect(inputShapeProblem(null)).toBeNull();
  });

  it("when arrays are nested thousands deep, then it is too-deep, found without recursion", () => {
    const deep = JSON.parse(`${"[".repeat(100_000)}${"]".repeat(100_000)}`) as unknown;
    expect(inputShapeProblem(deep)).toBe("too-deep");
  });

  it("when nesting is exactly at the limit, then it passes, and one more level does not", () => {
    const nest = (levels: number): unknown => (levels === 0 ? 1 : [nest(levels - 1)]);
    expect(inputShapeProblem(nest(INPUT_LIMITS.depth))).toBeNull();
    expect(inputShapeProblem(nest(INPUT_LIMITS.depth + 1))).toBe("too-deep");
  });

  it("when an input holds more values than any form, then it is too-many-values", () => {
    expect(inputShapeProblem({ list: Array.from({ length: INPUT_LIMITS.values }, (_, i) => i) })).toBe("too-many-values");
  });

  it("when a key is @type or __proto__ anywhere, then it is reserved-key", () => {
    expect(inputShapeProblem({ a: { "@type": "x" } })).toBe("reserved-key");
    expect(inputShapeProblem(JSON.parse('{"strata":{"counts":{"__proto__":5}}}'))).toBe("reserved-key");
  });
});

describe("what an unexpected error tells the caller", () => {
  it("when Firestore gives up on a contended transaction (ABORTED), then the caller may send it again", () => {
    expect(transportCodeOf(Object.assign(new Error("10 ABORTED: Too much contention"), { code: 10 }))).toBe("aborted");
  });

  it("when a service is down or slow (UNAVAILABLE, DEADLINE_EXCEEDED), then it is unavailable", () => {
    expect(transportCodeOf({ code: 14 })).toBe("unavailable");
    expect(transportCodeOf({ code: 4 })).toBe("unavailable");
  });

  it("when anything else fails, then it is internal", () => {
    expect(transportCodeOf(new Error("bug"))).toBe("internal");
    expect(transportCodeOf({ code: "auth/internal-error" })).toBe("internal");
    expect(transportCodeOf(null)).toBe("internal");
  });
});

describe("a refusal's words", () => {
  it("when a text names what was found, then the places are filled from the refusal's details and an unknown place stays as written", async () => {
    const { filled } = await import("../../functions/src/edge/http.js");
    expect(filled("byte {byte} on line {line}", { byte: "0xE9", line: 3 })).toBe("byte 0xE9 on line 3");
    expect(filled("line {line} of {total}", { line: 3 })).toBe("line 3 of {total}");
    expect(filled("nothing to fill", undefined)).toBe("nothing to fill");
  });

  it("when a detail is an instant (ISO, UTC, as details carry it), then the message shows it in WIB; other strings stay as they are", async () => {
    const { filled } = await import("../../functions/src/edge/http.js");
    expect(filled("stalled after {stallsAt}", { stallsAt: "2026-03-16T03:05:00.000Z" })).toBe("stalled after 2026-03-16 10:05 WIB");
    expect(filled("at {at}", { at: "2026-12-31T20:00:00Z" })).toBe("at 2027-01-01 03:00 WIB");
    expect(filled("day {day}, wave {waveId}", { day: "2026-03-16", waveId: "2026-1" })).toBe("day 2026-03-16, wave 2026-1");
  });
});
