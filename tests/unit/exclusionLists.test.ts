import { describe, expect, it } from "vitest";
import { cached, hitsOf } from "../../functions/src/adapters/exclusionLists.js";

/** The pure parts of the ExclusionLists adapter: which lists a NIK is on, and the short cache of versions. */

describe("hitsOf", () => {
  it("when an entry holds a list's current version, then the NIK is on it; an older or newer version is not", () => {
    const entry = { lists: { "civil-servant": { versions: [1, 2] }, police: { versions: [1] }, student: { versions: [4] } } };
    expect(hitsOf(entry, { "civil-servant": 2, police: 2, student: 3 })).toEqual(["civil-servant"]);
  });

  it("when a list has no version yet or the NIK has no entry, then there is no hit", () => {
    expect(hitsOf({ lists: { military: { versions: [1] } } }, {})).toEqual([]);
    expect(hitsOf(undefined, { military: 1 })).toEqual([]);
  });

  it("when several lists hit, then they come in the order of EXCLUSION_LIST_TYPES", () => {
    const entry = { lists: { "block-list": { versions: [1] }, "civil-servant": { versions: [1] } } };
    expect(hitsOf(entry, { "block-list": 1, "civil-servant": 1 })).toEqual(["civil-servant", "block-list"]);
  });
});

describe("cached", () => {
  it("when called within the time to live, then one load serves all; after it, a new load starts", async () => {
    let clock = 0;
    let loads = 0;
    const get = cached(
      async () => ++loads,
      5_000,
      () => clock,
    );
    expect(await Promise.all([get(), get()])).toEqual([1, 1]);
    clock = 4_999;
    expect(await get()).toBe(1);
    clock = 5_000;
    expect(await get()).toBe(2);
  });

  it("when a load fails, then it is not kept and the next call loads again", async () => {
    let loads = 0;
    const get = cached(
      async () => {
        loads += 1;
        if (loads === 1) throw new Error("unavailable");
        return loads;
      },
      5_000,
      () => 0,
    );
    await expect(get()).rejects.toThrow("unavailable");
    expect(await get()).toBe(2);
  });
});
