import { estimatedPosition } from "@domain/draw/estimate.js";
import { poolPage, type DrawManifestDoc, type PoolPageDoc } from "@schemas/draw.js";
import { pagePath } from "../../data/draws.js";
import { proofOf, rankIn, standingOf, type Proof, type Standing } from "./myPosition.js";

/**
 * "Check my ID": the published pool pages fetched by the browser. Up to EXACT_PAGES pages (32,768
 * lines at the close's 4,096 per page, about 4 MB) every page is read and the position counted
 * exactly; above that, the person's page is found by bisection (pages are in pid order: about
 * log2(pages) + 1 fetches, 12 for a 10-million pool) and the position estimated from the rank.
 */
export const EXACT_PAGES = 8;

export const PID = /^[A-Za-z0-9_-]{1,128}$/;

export type CheckOutcome =
  { kind: "found"; standing: Standing; exact: boolean; proof: Proof; read: number; bytes: number } | { kind: "not-found"; read: number };

type Fetched = { page: PoolPageDoc; bytes: number };

async function fetchPage(waveId: string, href: string): Promise<Fetched> {
  const response = await fetch(pagePath(waveId, href), { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`GET ${href}: ${response.status}`);
  const text = await response.text();
  return { page: poolPage.parse(JSON.parse(text)), bytes: text.length };
}

export async function checkMyId(waveId: string, manifest: DrawManifestDoc, drawKey: string, pid: string): Promise<CheckOutcome> {
  const refs = manifest.pool.pages;
  const cache = new Map<number, Fetched>();
  const load = async (i: number) => {
    const known = cache.get(i) ?? (await fetchPage(waveId, refs[i].href));
    cache.set(i, known);
    return known.page;
  };
  const exact = refs.length <= EXACT_PAGES;
  let pageIndex = -1;
  if (exact) {
    const pages = await Promise.all(refs.map((_, i) => load(i)));
    pageIndex = pages.findIndex((page) => page.entries.some((e) => e.pid === pid));
  } else {
    // The last page whose first pid is not after the person's.
    let lo = 0;
    let hi = refs.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if ((await load(mid)).entries[0].pid <= pid) lo = mid;
      else hi = mid - 1;
    }
    if ((await load(lo)).entries.some((e) => e.pid === pid)) pageIndex = lo;
  }
  const read = cache.size;
  if (pageIndex < 0) return { kind: "not-found", read };
  const entries = (await load(pageIndex)).entries;
  const inPage = entries.findIndex((e) => e.pid === pid);
  const me = entries[inPage];
  const proof = proofOf(manifest, pageIndex, entries, pageIndex * manifest.pool.pageSize + inPage);
  const bytes = [...cache.values()].reduce((sum, f) => sum + f.bytes, 0);
  if (exact) {
    const pool = [...cache.entries()].sort(([a], [b]) => a - b).flatMap(([, f]) => f.page.entries);
    return { kind: "found", standing: standingOf(manifest, drawKey, pool, me), exact, proof, read, bytes };
  }
  // Too many pages to rank them all here: whether the rounds reached the person is exact, positions are estimated.
  const reach = standingOf(manifest, drawKey, [], me);
  const rank = rankIn(drawKey, pid);
  const about = (r: string | undefined, n: number | null) => (r === undefined || n === null ? null : estimatedPosition(r, n));
  const stratum = reach.stratumPool;
  const standing: Standing = {
    ...reach,
    position: estimatedPosition(rank, manifest.poolSize),
    stratumPosition: about(rank, stratum),
    nationalReach: about(manifest.result.national.cutoff?.rank, manifest.poolSize),
    stratumReach: me.stratum === undefined ? null : about(manifest.result.strata[me.stratum]?.cutoff?.rank, stratum),
    priorityPosition: about(rank, reach.priorityPool),
    priorityReach: about(manifest.result.priority?.cutoff?.rank, reach.priorityPool),
  };
  return { kind: "found", standing, exact, proof, read, bytes };
}
