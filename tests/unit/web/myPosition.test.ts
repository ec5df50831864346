import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { referenceDraw } from "../../../functions/src/domain/draw/index.js";
import { drawStrata, poolEntry } from "../../../functions/src/schemas/draw.js";
import { proofOf, rankIn, rootFromPath, standingOf } from "../../../hosting/src/pages/transparency/myPosition.js";

/** The transparency page's "check my ID", recomputed against docs/draw.md §11's vectors (the browser's code, not the functions'). */

const doc = readFileSync(new URL("../../../docs/draw.md", import.meta.url), "utf8");
const json = /<!-- vectors -->\n```json\n([\s\S]*?)\n```/.exec(doc)?.[1] ?? "{}";
const vectors = z
  .object({
    rules: z.object({ quota: z.number(), familyLimit: z.number(), strata: drawStrata, priority: z.object({ basisPoints: z.number() }).optional() }),
    pageSize: z.number(),
    pool: z.array(poolEntry),
    pageRoots: z.array(z.string()),
    poolRoot: z.string(),
    drawKey: z.string(),
    ranks: z.record(z.string(), z.string()),
    proof: z.object({ index: z.number(), size: z.number(), path: z.array(z.string()) }),
  })
  .parse(JSON.parse(json));

const manifest = {
  poolSize: vectors.pool.length,
  pool: { pageSize: vectors.pageSize, pages: vectors.pageRoots.map((root, i) => ({ href: `pool/${i}.json`, count: 4, root })) },
};
const drawn = referenceDraw(vectors.pool, vectors.rules, vectors.drawKey);
const result = drawn.ok ? drawn.value : null;
const pageOf = (page: number) => vectors.pool.slice(page * vectors.pageSize, (page + 1) * vectors.pageSize);

describe("check my ID (browser)", () => {
  it("when ranks are computed in the browser, then they equal the vectors' ranks", () => {
    for (const entry of vectors.pool) expect(rankIn(vectors.drawKey, entry.pid)).toBe(vectors.ranks[entry.pid]);
  });

  it("when the priority entry's proof is built from its page and the page roots, then it is the vectors' proof and leads to the pool root", () => {
    const proof = proofOf(manifest, 0, pageOf(0), vectors.proof.index);
    expect(proof).toMatchObject({ index: 2, size: 10, path: vectors.proof.path, root: vectors.poolRoot });
  });

  it("when every entry's proof is built, then each leads to the pool root; a wrong index or size does not", () => {
    vectors.pool.forEach((_, index) => {
      const page = Math.floor(index / vectors.pageSize);
      const proof = proofOf(manifest, page, pageOf(page), index);
      expect(proof.root, `entry ${index}`).toBe(vectors.poolRoot);
      expect(rootFromPath(proof.path[0] ?? "", index, index, proof.path)).toBe("");
    });
  });

  it("when positions are counted over the pool, then they follow the walk of docs/draw.md §11", () => {
    if (result === null) throw new Error("the vectors' draw failed");
    const at = (pid: string) =>
      standingOf(
        { result },
        vectors.drawKey,
        vectors.pool,
        vectors.pool.find((e) => e.pid === pid)!,
      );
    // Walk row 5: the priority entry, the priority round's one seat (1 entry on the list); 3rd of the 4 in stratum 32.
    expect(at("DX2xND7LJ8vlYZhDdRv0SQpmFgv_Q6L_OUbchqT2sfI")).toMatchObject({
      position: 5,
      priorityPosition: 1,
      priorityPool: 1,
      priorityReach: 1,
      stratumPosition: 3,
      stratumPool: 4,
      withinCutoff: true,
    });
    // Walk row 4: stratum 32's seat (2nd of its 4); row 6: the national seat, so the national round reached the first 6.
    expect(at("iPFBH_bBs0qgQnAdBJvttx8zoopV8dn71ryUy46PH6o")).toMatchObject({
      position: 4,
      stratumPosition: 2,
      stratumReach: 2,
      priorityPosition: null,
      withinCutoff: true,
    });
    expect(at("SO0bfsslus881O7R9vU8ukYhP86hQbXyC1ipuCr9JXs")).toMatchObject({ position: 6, nationalReach: 6, withinCutoff: true });
    // Walk row 10: not reached; stratum 32's seat went to the 2nd of its 4.
    expect(at("AAKZxEI-SDdFGq2iLkAl32B-_Cxhs2lj7foy_SMXs2s")).toMatchObject({ position: 10, stratumReach: 2, withinCutoff: false });
    // Walk row 8: stratum 33 has no seats of its own.
    expect(at("yd6NxlnZ76WpGrZ6vf7UFryMRb7iMHo-lT65c2oUuFQ")).toMatchObject({ position: 8, stratumPosition: null, withinCutoff: false });
  });
});
