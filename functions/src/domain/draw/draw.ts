import { refused, done, type Outcome } from "../outcome.js";
import { prepareRules, type RulesReason } from "./apportion.js";
import { finalize } from "./finalize.js";
import { initialCapacities, PoolScanner, type Capacities } from "./scan.js";
import type { Candidate, DrawResult, DrawRules } from "./types.js";

/** The pool, read from the start each time it is called (a re-readable stream). */
export type PoolSource = () => Iterable<Candidate> | AsyncIterable<Candidate>;

export interface DrawRun {
  result: DrawResult;
  /** Reads of the pool it took: 1 unless the family limit skipped more than the heaps' margin. */
  passes: number;
  capacities: Capacities;
}

/**
 * The draw, streaming: memory follows the quota, not the pool. `drawKey` comes from seed.ts
 * (drawKeyOf); the pool must be the committed one (pool.ts), which also guarantees distinct pids.
 */
export async function runDraw(
  pool: PoolSource,
  rules: DrawRules,
  drawKey: string,
  capacities?: Capacities,
): Promise<Outcome<DrawRun, RulesReason | "duplicate-pid">> {
  const prepared = prepareRules(rules);
  if (!prepared.ok) return prepared;
  let current = capacities ?? initialCapacities(prepared.value);
  for (let passes = 1; ; passes += 1) {
    const scanner = new PoolScanner(drawKey, current);
    const source = pool();
    // A plain iterable is read without an await per candidate: millions of them add up.
    if (Symbol.asyncIterator in source) for await (const candidate of source) scanner.add(candidate);
    else for (const candidate of source) scanner.add(candidate);
    const outcome = finalize(prepared.value, scanner.summary());
    if (outcome.ok) return done({ result: outcome.value, passes, capacities: current });
    if (outcome.reason === "duplicate-pid") return refused(outcome.reason);
    current = outcome.capacities;
  }
}
