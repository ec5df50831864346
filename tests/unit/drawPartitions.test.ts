import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { carriedHits, checkedAgainst } from "../../functions/src/domain/closeRecheck.js";
import { chunkId, chunkLine, entryOfLine, PARTITIONS, partitionOf, partitionRange, PID_ALPHABET } from "../../functions/src/domain/draw/partitions.js";

/** The close's partitions of the pid space and its chunk lines (domain/draw/partitions.ts), and what the re-check carries (domain/closeRecheck.ts). */
describe("the pid partitions", () => {
  it("when pids are sorted bytewise, then their partitions come in index order and each range holds exactly its partition's pids", () => {
    expect(PARTITIONS).toBe(64);
    expect([...PID_ALPHABET].sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1)).join("")).toBe(PID_ALPHABET);
    const pids = Array.from({ length: 2000 }, () => randomBytes(32).toString("base64url")).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    const order = pids.map((pid) => partitionOf(pid)!);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const pid of pids) {
      const { from, to } = partitionRange(partitionOf(pid)!);
      expect(pid >= from && (to === null || pid < to)).toBe(true);
    }
    expect(partitionRange(63)).toEqual({ from: "z", to: null });
    expect(() => partitionRange(64)).toThrow(RangeError);
    expect(chunkId(7, 12)).toBe("07-000012");
  });

  it("when an entry is written as a chunk line and read back, then it is the same entry (an absent stratum and a false priority stay absent)", () => {
    const pid = randomBytes(32).toString("base64url");
    const family = randomBytes(32).toString("base64url");
    for (const entry of [
      { pid, stratum: "31", family, familyRecipientsBefore: 1 },
      { pid, family, familyRecipientsBefore: 0 },
      { pid, stratum: "52", family, familyRecipientsBefore: 0, priority: true as const },
    ])
      expect(entryOfLine(chunkLine(entry))).toEqual(entry);
  });
});

describe("what the close's re-check carries from the last check", () => {
  it("when the last check named exactly the current list versions, then it is current; a version moved, added or missing makes it stale", () => {
    expect(checkedAgainst({ police: 3, military: 1 }, { police: 3, military: 1 })).toBe(true);
    expect(checkedAgainst({}, {})).toBe(true);
    expect(checkedAgainst({ police: 2, military: 1 }, { police: 3, military: 1 })).toBe(false);
    expect(checkedAgainst({ police: 3 }, { police: 3, military: 1 })).toBe(false);
    expect(checkedAgainst({ police: 3, military: 1 }, { police: 3 })).toBe(false);
  });

  it("when the last check gave list reasons, then the same hits are carried: on an exclusion list, and the block list", () => {
    expect(carriedHits([])).toEqual([]);
    expect(carriedHits(["under-age", "on-exclusion-list"])).toEqual(["police"]);
    expect(carriedHits(["blocked"])).toEqual(["block-list"]);
  });
});
