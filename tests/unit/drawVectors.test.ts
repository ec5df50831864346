import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { publicationTime, QUICKNET } from "../../functions/src/domain/beacon.js";
import {
  buildPublication,
  checkSeed,
  commitPool,
  compareOrder,
  drawKeyOf,
  entryLeaf,
  entryLine,
  membershipProof,
  positionOf,
  rankOf,
  referenceDraw,
  runDraw,
  seedCommitment,
  verifyMembership,
  winnersDigest,
  type Beacon,
  type Candidate,
  type DrawResult,
  type DrawRules,
} from "../../functions/src/domain/draw/index.js";
import { drawManifest, drawPlan, poolPage, winnersPage } from "../../functions/src/schemas/draw.js";
import { planOf } from "../../functions/src/usecases/publishedDraw.js";
import { verifyDraw } from "../../scripts/verify-draw.js";

/**
 * docs/draw.md's worked example, recomputed from its inputs: if the code changes what the draw
 * gives, this fails and the page must be regenerated — documentation and code cannot drift.
 */
const doc = readFileSync(new URL("../../docs/draw.md", import.meta.url), "utf8");
const block = (marker: string, language: string) => {
  const match = new RegExp(`<!-- ${marker} -->\\n\`\`\`${language}\\n([\\s\\S]*?)\\n\`\`\``).exec(doc);
  if (!match) throw new Error(`docs/draw.md has no <!-- ${marker} --> ${language} block`);
  return match[1];
};

interface Vectors {
  seed: string;
  beaconValue: string;
  rules: DrawRules;
  pageSize: number;
  pool: Candidate[];
  [derived: string]: unknown;
}
const vectors = JSON.parse(block("vectors", "json")) as Vectors;

function recompute(v: Vectors) {
  const committed = commitPool(v.pool, v.pageSize);
  if (!committed.ok) throw new Error(committed.reason);
  const pool = committed.value;
  const drawKey = drawKeyOf({ seed: v.seed, beaconValue: v.beaconValue, poolRoot: pool.root });
  const drawn = referenceDraw(v.pool, v.rules, drawKey);
  if (!drawn.ok) throw new Error(drawn.reason);
  const result = drawn.value;
  const priority = v.pool.find((e) => e.priority === true)!;
  return {
    seed: v.seed,
    seedCommitment: seedCommitment(v.seed),
    beaconValue: v.beaconValue,
    rules: v.rules,
    pageSize: v.pageSize,
    pool: pool.entries,
    firstLeaf: { line: entryLine(pool.entries[0]), hash: entryLeaf(pool.entries[0]).toString("hex") },
    pageRoots: pool.pageRoots,
    poolRoot: pool.root,
    drawKey,
    ranks: Object.fromEntries(pool.entries.map((e) => [e.pid, rankOf(drawKey, e.pid)])),
    proof: membershipProof(pool, priority.pid),
    winners: result.winners,
    winnersDigest: winnersDigest(result.winners.map((w) => w.pid)),
    result: { priority: result.priority, strata: result.strata, national: result.national, skippedForFamilyLimit: result.skippedForFamilyLimit },
  };
}

/** One line per pool entry in the draw's order, as docs/draw.md shows it. */
function walk(v: Vectors, drawKey: string, result: DrawResult): string {
  const ordered = v.pool.map((e) => ({ ...e, rank: rankOf(drawKey, e.pid) })).sort(compareOrder);
  return ordered
    .map((e, i) => {
      const won = result.winners.find((w) => w.pid === e.pid);
      const outcome = won
        ? won.round === "stratum"
          ? `seat of stratum ${won.stratum}`
          : won.round === "priority"
            ? "priority seat"
            : "national seat"
        : positionOf(e, drawKey, result).withinCutoff
          ? "skipped: family limit"
          : "not reached";
      return `${String(i + 1).padStart(2)}  ${e.priority ? "P" : "-"}  ${e.rank.slice(0, 12)}  ${e.pid.slice(0, 8)}  ${(e.stratum ?? "").padEnd(2)}  ${e.family.slice(0, 6)}  ${e.familyRecipientsBefore}  ${outcome}`;
    })
    .join("\n");
}

describe("the worked example of docs/draw.md", () => {
  const expected = recompute(vectors);

  it("when recomputed from its inputs, then every published value is what the code gives", () => {
    expect(vectors).toEqual(expected);
  });

  it("when the walk is listed, then it is the one on the page", () => {
    const result = {
      ...expected.result,
      winners: expected.winners,
      algorithm: "prakerja-draw-v1" as const,
      drawKey: expected.drawKey,
      poolSize: vectors.pool.length,
    };
    expect(block("walk", "text")).toBe(walk(vectors, expected.drawKey, result));
  });

  it("when drawn by the streaming core, then the winners and cut-offs are the specification's", async () => {
    const run = await runDraw(() => [...vectors.pool].reverse(), vectors.rules, expected.drawKey);
    expect(run.ok && run.value.result.winners).toEqual(expected.winners);
    expect(run.ok && run.value.result.national).toEqual(expected.result.national);
  });

  it("when the seed and the proof are checked, then both hold", () => {
    expect(checkSeed(vectors.seed, vectors.seedCommitment as string)).toEqual({ ok: true, value: true });
    expect(checkSeed(vectors.seed.replace(/^00/, "01"), vectors.seedCommitment as string)).toEqual({ ok: false, reason: "seed-does-not-match-commitment" });
    expect(verifyMembership(expected.proof!.entry.pid, expected.proof!, expected.poolRoot)).toBe(true);
  });
});

/** The second example: a whole published wave (plan, manifest, pool and winners pages) from its inputs. */
interface Bundle {
  waveId: string;
  seed: string;
  beacon: Beacon;
  opensAt: string;
  closesAt: string;
  rules: DrawRules;
  pageSize: number;
  inlineWinners: number;
  excludedByReason: Record<string, number>;
  files: Record<string, unknown>;
  winners: unknown;
  /** The same pool and draw key under rules whose strata take the whole quota. */
  zeroNationalSeats: { rules: DrawRules; winners: unknown; result: unknown };
}
const second = JSON.parse(block("vectors-2", "json")) as Bundle;
/** The pool is the input, as the pool pages list it (each parsed by its schema). */
const secondPool: Candidate[] = Object.entries(second.files)
  .filter(([href]) => href.startsWith("pool/"))
  .flatMap(([, page]) => poolPage.parse(page).entries);

async function recomputeBundle(v: Bundle) {
  const { seed, beacon, rules } = v;
  const built = await buildPublication({
    waveId: v.waveId,
    pool: secondPool,
    rules,
    seed,
    seedCommitment: seedCommitment(seed),
    beacon,
    // As the close publishes it: the beacon round's time.
    createdAt: publicationTime(beacon.round, QUICKNET).toISOString(),
    excludedByReason: v.excludedByReason,
    provinceOf: (entry) => entry.stratum ?? "00",
    pageSize: v.pageSize,
    inlineWinners: v.inlineWinners,
  });
  if (!built.ok) throw new Error(built.reason);
  const plan = planOf(v.waveId, {
    number: 2,
    programYear: 2026,
    state: "open",
    opensAt: new Date(v.opensAt),
    closesAt: new Date(v.closesAt),
    quota: rules.quota,
    draw: {
      seedCommitment: seedCommitment(seed),
      beacon: { source: beacon.source, round: beacon.round },
      strata: rules.strata,
      familyLimit: rules.familyLimit,
    },
  });
  if (!plan.ok) throw new Error(plan.reason);
  const files: Record<string, unknown> = { "plan.json": plan.value, "manifest.json": built.value.manifest };
  for (const { href, page } of [...built.value.poolPages, ...built.value.winnersPages]) files[href] = page;
  const drawKey = built.value.manifest.drawKey!;
  const drawn = referenceDraw(secondPool, rules, drawKey);
  const zeroRules = v.zeroNationalSeats.rules;
  const zero = referenceDraw(secondPool, zeroRules, drawKey);
  if (!drawn.ok || !zero.ok) throw new Error("the second example's rules are refused");
  return {
    ...v,
    // JSON drops what is absent: the files as they are served.
    files: JSON.parse(JSON.stringify(files)) as Record<string, unknown>,
    winners: drawn.value.winners,
    zeroNationalSeats: {
      rules: zeroRules,
      winners: zero.value.winners,
      result: { strata: zero.value.strata, national: zero.value.national, skippedForFamilyLimit: zero.value.skippedForFamilyLimit },
    },
  };
}

describe("the second worked example of docs/draw.md: a whole published wave", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "draw-vectors-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("when the plan, the manifest and every page are recomputed from the inputs, then each file is the one on the page", async () => {
    expect(second).toEqual(await recomputeBundle(second));
  });

  it("when the files are parsed, then each passes its published schema", () => {
    expect(drawPlan.safeParse(second.files["plan.json"]).success).toBe(true);
    expect(drawManifest.safeParse(second.files["manifest.json"]).success).toBe(true);
    for (const [href, body] of Object.entries(second.files)) {
      if (href.startsWith("winners/")) expect(winnersPage.safeParse(body).success, href).toBe(true);
    }
  });

  it("when the files are written to disk and checked by verify-draw, then it says MATCH, streaming and by the reference walk", async () => {
    for (const [href, body] of Object.entries(second.files)) {
      mkdirSync(path.dirname(path.join(folder, href)), { recursive: true });
      writeFileSync(path.join(folder, href), JSON.stringify(body));
    }
    for (const reference of [false, true]) {
      const verdict = await verifyDraw(path.join(folder, "manifest.json"), { reference });
      expect(verdict.lines.at(-1)).toMatch(/^MATCH/);
    }
  });

  it("when the walk is listed, then it is the one on the page", () => {
    const manifest = drawManifest.parse(second.files["manifest.json"]);
    const drawn = referenceDraw(secondPool, second.rules, manifest.drawKey!);
    if (!drawn.ok) throw new Error(drawn.reason);
    expect(block("walk-2", "text")).toBe(walk({ ...second, pool: secondPool, beaconValue: second.beacon.value }, manifest.drawKey!, drawn.value));
  });

  it("when the streaming core draws the same pool, then it agrees with the specification, with zero national seats too", async () => {
    const manifest = drawManifest.parse(second.files["manifest.json"]);
    const zero = second.zeroNationalSeats;
    for (const [rules, winners, result] of [
      [second.rules, second.winners, manifest.result],
      [zero.rules, zero.winners, zero.result],
    ] as const) {
      const run = await runDraw(() => [...secondPool].reverse(), rules, manifest.drawKey!);
      if (!run.ok) throw new Error(run.reason);
      expect(run.value.result.winners).toEqual(winners);
      const { strata, national, skippedForFamilyLimit } = run.value.result;
      expect({ strata, national, skippedForFamilyLimit }).toEqual(result);
    }
  });
});
