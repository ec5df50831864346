import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
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
  type Candidate,
  type DrawResult,
  type DrawRules,
} from "../../functions/src/domain/draw/index.js";

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
    result: { strata: result.strata, national: result.national, skippedForFamilyLimit: result.skippedForFamilyLimit },
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
