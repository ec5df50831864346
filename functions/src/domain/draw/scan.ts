import { done, refused, type Outcome } from "../outcome.js";
import type { PreparedRules } from "./apportion.js";
import { heapKey, TopHeap } from "./heap.js";
import { KeyedRank } from "./keyed.js";
import type { Candidate, Ranked } from "./types.js";

/**
 * One pass over the pool (or over one partition of it): ranks every candidate and keeps only
 * the best few per heap, so memory follows the quota, not the pool. Nothing kept depends on
 * the order candidates arrive in, or on how the pool was split (see mergePartitions).
 */

/** How many candidates each heap keeps; the draw enlarges them when the family limit skips many. */
export interface Capacities {
  global: number;
  /** The priority entries' heap (0 when the rules declare no priority round). */
  priority: number;
  strata: Map<string, number>;
}

/** The seats plus an eighth: with families of a few people, the family limit rarely skips more. */
const withMargin = (seats: number): number => (seats === 0 ? 0 : seats + Math.ceil(seats / 8) + 16);

export function initialCapacities(rules: PreparedRules): Capacities {
  return {
    global: withMargin(rules.quota),
    priority: withMargin(rules.prioritySeats ?? 0),
    strata: new Map([...rules.seats].map(([code, seats]) => [code, withMargin(seats)])),
  };
}

export interface DrawSummary {
  drawKey: string;
  capacities: Capacities;
  pool: number;
  /** The best `capacities.global` of the whole pool, best first. */
  global: Ranked[];
  /** The priority entries counted, and their best `capacities.priority` first. */
  priority: { pool: number; top: Ranked[] };
  /** Per declared stratum: its pool entries counted, and its best `capacities.strata` first. */
  strata: Map<string, { pool: number; top: Ranked[] }>;
}

export class PoolScanner {
  private readonly ranker: KeyedRank;
  private readonly global: TopHeap;
  private readonly priority: { pool: number; heap: TopHeap };
  private readonly strata = new Map<string, { pool: number; heap: TopHeap }>();
  private pool = 0;

  constructor(
    readonly drawKey: string,
    readonly capacities: Capacities,
  ) {
    this.ranker = new KeyedRank(drawKey);
    this.global = new TopHeap(capacities.global);
    this.priority = { pool: 0, heap: new TopHeap(capacities.priority) };
    for (const [code, capacity] of capacities.strata) this.strata.set(code, { pool: 0, heap: new TopHeap(capacity) });
  }

  add(candidate: Candidate): void {
    this.pool += 1;
    const stratum = candidate.stratum === undefined ? undefined : this.strata.get(candidate.stratum);
    if (stratum) stratum.pool += 1;
    const listed = candidate.priority === true;
    if (listed) this.priority.pool += 1;
    const key = heapKey(this.ranker.rank(candidate.pid).prefix());
    const toGlobal = this.global.admits(key);
    const toStratum = stratum ? stratum.heap.admits(key) : -1;
    const toPriority = listed ? this.priority.heap.admits(key) : -1;
    // Most candidates stop here, past the first few hundred thousand: nothing was allocated.
    if (toGlobal < 0 && toStratum < 0 && toPriority < 0) return;
    // Each heap copies the fields into its slots (the caller may reuse its objects); the rank stays bytes.
    if (toGlobal >= 0) this.global.offerRanked(candidate, key, this.ranker);
    if (stratum && toStratum >= 0) stratum.heap.offerRanked(candidate, key, this.ranker);
    if (toPriority >= 0) this.priority.heap.offerRanked(candidate, key, this.ranker);
  }

  summary(): DrawSummary {
    const made = new Map<string, Ranked>();
    return {
      drawKey: this.drawKey,
      capacities: this.capacities,
      pool: this.pool,
      global: this.global.sorted(made),
      priority: { pool: this.priority.pool, top: this.priority.heap.sorted(made) },
      strata: new Map([...this.strata].map(([code, s]) => [code, { pool: s.pool, top: s.heap.sorted(made) }])),
    };
  }
}

export function scanPool(drawKey: string, capacities: Capacities, candidates: Iterable<Candidate>): DrawSummary {
  const scanner = new PoolScanner(drawKey, capacities);
  for (const candidate of candidates) scanner.add(candidate);
  return scanner.summary();
}

const sameCapacities = (a: Capacities, b: Capacities): boolean =>
  a.global === b.global && a.priority === b.priority && a.strata.size === b.strata.size && [...a.strata].every(([code, n]) => b.strata.get(code) === n);

/**
 * Partitions scanned apart (e.g. by pid prefix, in parallel tasks) combine into the summary of
 * the whole pool: the best k of a union are the best k of the union of each part's best k.
 */
export function mergePartitions(parts: readonly DrawSummary[]): Outcome<DrawSummary, "no-partitions" | "partitions-disagree"> {
  const first = parts[0];
  if (!first) return refused("no-partitions");
  if (parts.some((p) => p.drawKey !== first.drawKey || !sameCapacities(p.capacities, first.capacities))) return refused("partitions-disagree");
  const global = new TopHeap(first.capacities.global);
  const priority = { pool: 0, heap: new TopHeap(first.capacities.priority) };
  const strata = new Map([...first.capacities.strata].map(([code, capacity]) => [code, { pool: 0, heap: new TopHeap(capacity) }]));
  let pool = 0;
  for (const part of parts) {
    pool += part.pool;
    for (const entry of part.global) global.offer(entry);
    priority.pool += part.priority.pool;
    for (const entry of part.priority.top) priority.heap.offer(entry);
    for (const [code, { pool: count, top }] of part.strata) {
      const stratum = strata.get(code)!;
      stratum.pool += count;
      for (const entry of top) stratum.heap.offer(entry);
    }
  }
  return done({
    drawKey: first.drawKey,
    capacities: first.capacities,
    pool,
    global: global.sorted(),
    priority: { pool: priority.pool, top: priority.heap.sorted() },
    strata: new Map([...strata].map(([code, s]) => [code, { pool: s.pool, top: s.heap.sorted() }])),
  });
}
