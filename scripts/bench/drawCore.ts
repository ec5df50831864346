import { createHmac } from "node:crypto";
import { pathToFileURL } from "node:url";
import { drawKeyOf, entryLeaf, MerkleStream, runDraw, WHOLE, type Candidate, type DrawRules } from "../../functions/src/domain/draw/index.js";
import { table } from "./stats.js";

/**
 * The draw core alone, no emulators: 10,000,000 pseudonymous IDs (BENCH_DRAW_POOL to shrink it)
 * and a quota of 2% of the pool (200,000), with province strata, families of 1–4 and priors.
 * Next to it, the same pool with only the keyed hash per ID (the floor no draw can beat), and the
 * pool generation alone, which both include. Also runnable alone: `npx tsx scripts/bench/drawCore.ts`.
 */
const POOL = Number(process.env.BENCH_DRAW_POOL ?? 10_000_000);
const QUOTA = Math.round(POOL / 50);
const ROUNDS = Number(process.env.BENCH_DRAW_ROUNDS ?? 2);

/** Provinces (BPS codes) with rough populations in 100,000s: pools are as uneven as the country. */
const PROVINCES: Array<[string, number]> = [
  ["11", 54],
  ["12", 151],
  ["13", 56],
  ["14", 66],
  ["15", 36],
  ["16", 87],
  ["17", 20],
  ["18", 92],
  ["19", 15],
  ["21", 21],
  ["31", 106],
  ["32", 499],
  ["33", 375],
  ["34", 37],
  ["35", 414],
  ["36", 123],
  ["51", 44],
  ["52", 55],
  ["53", 55],
  ["61", 55],
  ["62", 27],
  ["63", 42],
  ["64", 39],
  ["65", 7],
  ["71", 27],
  ["72", 30],
  ["73", 92],
  ["74", 27],
  ["75", 12],
  ["76", 14],
  ["81", 19],
  ["82", 13],
  ["91", 10],
  ["92", 12],
  ["93", 14],
  ["94", 11],
  ["95", 6],
  ["96", 5],
];
const TOTAL_WEIGHT = PROVINCES.reduce((n, [, w]) => n + w, 0);

/** sfc32: a small deterministic generator, so every run draws from the very same pool. */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
}

/** Streams the pool: 43-character IDs, family keys shared by 1–4 members, 1 in 200 on the priority list. */
function* benchPool(): Generator<Candidate> {
  const next = sfc32(0x9e3779b9, 0x243f6a88, 0xb7e15162, 0x2545f491);
  const bytes = Buffer.alloc(32);
  const token = () => {
    for (let i = 0; i < 32; i += 4) bytes.writeUInt32LE(next(), i);
    return bytes.toString("base64url");
  };
  let made = 0;
  while (made < POOL) {
    const family = token();
    const r = next() % 100;
    const familyRecipientsBefore = r < 85 ? 0 : r < 97 ? 1 : 2;
    let pick = next() % TOTAL_WEIGHT;
    const stratum = PROVINCES.find(([, w]) => (pick -= w) < 0)![0];
    for (let size = 1 + (next() % 4); size > 0 && made < POOL; size -= 1, made += 1) {
      yield { pid: token(), stratum, family, familyRecipientsBefore, ...(next() % 200 === 0 ? { priority: true } : {}) };
    }
  }
}

/** 80% of the quota shared by province weight (basis points, rounded down), the rest national. */
const RULES: DrawRules = {
  quota: QUOTA,
  familyLimit: 2,
  strata: { kind: "shares", basisPoints: Object.fromEntries(PROVINCES.map(([code, w]) => [code, Math.floor((w * WHOLE * 8) / (TOTAL_WEIGHT * 10))])) },
};

const DRAW_KEY = drawKeyOf({ seed: "11".repeat(32), beaconValue: "22".repeat(32), poolRoot: "33".repeat(32) });
const seconds = (since: number) => (performance.now() - since) / 1000;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

export async function benchDrawCore(): Promise<string> {
  const gc = (globalThis as { gc?: () => void }).gc;
  let t = performance.now();
  let length = 0;
  for (const c of benchPool()) length += c.pid.length;
  const generation = seconds(t);

  const key = Buffer.from(DRAW_KEY, "hex");
  const timeFloor = () => {
    const began = performance.now();
    for (const c of benchPool()) createHmac("sha256", key).update(c.pid, "utf8").digest();
    return seconds(began);
  };

  gc?.();
  const baseline = process.memoryUsage();
  const peak = { rss: baseline.rss, heapUsed: baseline.heapUsed };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
  };
  let liveAtEnd: number | undefined;
  function* sampled(): Generator<Candidate> {
    let i = 0;
    for (const c of benchPool()) {
      if ((++i & 0xffff) === 0) sample();
      yield c;
    }
    // Everything the scan keeps is still referenced here; a forced collection leaves only that.
    gc?.();
    liveAtEnd = process.memoryUsage().heapUsed;
  }
  const timeCore = async () => {
    const began = performance.now();
    const out = await runDraw(sampled, RULES, DRAW_KEY);
    const took = seconds(began);
    sample();
    if (!out.ok) throw new Error(`draw refused: ${out.reason}`);
    return { took, run: out.value };
  };

  // Alternated and best of each: on a shared machine the least disturbed run is the fairest figure.
  let floor = Infinity;
  let core = Infinity;
  let last: Awaited<ReturnType<typeof timeCore>> | undefined;
  for (let round = 0; round < ROUNDS; round += 1) {
    floor = Math.min(floor, timeFloor());
    last = await timeCore();
    core = Math.min(core, last.took);
  }
  const { result, passes, capacities } = last!.run;
  const kept = capacities.global + [...capacities.strata.values()].reduce((a, b) => a + b, 0);

  t = performance.now();
  const merkle = new MerkleStream();
  for (const c of benchPool()) merkle.push(entryLeaf(c));
  merkle.root();
  const commitment = seconds(t);

  const perId = (s: number) => `${((s / POOL) * 1e6).toFixed(2)} µs per ID`;
  return [
    `Draw core (${POOL.toLocaleString("en")} pseudonymous IDs, quota ${QUOTA.toLocaleString("en")}, 38 province strata for 80% of it, family limit 2; Node ${process.version})`,
    table([
      ["pool generation alone (in every row below)", `${generation.toFixed(1)} s (${(length / POOL).toFixed(0)}-character IDs)`],
      ["floor: generation + one HMAC-SHA-256 per ID", `${floor.toFixed(1)} s, ${perId(floor)}`],
      ["draw core: generation + rank + heaps + rounds", `${core.toFixed(1)} s, ${perId(core)}, ${passes} pass(es) over the pool`],
      ["runs (alternated, best of each)", `${ROUNDS}`],
      ["ratio draw core / floor", `${(core / floor).toFixed(2)}`],
      ["peak rss during the draw (baseline → peak)", `${mb(baseline.rss)} → ${mb(peak.rss)} (+${mb(peak.rss - baseline.rss)})`],
      ["peak heapUsed during the draw", `${mb(baseline.heapUsed)} → ${mb(peak.heapUsed)} (+${mb(peak.heapUsed - baseline.heapUsed)})`],
      [
        "live heap at the end of the scan, after a full GC",
        liveAtEnd === undefined ? "n/a (run node with --expose-gc)" : `${mb(liveAtEnd)} (${mb(liveAtEnd - baseline.heapUsed)} above the baseline)`,
      ],
      ["candidates kept (heap capacities)", `${kept.toLocaleString("en")} = ${(kept / QUOTA).toFixed(2)} × quota, whatever the pool size`],
      ["winners / skipped for the family limit", `${result.winners.length.toLocaleString("en")} / ${result.skippedForFamilyLimit.toLocaleString("en")}`],
      [
        "pool commitment: generation + line + leaf and node hashes",
        `${commitment.toFixed(1)} s (streaming, ${Math.ceil(Math.log2(POOL + 1))} hashes kept at most)`,
      ],
    ]),
    "  Memory: rss is the whole process (V8 heap, buffers, code); heapUsed is live JavaScript objects",
    "  plus garbage not yet collected (the stream makes one short-lived object per ID), sampled every",
    "  65,536 IDs. What the draw keeps grows with the quota, not the pool.",
  ].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) console.log(await benchDrawCore());
