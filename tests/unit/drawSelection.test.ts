import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  drawKeyOf,
  finalize,
  initialCapacities,
  mergePartitions,
  positionOf,
  prepareRules,
  referenceDraw,
  runDraw,
  scanPool,
  type Candidate,
  type DrawResult,
  type DrawRules,
} from "../../functions/src/domain/draw/index.js";

/** Short keys, and keyed IDs of the real shape (43 base64url characters), which the heaps keep as bytes. */
const FAMILIES = ["fa", "fb", "fc", "fd", "mTp0Bf2prdXbWkhukW1ZyIg8AGJTPd7Hov49dAbeIPs", "ff", "iPFBH_bBs0qgQnAdBJvttx8zoopV8dn71ryUy46PH6o", "fh"];
const CODES = ["11", "31", "94", "A"];

/** Priors are per family, as the closing process gives them. */
const priors = fc.array(fc.nat(2), { minLength: FAMILIES.length, maxLength: FAMILIES.length });
const entries = fc.uniqueArray(
  fc.record({
    pid: fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9_-]{3,10}$/),
      fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString("base64url")),
      // 43 characters but not canonical (the last one's low bits set): kept as text, given back unchanged.
      fc.stringMatching(/^[A-Za-z0-9_-]{42}[BCDFGH]$/),
    ),
    stratum: fc.option(fc.constantFrom(...CODES), { nil: undefined }),
    family: fc.nat(FAMILIES.length - 1),
    priority: fc.option(fc.constant(true as const), { nil: undefined }),
  }),
  { selector: (e) => e.pid, maxLength: 90 },
);
const pool = fc
  .tuple(priors, entries)
  .map(([before, list]): Candidate[] => list.map((e) => ({ ...e, family: FAMILIES[e.family], familyRecipientsBefore: before[e.family] })));

const strata = fc.oneof(
  fc.constant({ kind: "none" as const }),
  fc.dictionary(fc.constantFrom(...CODES), fc.nat(3300), { maxKeys: 3 }).map((basisPoints) => ({ kind: "shares" as const, basisPoints })),
);
/** A priority round of a share of the quota, or none. */
const priority = fc.option(
  fc.integer({ min: 1, max: 10_000 }).map((basisPoints) => ({ basisPoints })),
  { nil: undefined },
);
const rules = fc
  .record({ quota: fc.nat(40), familyLimit: fc.integer({ min: 1, max: 3 }), strata, priority })
  .map(({ priority: share, ...r }): DrawRules => (share === undefined ? r : { ...r, priority: share }))
  .chain((r) =>
    fc.oneof(
      fc.constant<DrawRules>(r),
      fc
        .dictionary(fc.constantFrom(...CODES), fc.nat(Math.floor((r.quota - Math.floor((r.quota * (r.priority?.basisPoints ?? 0)) / 10_000)) / 4)), {
          maxKeys: 4,
        })
        .map((counts): DrawRules => ({ ...r, strata: { kind: "counts", counts } })),
    ),
  );
const drawKey = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString("hex"));
const world = fc.record({ pool, rules, drawKey });

function reference(p: readonly Candidate[], r: DrawRules, key: string): DrawResult {
  const out = referenceDraw(p, r, key);
  if (!out.ok) throw new Error(out.reason);
  return out.value;
}

/** Heaps start as planned, or at one candidate (global, strata, priority or all) so that re-reads happen. */
type Heaps = "planned" | "tiny" | "tiny-strata" | "tiny-global" | "tiny-priority" | "no-priority";

async function streamed(p: readonly Candidate[], r: DrawRules, key: string, heaps: Heaps = "planned"): Promise<DrawResult> {
  const prepared = prepareRules(r);
  if (!prepared.ok) throw new Error(prepared.reason);
  const size = (tiny: boolean) => (tiny ? 1 : p.length);
  const capacities =
    heaps === "planned"
      ? undefined
      : {
          global: size(heaps === "tiny" || heaps === "tiny-global"),
          // "no-priority": a priority heap of 0 must still grow to what the round needs.
          priority: heaps === "no-priority" ? 0 : size(heaps === "tiny" || heaps === "tiny-priority"),
          strata: new Map([...prepared.value.seats.keys()].map((c) => [c, size(heaps === "tiny" || heaps === "tiny-strata")])),
        };
  const out = await runDraw(() => p, r, key, capacities);
  if (!out.ok) throw new Error(out.reason);
  return out.value.result;
}

/** Each part scanned apart, the summaries merged; enlarged and redone as runDraw would. */
function byPartitions(p: readonly Candidate[], parts: readonly number[], r: DrawRules, key: string): DrawResult {
  const prepared = prepareRules(r);
  if (!prepared.ok) throw new Error(prepared.reason);
  let capacities = initialCapacities(prepared.value);
  for (;;) {
    const summaries = [0, 1, 2, 3].map((k) =>
      scanPool(
        key,
        capacities,
        p.filter((_, i) => (parts[i] ?? 0) === k),
      ),
    );
    const merged = mergePartitions(summaries);
    if (!merged.ok) throw new Error(merged.reason);
    const out = finalize(prepared.value, merged.value);
    if (out.ok) return out.value;
    if (out.reason === "duplicate-pid") throw new Error(out.reason);
    capacities = out.capacities;
  }
}

describe("the streaming draw", () => {
  it("whatever the pool and rules, then it gives exactly what the whole-pool specification gives, even with heaps of one", async () => {
    await fc.assert(
      fc.asyncProperty(world, async ({ pool: p, rules: r, drawKey: key }) => {
        const expected = reference(p, r, key);
        for (const heaps of ["planned", "tiny", "tiny-strata", "tiny-global", "tiny-priority", "no-priority"] as const)
          expect(await streamed(p, r, key, heaps)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it("when the pool is read in another order, then the result is the same", async () => {
    const shuffled = world.chain((w) => fc.shuffledSubarray(w.pool, { minLength: w.pool.length }).map((order) => ({ ...w, order })));
    await fc.assert(
      fc.asyncProperty(shuffled, async ({ pool: p, order, rules: r, drawKey: key }) => {
        expect(await streamed(order, r, key)).toEqual(await streamed(p, r, key));
      }),
    );
  });

  it("when the pool is split into partitions scanned apart and merged, then the result is the same", () => {
    fc.assert(
      fc.property(world, fc.array(fc.nat(3), { maxLength: 90 }), ({ pool: p, rules: r, drawKey: key }, parts) => {
        expect(byPartitions(p, parts, r, key)).toEqual(reference(p, r, key));
      }),
    );
  });
});

describe("what every draw guarantees", () => {
  it("then nobody wins twice, no family passes its limit, and every seat is filled unless no one may take it", () => {
    fc.assert(
      fc.property(world, ({ pool: p, rules: r, drawKey: key }) => {
        const result = reference(p, r, key);
        const winners = result.winners.map((w) => w.pid);
        expect(new Set(winners).size).toBe(winners.length);

        const byPid = new Map(p.map((c) => [c.pid, c]));
        const wins = new Map<string, number>();
        for (const pid of winners) wins.set(byPid.get(pid)!.family, (wins.get(byPid.get(pid)!.family) ?? 0) + 1);
        let mayWin = 0;
        for (const family of new Set(p.map((c) => c.family))) {
          const members = p.filter((c) => c.family === family);
          const room = Math.max(0, r.familyLimit - members[0].familyRecipientsBefore);
          expect(wins.get(family) ?? 0).toBeLessThanOrEqual(room);
          mayWin += Math.min(members.length, room);
        }
        expect(winners.length).toBe(Math.min(r.quota, mayWin));

        const prepared = prepareRules(r);
        if (!prepared.ok) throw new Error(prepared.reason);
        const { prioritySeats } = prepared.value;
        // The priority round: its seats off the top, taken by flagged entries only.
        if (prioritySeats === null) expect(result.priority).toBeUndefined();
        else {
          expect(result.priority?.seats).toBe(prioritySeats);
          expect(result.priority?.pool).toBe(p.filter((c) => c.priority === true).length);
          const chosen = result.winners.filter((w) => w.round === "priority");
          expect(result.priority?.selected).toBe(chosen.length);
          for (const w of chosen) expect(byPid.get(w.pid)?.priority).toBe(true);
        }
        let leftEmpty = prioritySeats === null ? 0 : prioritySeats - result.priority!.selected;
        for (const [code, seats] of prepared.value.seats) {
          const outcome = result.strata[code];
          expect(outcome.seats).toBe(seats);
          expect(outcome.selected).toBe(result.winners.filter((w) => w.round === "stratum" && w.stratum === code).length);
          expect(outcome.selected).toBeLessThanOrEqual(seats);
          leftEmpty += seats - outcome.selected;
        }
        expect(result.national.seats).toBe(prepared.value.nationalSeats + leftEmpty);
        expect(result.national.selected).toBe(result.winners.filter((w) => w.round === "national").length);
      }),
    );
  });

  it("when an applicant checks their rank, then winners are within the cut-off, and others within it hit the family limit", () => {
    fc.assert(
      fc.property(world, ({ pool: p, rules: r, drawKey: key }) => {
        const result = reference(p, r, key);
        const winners = new Set(result.winners.map((w) => w.pid));
        const wins = new Map<string, number>();
        for (const c of p) if (winners.has(c.pid)) wins.set(c.family, (wins.get(c.family) ?? 0) + 1);
        for (const c of p) {
          const position = positionOf(c, key, result);
          if (winners.has(c.pid)) expect(position.withinCutoff).toBe(true);
          else if (position.withinCutoff) expect(c.familyRecipientsBefore + (wins.get(c.family) ?? 0)).toBeGreaterThanOrEqual(r.familyLimit);
        }
      }),
    );
  });
});

describe("the randomness", () => {
  const big: Candidate[] = Array.from({ length: 1000 }, (_, i) => ({
    pid: `p${i.toString(36).padStart(5, "0")}`,
    family: `f${Math.floor(i / 3)}`,
    familyRecipientsBefore: 0,
  }));
  const seed = "5a".repeat(32);
  const beaconValue = "c3".repeat(32);
  const poolRoot = "0f".repeat(32);
  const winnersWith = (s: string, b: string) =>
    reference(big, { quota: 100, familyLimit: 2, strata: { kind: "none" } }, drawKeyOf({ seed: s, beaconValue: b, poolRoot }))
      .winners.map((w) => w.pid)
      .sort();
  const flip = (hex: string, bit: number) => {
    const bytes = Buffer.from(hex, "hex");
    bytes[bit >> 3] ^= 1 << (bit & 7);
    return bytes.toString("hex");
  };
  const base = winnersWith(seed, beaconValue);

  it("when one bit of the seed or of the beacon changes, then the 100 winners among 1,000 change", () => {
    fc.assert(
      fc.property(fc.nat(255), (bit) => {
        expect(winnersWith(flip(seed, bit), beaconValue)).not.toEqual(base);
        expect(winnersWith(seed, flip(beaconValue, bit))).not.toEqual(base);
      }),
      { numRuns: 20 },
    );
  });
});
