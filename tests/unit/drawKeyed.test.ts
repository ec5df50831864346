import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { heapKey, TopHeap } from "../../functions/src/domain/draw/heap.js";
import { KeyedRank } from "../../functions/src/domain/draw/keyed.js";
import { compareOrder, rankOf } from "../../functions/src/domain/draw/index.js";

const drawKey = fc.stringMatching(/^[0-9a-f]{64}$/);

describe("the reusable keyed hash the scan ranks with", () => {
  it("when it ranks pids one after another under one key, then each rank is rankOf's (createHmac), whatever the pid's length", () => {
    // Lengths cross the block edges: 55 bytes fit one block with the padding, 56 need two.
    const pid = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9_-]{1,128}$/),
      fc.string({ unit: "grapheme", maxLength: 70 }),
      fc.constantFrom("", "a".repeat(55), "b".repeat(56), "c".repeat(119), "d".repeat(120)),
    );
    fc.assert(
      fc.property(drawKey, fc.array(pid, { minLength: 1, maxLength: 8 }), (key, pids) => {
        const ranker = new KeyedRank(key);
        for (const p of pids) expect(ranker.rank(p).hex()).toBe(rankOf(key, p));
      }),
    );
  });

  it("when a rank is read as a 48-bit prefix or as bytes, then both are the rank's leading bytes", () => {
    fc.assert(
      fc.property(drawKey, fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), (key, pid) => {
        const ranker = new KeyedRank(key).rank(pid);
        const rank = rankOf(key, pid);
        expect(ranker.prefix()).toBe(parseInt(rank.slice(0, 12), 16));
        const bytes = new Uint8Array(40);
        ranker.copyTo(bytes, 8);
        expect(Buffer.from(bytes.subarray(8)).toString("hex")).toBe(rank);
      }),
    );
  });

  it("when the draw key is not 64 lowercase hex digits, then it throws a RangeError", () => {
    expect(() => new KeyedRank("AB".repeat(32))).toThrow(RangeError);
  });
});

describe("the heaps fed by the scan (ranks as bytes)", () => {
  it("when ranks share their first 48 bits, then the heap still keeps the best by the full order, and gives each its rank", () => {
    const rank = fc.stringMatching(/^[0-9a-f]{52}$/).map((rest) => `000000000000${rest}`);
    const entry = fc.record({ pid: fc.stringMatching(/^[a-z]{1,4}$/), rank, priority: fc.boolean() });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.pid, maxLength: 60 }), fc.nat(20), (entries, capacity) => {
        const heap = new TopHeap(capacity);
        for (const { pid, rank, priority } of entries) {
          const bytes = { copyTo: (out: Uint8Array, offset: number) => out.set(Buffer.from(rank, "hex"), offset) };
          heap.offerRanked({ pid, family: "f", familyRecipientsBefore: 0, priority }, heapKey(parseInt(rank.slice(0, 12), 16)), bytes);
        }
        const best = [...entries].sort(compareOrder).slice(0, capacity);
        expect(heap.sorted().map((e) => [e.pid, e.rank])).toEqual(best.map((e) => [e.pid, e.rank]));
      }),
    );
  });

  it("when a kept candidate's pid or family key is any text, then the heap gives it back exactly: canonical 32-byte tokens packed, everything else kept as text", () => {
    const canonical = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString("base64url"));
    // One character of a canonical token changed: to another of the alphabet (maybe making the last non-canonical), or to one Node's decoder skips, stops at, or also takes.
    const altered = fc
      .tuple(canonical, fc.nat(42), fc.constantFrom("A", "B", "_", "-", "+", "/", "=", "!", " ", ".", "é", "\u{1F600}"))
      .map(([token, at, c]) => token.slice(0, at) + c + token.slice(at + 1));
    const text = fc.oneof(canonical, altered, fc.string({ minLength: 42, maxLength: 44 }), fc.string({ unit: "grapheme", maxLength: 50 }));
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(text, text), { selector: ([pid]) => pid, minLength: 1, maxLength: 30 }), (entries) => {
        const heap = new TopHeap(entries.length);
        entries.forEach(([pid, family], i) => {
          const rank = i.toString(16).padStart(64, "0");
          const bytes = { copyTo: (out: Uint8Array, offset: number) => out.set(Buffer.from(rank, "hex"), offset) };
          heap.offerRanked({ pid, family, familyRecipientsBefore: 0 }, heapKey(0), bytes);
        });
        expect(heap.sorted().map((e) => [e.pid, e.family])).toEqual(entries);
      }),
      { numRuns: 300 },
    );
  });
});
