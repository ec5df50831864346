import { done, type Outcome } from "../outcome.js";
import { ALGORITHM, sha256 } from "./bytes.js";
import type { RulesReason } from "./apportion.js";
import { runDraw } from "./draw.js";
import { commitPool, DEFAULT_PAGE_SIZE } from "./pool.js";
import { checkSeed, drawKeyOf } from "./seed.js";
import type { Candidate, DrawResult, DrawRules, Strata } from "./types.js";

/**
 * What a wave publishes (schemas/draw.ts validates the same shapes). Hrefs are relative to the
 * manifest's own location, so one bundle works as files on a disk or as URLs on a server.
 */

export interface Beacon {
  /** E.g. "https://api.drand.sh/<chain hash>" (its `/public/<round>` gives the value). */
  source: string;
  /** Declared when the wave is created; it must come out after the pool root is published. */
  round: number;
  /** The round's randomness, 32 bytes as hex. */
  value: string;
}

export interface PageRef {
  href: string;
  count: number;
}

export interface DrawManifest {
  algorithm: typeof ALGORITHM;
  waveId: string;
  poolRoot: string;
  poolSize: number;
  /** Pages in pid order; every page but the last holds exactly pageSize entries. */
  pool: { pageSize: number; pages: Array<PageRef & { root: string }> };
  seedCommitment: string;
  seed: string;
  beacon: Beacon;
  drawKey?: string;
  quota: number;
  familyLimit: number;
  strata: Strata;
  /** The priority list's share of the quota (DrawRules.priority); absent: no priority round. */
  priority?: { basisPoints: number };
  /** In the draw's order: inline for small waves, in pages for large ones. */
  winners: { count: number; digest: string; pids?: string[]; pages?: PageRef[] };
  result: Pick<DrawResult, "priority" | "strata" | "national" | "skippedForFamilyLimit">;
  /** From the re-check at close, before the pool was frozen: not recomputable from the pool. */
  excludedByReason: Record<string, number>;
  byProvince: Record<string, { pool: number; winners: number }>;
  createdAt: string;
}

/**
 * What a wave committed to, served as `plan.json` next to its manifest from the moment the wave
 * opens (before that, freed seats may still raise the quota): the draw's inputs fixed before
 * anyone joined. verify-draw compares the manifest with it (planDifference in verify.ts).
 */
export interface DrawPlan {
  waveId: string;
  /** ISO 8601, UTC (`…Z`). */
  opensAt: string;
  closesAt: string;
  quota: number;
  familyLimit: number;
  strata: Strata;
  seedCommitment: string;
  /** The beacon and its round, as declared at creation (the value is unknown then); other fields of the plan's beacon compare too. */
  beacon: { source: string; round: number; [field: string]: unknown };
  /** The priority list declared, with its share of the quota (fields beyond the share are the list's name and rule). */
  priority?: { basisPoints: number; [field: string]: unknown };
}

export interface PoolPage {
  waveId: string;
  page: number;
  pageSize: number;
  entries: Candidate[];
  /** The next page, relative to this one. */
  next?: string;
}

export interface WinnersPage {
  waveId: string;
  page: number;
  pageSize: number;
  pids: string[];
  next?: string;
}

/** SHA-256 over each winner's pid followed by a line feed, in the published order. */
export function winnersDigest(pids: Iterable<string>): string {
  const lines: Buffer[] = [];
  for (const pid of pids) lines.push(Buffer.from(`${pid}\n`, "utf8"));
  return sha256(...lines).toString("hex");
}

export interface PublicationInput {
  waveId: string;
  pool: readonly Candidate[];
  rules: DrawRules;
  seed: string;
  seedCommitment: string;
  beacon: Beacon;
  createdAt: string;
  excludedByReason: Record<string, number>;
  /** The province code (2 digits) of a pool entry, for the published statistics. */
  provinceOf: (entry: Candidate) => string;
  pageSize?: number;
  /** Up to this many winners are listed in the manifest itself; more go to pages of this size. */
  inlineWinners?: number;
}

export interface Publication {
  manifest: DrawManifest;
  poolPages: Array<{ href: string; page: PoolPage }>;
  winnersPages: Array<{ href: string; page: WinnersPage }>;
}

const hrefOf = (folder: string, i: number) => `${folder}/${String(i).padStart(6, "0")}.json`;

/** The whole publication in memory: the reference for tests and small waves. */
export async function buildPublication(
  input: PublicationInput,
): Promise<Outcome<Publication, RulesReason | "duplicate-pid" | "page-size-invalid" | "seed-malformed" | "seed-does-not-match-commitment">> {
  const seedCheck = checkSeed(input.seed, input.seedCommitment);
  if (!seedCheck.ok) return seedCheck;
  const pageSize = input.pageSize ?? DEFAULT_PAGE_SIZE;
  const committed = commitPool(input.pool, pageSize);
  if (!committed.ok) return committed;
  const pool = committed.value;
  const drawKey = drawKeyOf({ seed: input.seed, beaconValue: input.beacon.value, poolRoot: pool.root });
  const run = await runDraw(() => pool.entries, input.rules, drawKey);
  if (!run.ok) return run;
  const { result } = run.value;
  const pids = result.winners.map((w) => w.pid);

  const pages = <T>(folder: string, items: T[]) =>
    items.map((item, i) => ({ href: hrefOf(folder, i), item, next: i + 1 < items.length ? hrefOf(folder, i + 1).slice(folder.length + 1) : undefined }));
  const poolPages = pages(
    "pool",
    pool.pageRoots.map((_, i) => pool.entries.slice(i * pageSize, (i + 1) * pageSize)),
  ).map(({ href, item, next }, i) => ({
    href,
    page: { waveId: input.waveId, page: i, pageSize, entries: item, ...(next ? { next } : {}) },
  }));
  const inline = input.inlineWinners ?? 1000;
  const chunks = pids.length <= inline ? [] : Array.from({ length: Math.ceil(pids.length / inline) }, (_, i) => pids.slice(i * inline, (i + 1) * inline));
  const winnersPages = pages("winners", chunks).map(({ href, item, next }, i) => ({
    href,
    page: { waveId: input.waveId, page: i, pageSize: inline, pids: item, ...(next ? { next } : {}) },
  }));

  const byProvince = new Map<string, { pool: number; winners: number }>();
  const winnerSet = new Set(pids);
  for (const entry of pool.entries) {
    const code = input.provinceOf(entry);
    const counts = byProvince.get(code) ?? { pool: 0, winners: 0 };
    counts.pool += 1;
    if (winnerSet.has(entry.pid)) counts.winners += 1;
    byProvince.set(code, counts);
  }

  const manifest: DrawManifest = {
    algorithm: ALGORITHM,
    waveId: input.waveId,
    poolRoot: pool.root,
    poolSize: pool.size,
    pool: { pageSize, pages: poolPages.map((p, i) => ({ href: p.href, count: p.page.entries.length, root: pool.pageRoots[i] })) },
    seedCommitment: input.seedCommitment,
    seed: input.seed,
    beacon: input.beacon,
    drawKey,
    quota: input.rules.quota,
    familyLimit: input.rules.familyLimit,
    strata: input.rules.strata,
    ...(input.rules.priority === undefined ? {} : { priority: { basisPoints: input.rules.priority.basisPoints } }),
    winners: {
      count: pids.length,
      digest: winnersDigest(pids),
      ...(winnersPages.length === 0 ? { pids } : { pages: winnersPages.map((p) => ({ href: p.href, count: p.page.pids.length })) }),
    },
    result: {
      ...(result.priority === undefined ? {} : { priority: result.priority }),
      strata: result.strata,
      national: result.national,
      skippedForFamilyLimit: result.skippedForFamilyLimit,
    },
    excludedByReason: input.excludedByReason,
    byProvince: Object.fromEntries([...byProvince].sort(([a], [b]) => (a < b ? -1 : 1))),
    createdAt: input.createdAt,
  };
  return done({ manifest, poolPages, winnersPages });
}
