import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import type { DrawManifestDoc, PoolPageDoc } from "@schemas/draw.js";

/**
 * "Check my ID" on a wave's page, in the browser, from the published files only (docs/draw.md
 * §3, §4, §7): the person's rank, their exact position in the draw's order, the cut-offs as
 * positions, and the membership proof of their pool line against the published pool root.
 * The functions' own code (domain/draw/) uses node:crypto; this is the same arithmetic with
 * @noble/hashes, checked against docs/draw.md's vectors in tests/unit/web/myPosition.test.ts.
 */

type Entry = PoolPageDoc["entries"][number];
type Result = DrawManifestDoc["result"];
type Cutoff = NonNullable<Result["national"]["cutoff"]>;

/** rank = HMAC-SHA-256(drawKey, pid), 64 lowercase hex digits (§4). */
export const rankIn = (drawKey: string, pid: string): string => bytesToHex(hmac(sha256, hexToBytes(drawKey), utf8ToBytes(pid)));

/** The pool line of §3, as committed. */
export const lineOf = (e: Entry): string => `${e.pid},${e.stratum ?? ""},${e.family},${e.familyRecipientsBefore},${e.priority === true ? 1 : 0}`;

const leafHash = (e: Entry) => bytesToHex(sha256(concatBytes(Uint8Array.of(0), utf8ToBytes(lineOf(e)))));
const nodeHash = (left: string, right: string) => bytesToHex(sha256(concatBytes(Uint8Array.of(1), hexToBytes(left), hexToBytes(right))));

/** Rank, then pid, bytewise (the draw's order, §5). */
function before(a: Cutoff, b: Cutoff): boolean {
  if (a.rank !== b.rank) return a.rank < b.rank;
  return a.pid < b.pid;
}

const keyOf = (drawKey: string, e: Entry): Cutoff => ({ rank: rankIn(drawKey, e.pid), pid: e.pid });

/** A membership proof as §3 defines it: the line, its index, the pool's size and the audit path. */
export interface Proof {
  line: string;
  index: number;
  size: number;
  path: string[];
  /** The root recomputed from the line and the path: equal to the manifest's poolRoot when the proof holds. */
  root: string;
}

/**
 * The RFC 6962 audit path of leaf `index`, given the leaves of its own page and the published
 * roots of every page (each full page is a perfect subtree, §3): no other page is needed.
 */
export function proofOf(manifest: Pick<DrawManifestDoc, "poolSize" | "pool">, page: number, entries: readonly Entry[], index: number): Proof {
  const size = manifest.poolSize;
  const pageSize = manifest.pool.pageSize;
  const roots = manifest.pool.pages.map((p) => p.root);
  const leaves = entries.map(leafHash);
  const root = (lo: number, hi: number): string => {
    const p = Math.floor(lo / pageSize);
    if (p !== page && lo === p * pageSize && hi === Math.min((p + 1) * pageSize, size)) return roots[p];
    if (hi - lo === 1) return leaves[lo - page * pageSize];
    const k = largestPowerOfTwoBelow(hi - lo);
    return nodeHash(root(lo, lo + k), root(lo + k, hi));
  };
  const path = (m: number, lo: number, hi: number): string[] => {
    if (hi - lo === 1) return [];
    const k = largestPowerOfTwoBelow(hi - lo);
    return m < lo + k ? [...path(m, lo, lo + k), root(lo + k, hi)] : [...path(m, lo + k, hi), root(lo, lo + k)];
  };
  const proofPath = path(index, 0, size);
  return {
    line: lineOf(entries[index - page * pageSize]),
    index,
    size,
    path: proofPath,
    root: rootFromPath(leaves[index - page * pageSize], index, size, proofPath),
  };
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** RFC 9162 §2.1.3.2: the root from a leaf, its index, the tree size and the path (with the "index < size" check). */
export function rootFromPath(leaf: string, index: number, size: number, path: readonly string[]): string {
  if (index >= size) return "";
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return "";
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else r = nodeHash(r, p);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : "";
}

/** Where one person stands, counted over the whole pool (exact). */
export interface Standing {
  rank: string;
  /** 1-based, in the draw's order: among the whole pool, and among the person's stratum if it had seats. */
  position: number;
  stratumPosition: number | null;
  stratumPool: number | null;
  /** Among the priority list's entries, when the person is on it and the wave has a priority round. */
  priorityPosition: number | null;
  priorityPool: number | null;
  /** How far each round reached, as positions: the national cut-off's position in the whole pool, the stratum's and the priority round's within theirs. */
  nationalReach: number | null;
  stratumReach: number | null;
  priorityReach: number | null;
  /** Reached by a round: a winner, unless their family was at its limit (the pool pages show). */
  withinCutoff: boolean;
}

/** The person's exact standing, from every pool entry (all pages read). */
export function standingOf(manifest: Pick<DrawManifestDoc, "result">, drawKey: string, pool: readonly Entry[], me: Entry): Standing {
  const mine = keyOf(drawKey, me);
  const { national, strata } = manifest.result;
  const stratum = me.stratum !== undefined && Object.hasOwn(strata, me.stratum) && strata[me.stratum].seats > 0 ? strata[me.stratum] : null;
  const listed = manifest.result.priority;
  const priority = me.priority === true && listed !== undefined && listed.seats > 0 ? listed : null;
  let position = 1;
  let stratumPosition = 1;
  let priorityPosition = 1;
  let nationalReach = 0;
  let stratumReach = 0;
  let priorityReach = 0;
  for (const entry of pool) {
    const key = keyOf(drawKey, entry);
    const same = entry.stratum === me.stratum;
    if (before(key, mine)) {
      position += 1;
      if (same) stratumPosition += 1;
      if (entry.priority === true) priorityPosition += 1;
    }
    if (national.cutoff !== null && !before(national.cutoff, key)) nationalReach += 1;
    if (same && stratum?.cutoff && !before(stratum.cutoff, key)) stratumReach += 1;
    if (entry.priority === true && priority?.cutoff && !before(priority.cutoff, key)) priorityReach += 1;
  }
  const reached = (outcome: { seats: number; selected: number; cutoff: Cutoff | null }) =>
    outcome.seats > 0 && (outcome.selected < outcome.seats || (outcome.cutoff !== null && !before(outcome.cutoff, mine)));
  return {
    rank: mine.rank,
    position,
    stratumPosition: stratum === null ? null : stratumPosition,
    stratumPool: stratum === null ? null : stratum.pool,
    nationalReach: national.cutoff === null ? null : nationalReach,
    stratumReach: stratum?.cutoff ? stratumReach : null,
    priorityPosition: priority === null ? null : priorityPosition,
    priorityPool: priority === null ? null : priority.pool,
    priorityReach: priority?.cutoff ? priorityReach : null,
    withinCutoff: reached(national) || (stratum !== null && reached(stratum)) || (priority !== null && reached(priority)),
  };
}
