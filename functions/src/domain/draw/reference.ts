import { done, type Outcome } from "../outcome.js";
import { ALGORITHM } from "./bytes.js";
import { prepareRules, type RulesReason } from "./apportion.js";
import { compareOrder, orderKeyOf } from "./order.js";
import { rankOf } from "./seed.js";
import type { Candidate, DrawResult, DrawRules, Ranked, SeatOutcome, Winner } from "./types.js";

/**
 * The specification of docs/draw.md, step by step, with the whole pool in memory: no heaps,
 * no margins, no second pass. The streaming draw must agree with it on every pool (property
 * tests), and `verify-draw --reference` uses it as a second, independent path.
 */
export function referenceDraw(pool: readonly Candidate[], rules: DrawRules, drawKey: string): Outcome<DrawResult, RulesReason> {
  const prepared = prepareRules(rules);
  if (!prepared.ok) return prepared;
  const { seats, familyLimit, nationalSeats, prioritySeats } = prepared.value;
  const ordered: Ranked[] = pool.map((c) => ({ ...c, rank: rankOf(drawKey, c.pid) })).sort(compareOrder);

  // Positions: 1-based place in the order, in the whole pool, among the priority entries and within each stratum.
  const inPool = new Map<string, number>();
  const inPriority = new Map<string, number>();
  const inStratum = new Map<string, number>();
  const stratumCounts = new Map<string, number>();
  ordered.forEach((c, i) => {
    inPool.set(c.pid, i + 1);
    if (c.priority === true) inPriority.set(c.pid, inPriority.size + 1);
    if (c.stratum === undefined) return;
    const n = (stratumCounts.get(c.stratum) ?? 0) + 1;
    stratumCounts.set(c.stratum, n);
    inStratum.set(c.pid, n);
  });

  const wins = new Map<string, number>();
  const selected = new Map<string, Winner>();
  const skipped = new Set<string>();
  const tryToSelect = (c: Ranked, winner: Winner): boolean => {
    if (c.familyRecipientsBefore + (wins.get(c.family) ?? 0) >= familyLimit) {
      skipped.add(c.pid);
      return false;
    }
    wins.set(c.family, (wins.get(c.family) ?? 0) + 1);
    selected.set(c.pid, winner);
    return true;
  };

  // Round 0 (priority): the list's seats, walking the priority entries only.
  const priority = { pool: inPriority.size, seats: prioritySeats ?? 0, selected: 0, cutoff: null as SeatOutcome["cutoff"] };
  for (const c of ordered) {
    if (priority.selected >= priority.seats) break;
    if (c.priority !== true) continue;
    if (tryToSelect(c, { pid: c.pid, round: "priority", position: inPriority.get(c.pid)! })) {
      priority.selected += 1;
      priority.cutoff = orderKeyOf(c);
    }
  }

  const strata = new Map<string, SeatOutcome & { pool: number }>(
    [...seats].map(([code, n]) => [code, { pool: stratumCounts.get(code) ?? 0, seats: n, selected: 0, cutoff: null }]),
  );
  for (const c of ordered) {
    const stratum = c.stratum === undefined ? undefined : strata.get(c.stratum);
    if (!stratum || stratum.selected >= stratum.seats || selected.has(c.pid)) continue;
    if (tryToSelect(c, { pid: c.pid, round: "stratum", stratum: c.stratum!, position: inStratum.get(c.pid)! })) {
      stratum.selected += 1;
      stratum.cutoff = orderKeyOf(c);
    }
  }

  let leftEmpty = priority.seats - priority.selected;
  for (const s of strata.values()) leftEmpty += s.seats - s.selected;
  const national: SeatOutcome = { seats: nationalSeats + leftEmpty, selected: 0, cutoff: null };
  for (const c of ordered) {
    if (national.selected >= national.seats) break;
    if (selected.has(c.pid)) continue;
    if (tryToSelect(c, { pid: c.pid, round: "national", position: inPool.get(c.pid)! })) {
      national.selected += 1;
      national.cutoff = orderKeyOf(c);
    }
  }

  return done({
    algorithm: ALGORITHM,
    drawKey,
    poolSize: pool.length,
    winners: ordered.filter((c) => selected.has(c.pid)).map((c) => selected.get(c.pid)!),
    ...(prioritySeats === null ? {} : { priority }),
    strata: Object.fromEntries(strata),
    national,
    skippedForFamilyLimit: skipped.size,
  });
}
