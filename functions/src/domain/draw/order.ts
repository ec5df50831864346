import { compareAscii } from "./bytes.js";
import { rankOf } from "./seed.js";
import type { Candidate, DrawResult, OrderKey, SeatOutcome } from "./types.js";

/** An order key, or a ranked candidate (whose priority flag may be absent). */
type Ordered = Pick<OrderKey, "rank" | "pid"> & { priority?: boolean };

/**
 * The one order every round walks: priority-list entries first, then rank ascending (the
 * 256-bit value big-endian, which for lowercase hex is string order), then pid bytewise. Ranks
 * of distinct pids collide with probability about n²/2²⁵⁷, but a stated rule costs nothing.
 */
export function compareOrder(a: Ordered, b: Ordered): number {
  const pa = a.priority === true;
  if (pa !== (b.priority === true)) return pa ? -1 : 1;
  return compareAscii(a.rank, b.rank) || compareAscii(a.pid, b.pid);
}

export const orderKeyOf = (entry: Candidate & { rank: string }): OrderKey => ({ priority: entry.priority === true, rank: entry.rank, pid: entry.pid });

/** Whether a round visited this key with a seat still free (and so selected it or skipped it). */
export function reached(outcome: SeatOutcome, key: OrderKey): boolean {
  if (outcome.seats === 0) return false;
  if (outcome.selected < outcome.seats) return true;
  return outcome.cutoff !== null && compareOrder(key, outcome.cutoff) <= 0;
}

export interface Position {
  rank: string;
  /** Null when the person's stratum has no seats of its own. */
  reachedInStratum: boolean | null;
  reachedNationally: boolean;
  /** Reached by either round: a winner, unless the family limit applied (see the pool page). */
  withinCutoff: boolean;
}

/** What one applicant can check from the manifest and their own pool line. */
export function positionOf(entry: Pick<Candidate, "pid" | "stratum" | "priority">, drawKey: string, result: Pick<DrawResult, "strata" | "national">): Position {
  const rank = rankOf(drawKey, entry.pid);
  const key: OrderKey = { priority: entry.priority === true, rank, pid: entry.pid };
  const stratum = entry.stratum !== undefined && Object.hasOwn(result.strata, entry.stratum) ? result.strata[entry.stratum] : null;
  const reachedInStratum = stratum === null || stratum.seats === 0 ? null : reached(stratum, key);
  const reachedNationally = reached(result.national, key);
  return { rank, reachedInStratum, reachedNationally, withinCutoff: reachedInStratum === true || reachedNationally };
}
