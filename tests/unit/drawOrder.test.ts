import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TopHeap } from "../../functions/src/domain/draw/heap.js";
import { checkSeed, compareOrder, drawKeyOf, positionOf, rankOf, seedCommitment, type SeatOutcome } from "../../functions/src/domain/draw/index.js";

const low = "00".repeat(32);
const high = "ff".repeat(32);

describe("the draw's order", () => {
  it("when two ranks are equal, then the pid decides, bytewise", () => {
    expect(compareOrder({ rank: low, pid: "B" }, { rank: low, pid: "a" })).toBeLessThan(0);
    expect(compareOrder({ rank: low, pid: "-" }, { rank: low, pid: "0" })).toBeLessThan(0);
    expect(compareOrder({ rank: low, pid: "x" }, { rank: low, pid: "x" })).toBe(0);
  });

  it("when one is on the priority list, then the order still follows the ranks: the flag only opens the priority round's seats", () => {
    const listed = { pid: "z", rank: high, priority: true };
    expect(compareOrder(listed, { rank: low, pid: "a" })).toBeGreaterThan(0);
  });

  it("when ranks differ, then the smaller 256-bit value comes first", () => {
    expect(compareOrder({ rank: `0${"f".repeat(63)}`, pid: "z" }, { rank: `1${"0".repeat(63)}`, pid: "a" })).toBeLessThan(0);
  });
});

describe("seed and draw key", () => {
  it("when the seed is not 32 bytes of lowercase hex, then it is refused", () => {
    expect(checkSeed("AB".repeat(32), seedCommitment("ab".repeat(32)))).toEqual({ ok: false, reason: "seed-malformed" });
    expect(checkSeed("ab".repeat(31), seedCommitment("ab".repeat(32)))).toEqual({ ok: false, reason: "seed-malformed" });
    expect(() => drawKeyOf({ seed: "ab", beaconValue: low, poolRoot: low })).toThrow(RangeError);
  });

  it("when the pool root changes, then the draw key and every rank change", () => {
    const a = drawKeyOf({ seed: low, beaconValue: low, poolRoot: low });
    const b = drawKeyOf({ seed: low, beaconValue: low, poolRoot: `${"0".repeat(63)}1` });
    expect(a).not.toBe(b);
    expect(rankOf(a, "someone")).not.toBe(rankOf(b, "someone"));
  });
});

describe("positionOf", () => {
  const key = drawKeyOf({ seed: low, beaconValue: high, poolRoot: low });
  const me = { pid: "me", stratum: "31" };
  const mine = rankOf(key, me.pid);
  const full = (cutoffRank: string): SeatOutcome => ({ seats: 1, selected: 1, cutoff: { rank: cutoffRank, pid: "other" } });
  const none: SeatOutcome = { seats: 0, selected: 0, cutoff: null };

  it("when a round filled its seats, then only keys up to its cut-off were reached", () => {
    expect(positionOf(me, key, { strata: { "31": { ...full(high), pool: 5 } }, national: none })).toMatchObject({
      rank: mine,
      reachedInStratum: true,
      withinCutoff: true,
    });
    expect(positionOf(me, key, { strata: { "31": { ...full(low), pool: 5 } }, national: none })).toMatchObject({
      reachedInStratum: false,
      withinCutoff: false,
    });
  });

  it("when a round ran out of candidates, then it reached everyone; when it had no seats, nobody", () => {
    const short: SeatOutcome = { seats: 3, selected: 1, cutoff: { rank: low, pid: "other" } };
    expect(positionOf(me, key, { strata: {}, national: short })).toMatchObject({ reachedInStratum: null, reachedNationally: true, withinCutoff: true });
    expect(positionOf(me, key, { strata: { "31": { ...none, pool: 1 } }, national: none })).toMatchObject({ reachedInStratum: null, withinCutoff: false });
  });

  it("when the person is on the priority list, then the priority round's cut-off counts; off the list, it does not", () => {
    const priority = { ...full(high), pool: 2 };
    expect(positionOf({ ...me, priority: true }, key, { strata: {}, national: none, priority })).toMatchObject({ reachedInPriority: true, withinCutoff: true });
    expect(positionOf(me, key, { strata: {}, national: none, priority })).toMatchObject({ reachedInPriority: null, withinCutoff: false });
    expect(positionOf({ ...me, priority: true }, key, { strata: {}, national: none, priority: { ...full(low), pool: 2 } })).toMatchObject({
      reachedInPriority: false,
      withinCutoff: false,
    });
  });
});

describe("the heaps that keep the best candidates", () => {
  it("when ranks share their first 48 bits, then the heap still keeps the best by the full order", () => {
    const shared = "000000000000";
    const rank = fc.stringMatching(/^[0-9a-f]{52}$/).map((rest) => `${shared}${rest}`);
    const entry = fc.record({ pid: fc.stringMatching(/^[a-z]{1,4}$/), rank, priority: fc.boolean() });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.pid, maxLength: 60 }), fc.nat(20), (entries, capacity) => {
        const heap = new TopHeap(capacity);
        for (const e of entries) heap.offer({ ...e, family: "f", familyRecipientsBefore: 0 });
        const best = [...entries].sort(compareOrder).slice(0, capacity);
        expect(heap.sorted().map((e) => e.pid)).toEqual(best.map((e) => e.pid));
      }),
    );
  });
});
