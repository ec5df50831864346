import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import type { z } from "zod";
import {
  checkSeed,
  drawKeyOf,
  entryLeaf,
  firstDifference,
  MerkleStream,
  referenceDraw,
  runDraw,
  winnersDigest,
  type Candidate,
  type DrawResult,
} from "../functions/src/domain/draw/index.js";
import { drawManifest, poolPage, winnersPage, type DrawManifestDoc } from "../functions/src/schemas/draw.js";

/**
 * `npm run verify-draw -- <manifest URL or file> [--reference] [--check-beacon]`
 * Recomputes a wave's draw from what was published — manifest, pool pages, winners pages — and
 * says MATCH or MISMATCH with the first difference (exit 0 or 1). Pages are fetched relative to
 * the manifest: URLs next to a served manifest, files next to a local one. Memory follows the
 * quota, not the pool. `--reference` recomputes with the plain whole-pool specification instead
 * of the streaming draw; `--check-beacon` fetches the beacon round from its source (drand HTTP).
 * docs/draw.md specifies every step for re-implementing this in another language.
 */

/** The first difference found: verification stops there. */
class Mismatch extends Error {}

type Load = (href: string) => Promise<unknown>;

function loaderFor(location: string): Load {
  const fetchJson = async (url: URL) => {
    const response = await fetch(url);
    // Not a mismatch: nothing could be compared (exit 2, like a missing file).
    if (!response.ok) throw new Error(`${url.href} answered HTTP ${response.status}`);
    return (await response.json()) as unknown;
  };
  if (/^https?:\/\//.test(location)) return (href) => fetchJson(new URL(href, location));
  const dir = path.dirname(path.resolve(location));
  return async (href) => (href.startsWith("https://") ? fetchJson(new URL(href)) : (JSON.parse(await readFile(path.resolve(dir, href), "utf8")) as unknown));
}

function parsed<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const out = schema.safeParse(value);
  if (out.success) return out.data;
  const issue = out.error.issues[0];
  throw new Mismatch(`${what} is malformed at ${issue.path.map(String).join(".") || "(top)"}: ${issue.message}`);
}

/** The pool, page by page, checking order, page roots and the pool root on every read. */
async function* readPool(m: DrawManifestDoc, load: Load): AsyncGenerator<Candidate> {
  let previous = "";
  const pages = new MerkleStream();
  for (const [i, ref] of m.pool.pages.entries()) {
    const page = parsed(poolPage, await load(ref.href), `pool page ${i} (${ref.href})`);
    if (page.page !== i || page.pageSize !== m.pool.pageSize || page.waveId !== m.waveId || page.entries.length !== ref.count) {
      throw new Mismatch(`pool page ${i} (${ref.href}) does not match its manifest entry (index, page size, wave or count)`);
    }
    const leaves = new MerkleStream();
    for (const [j, entry] of page.entries.entries()) {
      if (!(previous < entry.pid)) throw new Mismatch(`pool page ${i}, entry ${j}: pids are not in strictly ascending order (${entry.pid})`);
      previous = entry.pid;
      leaves.push(entryLeaf(entry));
      yield entry;
    }
    const root = leaves.root();
    if (root !== ref.root) throw new Mismatch(`pool page ${i}: root published ${ref.root}, recomputed ${root}`);
    pages.push(Buffer.from(root, "hex"));
  }
  if (pages.size !== m.pool.pages.length || pages.root() !== m.poolRoot) throw new Mismatch(`pool root: published ${m.poolRoot}, recomputed ${pages.root()}`);
}

async function publishedWinners(m: DrawManifestDoc, load: Load): Promise<string[]> {
  if (m.winners.pids) return m.winners.pids;
  const pids: string[] = [];
  for (const [i, ref] of (m.winners.pages ?? []).entries()) {
    const page = parsed(winnersPage, await load(ref.href), `winners page ${i} (${ref.href})`);
    if (page.page !== i || page.pids.length !== ref.count) throw new Mismatch(`winners page ${i} does not match its manifest entry (index or count)`);
    pids.push(...page.pids);
  }
  return pids;
}

export interface VerifyOptions {
  reference?: boolean;
  checkBeacon?: boolean;
}

export interface Verdict {
  match: boolean;
  lines: string[];
}

export async function verifyDraw(location: string, options: VerifyOptions = {}): Promise<Verdict> {
  const lines: string[] = [];
  const ok = (what: string) => lines.push(`  ok  ${what}`);
  const load = loaderFor(location);
  try {
    const m = parsed(drawManifest, await load(/^https?:\/\//.test(location) ? location : path.basename(location)), "the manifest");
    lines.push(`Draw of wave ${m.waveId} (${m.algorithm}), pool of ${m.poolSize}, quota ${m.quota}`);
    const seed = checkSeed(m.seed, m.seedCommitment);
    if (!seed.ok) throw new Mismatch(`seed: ${seed.reason}`);
    ok("the revealed seed matches the commitment published at opening");
    await checkBeacon(m, options, ok, lines);
    const drawKey = drawKeyOf({ seed: m.seed, beaconValue: m.beacon.value, poolRoot: m.poolRoot });
    if (m.drawKey !== undefined && m.drawKey !== drawKey) throw new Mismatch(`drawKey: published ${m.drawKey}, recomputed ${drawKey}`);
    ok(`drawKey ${drawKey}`);

    const rules = { quota: m.quota, familyLimit: m.familyLimit, strata: m.strata };
    let result: DrawResult;
    if (options.reference) {
      const pool: Candidate[] = [];
      for await (const entry of readPool(m, load)) pool.push(entry);
      const out = referenceDraw(pool, rules, drawKey);
      if (!out.ok) throw new Mismatch(`the published rules are refused: ${out.reason}`);
      result = out.value;
    } else {
      const out = await runDraw(() => readPool(m, load), rules, drawKey);
      if (!out.ok) throw new Mismatch(`the draw is refused: ${out.reason}`);
      result = out.value.result;
    }
    ok(`pool root ${m.poolRoot} recomputed from ${m.pool.pages.length} page(s), ${result.poolSize} entries in pid order`);

    const recomputed = result.winners.map((w) => w.pid);
    const published = await publishedWinners(m, load);
    if (winnersDigest(published) !== m.winners.digest) throw new Mismatch("the published winners list does not match its own digest");
    const diff = firstDifference(published, recomputed, "winners");
    if (diff) throw new Mismatch(diff);
    ok(`${recomputed.length} winners, in the draw's order, identical to the published list (digest ${m.winners.digest})`);
    const outcome = firstDifference(
      m.result,
      { strata: result.strata, national: result.national, skippedForFamilyLimit: result.skippedForFamilyLimit },
      "result",
    );
    if (outcome) throw new Mismatch(outcome);
    ok("seats, cut-offs and family-limit skips per stratum and national round");
    const provinces = Object.values(m.byProvince);
    if (provinces.reduce((n, p) => n + p.pool, 0) !== m.poolSize || provinces.reduce((n, p) => n + p.winners, 0) !== recomputed.length) {
      throw new Mismatch("byProvince does not add up to the pool size and the winners");
    }
    ok("byProvince adds up to the pool and the winners");
    lines.push(`MATCH: the published winners of wave ${m.waveId} are what the algorithm gives`);
    return { match: true, lines };
  } catch (error) {
    if (!(error instanceof Mismatch)) throw error;
    lines.push(`MISMATCH: ${error.message}`);
    return { match: false, lines };
  }
}

/** The beacon's value is public: anyone can fetch the round from its source (drand's HTTP API). */
async function checkBeacon(m: DrawManifestDoc, options: VerifyOptions, ok: (what: string) => void, lines: string[]): Promise<void> {
  if (!options.checkBeacon || !m.beacon.source.startsWith("https://")) {
    lines.push(`  --  beacon round ${m.beacon.round} of ${m.beacon.source} taken as published (--check-beacon fetches it)`);
    return;
  }
  const response = await fetch(`${m.beacon.source.replace(/\/$/, "")}/public/${m.beacon.round}`);
  const body = (await response.json()) as { randomness?: unknown };
  if (body.randomness !== m.beacon.value)
    throw new Mismatch(`beacon round ${m.beacon.round}: published ${m.beacon.value}, source says ${String(body.randomness)}`);
  ok(`beacon round ${m.beacon.round} matches ${m.beacon.source}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { reference: { type: "boolean" }, "check-beacon": { type: "boolean" } } });
  if (positionals.length !== 1) {
    console.error("Usage: npm run verify-draw -- <manifest URL or file> [--reference] [--check-beacon]");
    process.exit(2);
  }
  try {
    const verdict = await verifyDraw(positionals[0], { reference: values.reference, checkBeacon: values["check-beacon"] });
    console.log(verdict.lines.join("\n"));
    process.exit(verdict.match ? 0 : 1);
  } catch (error) {
    // Unreadable input is not a mismatch: nothing could be compared.
    console.error(`Could not verify: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}
