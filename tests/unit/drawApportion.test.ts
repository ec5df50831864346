import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apportion, MAX_QUOTA, prepareRules, WHOLE } from "../../functions/src/domain/draw/index.js";

const seatsOf = (quota: number, basisPoints: Record<string, number>) => {
  const out = apportion(quota, { kind: "shares", basisPoints });
  if (!out.ok) throw new Error(out.reason);
  return Object.fromEntries(out.value);
};

const codes = ["11", "31", "32", "94", "A"];
const shares = fc.array(fc.nat(WHOLE), { minLength: codes.length, maxLength: codes.length }).map((ws) => {
  const total = ws.reduce((a, b) => a + b, 0);
  const scaled = total > WHOLE ? ws.map((w) => Math.floor((w * WHOLE) / total)) : ws;
  return Object.fromEntries(codes.map((code, i) => [code, scaled[i]]));
});

describe("apportioning seats to strata", () => {
  it("when shares leave remainders, then the largest remainders get the leftover seats", () => {
    expect(seatsOf(10, { A: 3333, B: 3333, C: 3334 })).toEqual({ A: 3, B: 3, C: 4 });
    expect(seatsOf(200_000, { "31": 2000, "94": 150 })).toEqual({ "31": 40_000, "94": 3_000 });
  });

  it("when remainders tie, then the larger share wins, then the code first in byte order", () => {
    expect(seatsOf(1, { B: 5000, A: 5000 })).toEqual({ A: 1, B: 0 });
    expect(seatsOf(5, { A: 1000, B: 3000, C: 1000 })).toEqual({ A: 0, B: 2, C: 0 });
    expect(seatsOf(3, { A: 2500, B: 2500, C: 5000 })).toEqual({ A: 1, B: 1, C: 1 });
  });

  it("whatever the shares, then strata get floor(quota × Σshares / 10000) seats, each within one of its exact share", () => {
    fc.assert(
      fc.property(fc.nat(MAX_QUOTA), shares, (quota, basisPoints) => {
        const seats = seatsOf(quota, basisPoints);
        const totalWeight = Object.values(basisPoints).reduce((a, b) => a + b, 0);
        expect(Object.values(seats).reduce((a, b) => a + b, 0)).toBe(Math.floor((quota * totalWeight) / WHOLE));
        for (const [code, w] of Object.entries(basisPoints)) {
          const exactFloor = Math.floor((quota * w) / WHOLE);
          expect(seats[code] - exactFloor).toBeGreaterThanOrEqual(0);
          expect(seats[code] - exactFloor).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it("when the rules are prepared, then strata seats and national seats add up to the quota", () => {
    fc.assert(
      fc.property(fc.nat(100_000), shares, (quota, basisPoints) => {
        const out = prepareRules({ quota, familyLimit: 2, strata: { kind: "shares", basisPoints } });
        if (!out.ok) throw new Error(out.reason);
        expect([...out.value.seats.values()].reduce((a, b) => a + b, 0) + out.value.nationalSeats).toBe(quota);
      }),
    );
  });

  it("when counts are declared, then they are the seats, and the rest of the quota is national", () => {
    const out = prepareRules({ quota: 10, familyLimit: 2, strata: { kind: "counts", counts: { "31": 3, "94": 2 } } });
    expect(out.ok && { seats: Object.fromEntries(out.value.seats), national: out.value.nationalSeats }).toEqual({ seats: { "31": 3, "94": 2 }, national: 5 });
  });

  it("when the rules cannot be honoured, then they are refused with a reason", () => {
    const rules = (over: object) => prepareRules({ quota: 10, familyLimit: 2, strata: { kind: "none" }, ...over });
    expect(rules({ strata: { kind: "shares", basisPoints: { A: 6000, B: 4001 } } })).toEqual({ ok: false, reason: "shares-exceed-whole" });
    expect(rules({ strata: { kind: "shares", basisPoints: { A: 0.5 } } })).toEqual({ ok: false, reason: "shares-exceed-whole" });
    expect(rules({ strata: { kind: "counts", counts: { A: 6, B: 5 } } })).toEqual({ ok: false, reason: "counts-exceed-quota" });
    expect(rules({ strata: { kind: "counts", counts: { __proto__x: 1, _bad: 1 } } })).toEqual({ ok: false, reason: "stratum-code-invalid" });
    expect(rules({ quota: MAX_QUOTA + 1 })).toEqual({ ok: false, reason: "quota-invalid" });
    expect(rules({ quota: 1.5 })).toEqual({ ok: false, reason: "quota-invalid" });
    expect(rules({ familyLimit: 0 })).toEqual({ ok: false, reason: "family-limit-invalid" });
  });
});
