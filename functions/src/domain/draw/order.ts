import { compareAscii } from "./bytes.js";
import { rankOf } from "./seed.js";
import type { Candidate, DrawResult, OrderKey, SeatOutcome } from "./types.js";

/**
 * The one order every round walks: rank ascending (the 256-bit value big-endian, which for
 * lowercase hex is string order), then pid bytewise. Ranks of distinct pids collide with
 * probability about n²/2²⁵⁷, but a stated rule costs nothing. The priority flag is not part of
 * the order: it only says who may take the priority round's seats.
 */
export function compareOrder(a: OrderKey, b: OrderKey): number {
  return compareAscii(a.rank, b.rank) || compareAscii(a.pid, b.pid);
}

export const orderKeyOf = (entry: OrderKey): OrderKey => ({ rank: entry.rank, pid: entry.pid });

/** Whether a round visited this key with a seat still free (and so selected it or skipped it). */
export function reached(outcome: SeatOutcome, key: OrderKey): boolean {
  if (outcome.seats === 0) return false;
  if (outcome.selected < outcome.seats) return true;
  return outcome.cutoff !== null && compareOrder(key, outcome.cutoff) <= 0;
}

export interface Position {
  rank: string;
  /** Null when the person is not on the priority list, or the rules declare no priority round. */
  reachedInPriority: boolean | null;
  /** Null when the person's stratum has no seats of its own. */
  reachedInStratum: boolean | null;
  reachedNationally: boolean;
  /** Reached by any round: a winner, unless the family limit applied (see the pool page). */
  withinCutoff: boolean;
}

/** What one applicant can check from the manifest and their own pool line. */
export function positionOf(
  entry: Pick<Candidate, "pid" | "stratum" | "priority">,
  drawKey: string,
  result: Pick<DrawResult, "strata" | "national" | "priority">,
): Position {
  const rank = rankOf(drawKey, entry.pid);
  const key: OrderKey = { rank, pid: entry.pid };
  const priority = entry.priority === true && result.priority !== undefined && result.priority.seats > 0 ? result.priority : null;
  const reachedInPriority = priority === null ? null : reached(priority, key);
  const stratum = entry.stratum !== undefined && Object.hasOwn(result.strata, entry.stratum) ? result.strata[entry.stratum] : null;
  const reachedInStratum = stratum === null || stratum.seats === 0 ? null : reached(stratum, key);
  const reachedNationally = reached(result.national, key);
  return {
    rank,
    reachedInPriority,
    reachedInStratum,
    reachedNationally,
    withinCutoff: reachedInPriority === true || reachedInStratum === true || reachedNationally,
  };
}
