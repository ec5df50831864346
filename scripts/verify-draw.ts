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
  planDifference,
  prepareRules,
  referenceDraw,
  runDraw,
  seedCommitment,
  winnersDigest,
  type Candidate,
  type DrawResult,
} from "../functions/src/domain/draw/index.js";
import { drawManifest, drawPlan, poolPage, winnersPage, type DrawManifestDoc } from "../functions/src/schemas/draw.js";
import { checkBeaconOfManifest } from "./verifyBeacon.js";

/**
 * `npm run verify-draw -- <manifest URL or file> [--plan <URL or file>] [--reference] [--check-beacon]`
 * Recomputes a wave's draw from what was published — the plan of its opening, manifest, pool
 * pages, winners pages — and says MATCH or MISMATCH with the first difference (exit 0 or 1; 2 when
 * an input cannot be read). Pages and `plan.json` are read relative to the manifest: URLs next to
 * a served manifest, files next to a local one; `--plan` names another copy of the plan (one
 * archived at the opening). Memory follows the quota, not the pool. `--reference` recomputes with
 * the plain whole-pool specification instead of the streaming draw; `--check-beacon` fetches the
 * beacon round from its source (drand HTTP). docs/draw.md §9 gives the checks in their order, and
 * every step for re-implementing this in another language.
 */

/** The first difference found: verification stops there. */
class Mismatch extends Error {}

type Load = (href: string) => Promise<unknown>;

const isUrl = (location: string) => /^https?:\/\//.test(location);

/**
 * A document's text as JSON, or an error (exit 2: nothing could be compared) saying what came
 * instead: a web page given for the manifest (the transparency page's address rather than its
 * manifest's) is the usual case, so its start is shown and the manifest's address named.
 */
function jsonOf(text: string, where: string, manifest: boolean): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const start = text.trimStart().slice(0, 40).replace(/\s+/g, " ");
    const page = /^<(!doctype|html)/i.test(start) ? " It is a web page, not a published document." : "";
    const advice = manifest
      ? " Give the manifest itself: …/draws/<waveId>/manifest.json, or a manifest.json file saved beside its pages."
      : " It is named by the manifest (or is plan.json beside it): save the published file there unchanged.";
    throw new Error(`${where} is not JSON (it starts with "${start}").${page}${advice}`);
  }
}

function loaderFor(location: string): Load {
  const manifestAt = isUrl(location) ? new URL(location).href : path.resolve(location);
  const fetchJson = async (url: URL) => {
    // Not a mismatch: nothing could be compared (exit 2, like a missing file).
    const response = await fetch(url).catch((error: unknown) => {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      throw new Error(`${url.href} could not be fetched (${cause})`, { cause: error });
    });
    if (!response.ok) {
      const said = (await response.text()).trim().slice(0, 200);
      throw new Error(`${url.href} answered HTTP ${response.status}${said === "" ? "" : `: ${said}`}`);
    }
    return jsonOf(await response.text(), url.href, url.href === manifestAt);
  };
  if (isUrl(location)) return (href) => fetchJson(new URL(href, location));
  const dir = path.dirname(path.resolve(location));
  return async (href) => {
    if (href.startsWith("https://")) return fetchJson(new URL(href));
    const file = path.resolve(dir, href);
    const text = await readFile(file, "utf8").catch((error: unknown) => {
      const code = (error as { code?: string }).code;
      const why = code === "ENOENT" ? "there is no such file" : code === "EISDIR" ? "it is a folder, not a file" : String(error);
      throw new Error(`${file} could not be read: ${why}`, { cause: error });
    });
    return jsonOf(text, file, file === manifestAt);
  };
}

/** The manifest schema's own checks (schemas/draw.ts), in words. */
const SCHEMA_WORDS: Record<string, string> = {
  "winners-do-not-add-up": "winners.count is not the number of winners listed (inline, or the winners pages' counts added up)",
  "pages-do-not-add-up-to-pool-size": "the pool pages' counts do not add up to poolSize",
  "pages-not-full": "every pool page but the last must hold pageSize entries, and none may be empty",
  "winners-inline-or-paged": "the winners must be listed either inline (pids) or in pages, not both and not neither",
};

/** The first of `fields` whose published value differs from what was expected, as "name: published X, expected Y". */
function firstField(fields: Array<[name: string, published: unknown, expected: unknown]>): string | null {
  const differs = fields.find(([, published, expected]) => published !== expected);
  return differs === undefined ? null : `${differs[0]}: published ${String(differs[1])}, expected ${String(differs[2])}`;
}

function parsed<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const out = schema.safeParse(value);
  if (out.success) return out.data;
  const issue = out.error.issues[0];
  const words = Object.hasOwn(SCHEMA_WORDS, issue.message) ? `${SCHEMA_WORDS[issue.message]} (${issue.message})` : issue.message;
  const hint = what === "the manifest" && issue.path[0] === "algorithm" ? " — is this the manifest? plan.json and the pages have no algorithm" : "";
  throw new Mismatch(`${what} is malformed at ${issue.path.map(String).join(".") || "(top)"}: ${words}${hint}`);
}

/** A JSON document named by a URL or a file path (relative to the working directory). */
const readJson = (location: string) => loaderFor(location)(isUrl(location) ? location : path.basename(location));

/** The pool, page by page, checking order, page roots and the pool root on every read; `seen` gets each entry. */
async function* readPool(m: DrawManifestDoc, load: Load, seen: (entry: Candidate) => void): AsyncGenerator<Candidate> {
  let previous = "";
  const pages = new MerkleStream();
  for (const [i, ref] of m.pool.pages.entries()) {
    const page = parsed(poolPage, await load(ref.href), `pool page ${i} (${ref.href})`);
    const differs = firstField([
      ["page", page.page, i],
      ["pageSize", page.pageSize, m.pool.pageSize],
      ["waveId", page.waveId, m.waveId],
      ["the number of entries", page.entries.length, ref.count],
    ]);
    if (differs) throw new Mismatch(`pool page ${i} (${ref.href}) does not match its manifest entry: ${differs}`);
    const leaves = new MerkleStream();
    for (const [j, entry] of page.entries.entries()) {
      if (!(previous < entry.pid)) throw new Mismatch(`pool page ${i}, entry ${j}: pids are not in strictly ascending order (${entry.pid})`);
      previous = entry.pid;
      leaves.push(entryLeaf(entry));
      seen(entry);
      yield entry;
    }
    const root = leaves.root();
    if (root !== ref.root) throw new Mismatch(`pool page ${i}: root published ${ref.root}, recomputed ${root}`);
    pages.push(Buffer.from(root, "hex"));
  }
  if (pages.size !== m.pool.pages.length || pages.root() !== m.poolRoot) throw new Mismatch(`pool root: published ${m.poolRoot}, recomputed ${pages.root()}`);
}

/** The published winners, inline or page by page: pages numbered from 0, all of one size, full but the last. */
async function publishedWinners(m: DrawManifestDoc, load: Load): Promise<string[]> {
  if (m.winners.pids) return m.winners.pids;
  const pids: string[] = [];
  const refs = m.winners.pages ?? [];
  let pageSize: number | undefined;
  for (const [i, ref] of refs.entries()) {
    const page = parsed(winnersPage, await load(ref.href), `winners page ${i} (${ref.href})`);
    pageSize ??= page.pageSize;
    const full = i === refs.length - 1 ? page.pids.length >= 1 && page.pids.length <= pageSize : page.pids.length === pageSize;
    const differs = firstField([
      ["page", page.page, i],
      ["waveId", page.waveId, m.waveId],
      ["the number of pids", page.pids.length, ref.count],
      ["pageSize", page.pageSize, pageSize],
    ]);
    if (differs) throw new Mismatch(`winners page ${i} (${ref.href}) does not match its manifest entry: ${differs}`);
    if (!full)
      throw new Mismatch(
        `winners page ${i} (${ref.href}) holds ${page.pids.length} pids: every page but the last holds pageSize (${pageSize}), the last 1 to ${pageSize}`,
      );
    pids.push(...page.pids);
  }
  return pids;
}

type Provinces = Map<string, { pool: number; winners: number }>;

/** `byProvince` as the close counts it: an entry's province is its stratum, "00" when it has none. */
function countProvince(provinces: Provinces, entry: Candidate, winners: ReadonlySet<string>): void {
  const code = entry.stratum ?? "00";
  const counts = provinces.get(code) ?? { pool: 0, winners: 0 };
  counts.pool += 1;
  if (winners.has(entry.pid)) counts.winners += 1;
  provinces.set(code, counts);
}

export interface VerifyOptions {
  reference?: boolean;
  checkBeacon?: boolean;
  /** The plan published at opening (URL or file); by default `plan.json` next to the manifest. */
  plan?: string;
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
    const m = parsed(drawManifest, await load(isUrl(location) ? location : path.basename(location)), "the manifest");
    lines.push(`Draw of wave ${m.waveId} (${m.algorithm}), pool of ${m.poolSize}, quota ${m.quota}`);
    const planAt = options.plan ?? (isUrl(location) ? new URL("plan.json", location).href : path.join(path.dirname(location), "plan.json"));
    const moved = planDifference(parsed(drawPlan, await readJson(planAt), `the plan (${planAt})`), m);
    if (moved) throw new Mismatch(`the manifest moved from the plan published at opening (${planAt}): ${moved}`);
    ok(`seed commitment, beacon round, quota, family limit, strata and priority share as in the plan published at opening (${planAt})`);
    const seed = checkSeed(m.seed, m.seedCommitment);
    if (!seed.ok && seed.reason === "seed-malformed")
      throw new Mismatch("seed: the revealed seed and its commitment must each be 64 hexadecimal digits (32 bytes)");
    if (!seed.ok)
      throw new Mismatch(`seed: SHA-256 of the revealed seed is ${seedCommitment(m.seed)}, but the commitment published at opening is ${m.seedCommitment}`);
    ok("the revealed seed matches the commitment published at opening");
    await checkBeacon(m, options, ok, lines);
    const drawKey = drawKeyOf({ seed: m.seed, beaconValue: m.beacon.value, poolRoot: m.poolRoot });
    if (m.drawKey !== undefined && m.drawKey !== drawKey) throw new Mismatch(`drawKey: published ${m.drawKey}, recomputed ${drawKey}`);
    ok(`drawKey ${drawKey}`);

    const rules = { quota: m.quota, familyLimit: m.familyLimit, strata: m.strata, ...(m.priority === undefined ? {} : { priority: m.priority }) };
    const prepared = prepareRules(rules);
    if (!prepared.ok) throw new Mismatch(`the published rules are refused: ${prepared.reason}`);

    // Read before the pool, so that one read of the pool also counts each province's winners.
    const published = await publishedWinners(m, load);
    const publishedSet = new Set(published);
    let provinces: Provinces = new Map();
    // Each read of the pool counts afresh: the streaming draw may read it twice.
    const pool = () => {
      provinces = new Map();
      return readPool(m, load, (entry) => countProvince(provinces, entry, publishedSet));
    };

    let result: DrawResult;
    if (options.reference) {
      const entries: Candidate[] = [];
      for await (const entry of pool()) entries.push(entry);
      const out = referenceDraw(entries, rules, drawKey);
      if (!out.ok) throw new Mismatch(`the published rules are refused: ${out.reason}`);
      result = out.value;
    } else {
      const out = await runDraw(pool, rules, drawKey);
      if (!out.ok) throw new Mismatch(`the draw is refused: ${out.reason}`);
      result = out.value.result;
    }
    ok(`pool root ${m.poolRoot} recomputed from ${m.pool.pages.length} page(s), ${result.poolSize} entries in pid order`);

    const recomputed = result.winners.map((w) => w.pid);
    // The winners first, the digest after: a stale digest must not hide which winner differs.
    const diff = firstDifference(published, recomputed, "winners");
    if (diff) {
      const stale = winnersDigest(published) === m.winners.digest ? "" : " (and winners.digest is not the digest of the published list either)";
      throw new Mismatch(`${diff}${stale}`);
    }
    const digest = winnersDigest(recomputed);
    if (digest !== m.winners.digest)
      throw new Mismatch(`winners.digest: published ${m.winners.digest}, recomputed ${digest} (the winners themselves are right)`);
    ok(`${recomputed.length} winners, in the draw's order, identical to the published list (digest ${m.winners.digest})`);
    const outcome = firstDifference(
      m.result,
      { priority: result.priority, strata: result.strata, national: result.national, skippedForFamilyLimit: result.skippedForFamilyLimit },
      "result",
    );
    if (outcome) throw new Mismatch(outcome);
    ok(`seats, cut-offs and family-limit skips per ${result.priority === undefined ? "" : "priority round, "}stratum and national round`);
    const byProvince = firstDifference(m.byProvince, Object.fromEntries(provinces), "byProvince");
    if (byProvince) throw new Mismatch(byProvince);
    ok("byProvince: the pool entries and winners of each province, counted from the pool pages");
    lines.push(
      `MATCH: the published winners of wave ${m.waveId} are what the algorithm gives` +
        (options.checkBeacon === true ? "" : " from the published beacon value, which was NOT checked against its chain: add --check-beacon"),
    );
    return { match: true, lines };
  } catch (error) {
    if (!(error instanceof Mismatch)) throw error;
    lines.push(`MISMATCH: ${error.message}`);
    return { match: false, lines };
  }
}

/**
 * The beacon's value is public: `--check-beacon` always fetches the round from its source and
 * verifies its BLS signature (scripts/verifyBeacon.ts). A check asked for and not done is an
 * error (exit 2), never MATCH; a value that does not verify is a mismatch.
 */
async function checkBeacon(m: DrawManifestDoc, options: VerifyOptions, ok: (what: string) => void, lines: string[]): Promise<void> {
  const check = await checkBeaconOfManifest(m.beacon, options.checkBeacon === true);
  if (check.kind === "mismatch") throw new Mismatch(check.message);
  if (check.kind === "unverifiable") throw new Error(`--check-beacon could not be done: ${check.message}`);
  if (check.kind === "verified") ok(check.line);
  else lines.push(check.line);
}

function parseCommandLine() {
  return parseArgs({
    allowPositionals: true,
    options: { reference: { type: "boolean" }, "check-beacon": { type: "boolean" }, plan: { type: "string" } },
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const usage = "Usage: npm run verify-draw -- <manifest URL or file> [--plan <URL or file>] [--reference] [--check-beacon]";
  let args: ReturnType<typeof parseCommandLine>;
  try {
    args = parseCommandLine();
  } catch (error) {
    // An unknown option is a usage error (exit 2), never a mismatch (exit 1).
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
  const { values, positionals } = args;
  if (positionals.length !== 1) {
    console.error(usage);
    process.exit(2);
  }
  try {
    const verdict = await verifyDraw(positionals[0], { reference: values.reference, checkBeacon: values["check-beacon"], plan: values.plan });
    console.log(verdict.lines.join("\n"));
    process.exit(verdict.match ? 0 : 1);
  } catch (error) {
    // Unreadable input is not a mismatch: nothing could be compared.
    console.error(`Could not verify: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}
