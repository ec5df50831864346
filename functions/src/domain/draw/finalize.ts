import { ALGORITHM } from "./bytes.js";
import type { PreparedRules } from "./apportion.js";
import { compareOrder, orderKeyOf } from "./order.js";
import type { Capacities, DrawSummary } from "./scan.js";
import type { DrawResult, Ranked, Winner } from "./types.js";

/**
 * The rounds, over what the scan kept. The specification (docs/draw.md) walks the whole pool in
 * the draw's order; here only the kept prefixes are walked. Why that is exact:
 *
 * 0. The priority round walks the priority entries' prefix. Its decisions depend only on the
 *    priority candidates before each one; if it fills its seats inside the prefix, or the prefix
 *    holds every priority entry, it is exact (the same remedy as below otherwise). Rounds 1 and 2
 *    then know all of its winners.
 * 1. Whether a candidate c is skipped for the family limit depends only on its own line and on
 *    the winners selected before c in the walk: in round 1, every priority-round winner and the
 *    candidates before c in the draw's order; in round 2, all of the earlier rounds and the
 *    round-2 candidates before c.
 * 2. A heap holds an exact prefix (the best k) of its stratum or of the pool. Round 1 walks the
 *    union of the stratum prefixes in the draw's order. If every stratum either filled its seats
 *    inside its prefix or has no candidates outside it, every candidate outside the prefixes
 *    comes after its stratum's last seat was taken, so the full walk selects none of them; by
 *    induction along the order (1), both walks then make the same decision on every kept
 *    candidate. Otherwise that stratum's heap was too small: we say so and the caller re-reads
 *    the pool with a larger one.
 * 3. Round 2 walks the pool's prefix. Its decisions depend on all round-1 winners (known
 *    exactly by 2) and on round-2 winners before it (inside the prefix, by 1). If the national
 *    seats fill inside the prefix, or the prefix is the whole pool, the result is exact;
 *    otherwise the global heap was too small, and the same remedy applies.
 * Enlarging a heap never changes an exact result, and a heap as large as its pool is always
 * exact, so re-reading with doubled heaps ends, usually after one pass.
 */

export type FinalizeOutcome =
  { ok: true; value: DrawResult } | { ok: false; reason: "retained-too-few"; capacities: Capacities } | { ok: false; reason: "duplicate-pid" };

export function finalize(rules: PreparedRules, summary: DrawSummary): FinalizeOutcome {
  const winsByFamily = new Map<string, number>();
  const allowed = (e: Ranked) => e.familyRecipientsBefore + (winsByFamily.get(e.family) ?? 0) < rules.familyLimit;
  const winners = new Map<string, { winner: Winner; entry: Ranked }>();
  const skipped = new Set<string>();
  const select = (entry: Ranked, winner: Winner) => {
    winsByFamily.set(entry.family, (winsByFamily.get(entry.family) ?? 0) + 1);
    winners.set(entry.pid, { winner, entry });
  };

  const walk = [...summary.strata].flatMap(([, { top }]) => top.map((entry, i) => ({ entry, position: i + 1 })));
  walk.sort((a, b) => compareOrder(a.entry, b.entry));
  if (hasDuplicate(walk.map((w) => w.entry)) || hasDuplicate(summary.global) || hasDuplicate(summary.priority.top)) {
    return { ok: false, reason: "duplicate-pid" };
  }

  // Round 0: the priority list's seats, among the priority entries only.
  const prioritySeats = rules.prioritySeats ?? 0;
  let prioritySelected = 0;
  let priorityLast: Ranked | null = null;
  for (const [i, entry] of summary.priority.top.entries()) {
    if (prioritySelected >= prioritySeats) break;
    if (!allowed(entry)) {
      skipped.add(entry.pid);
      continue;
    }
    select(entry, { pid: entry.pid, round: "priority", position: i + 1 });
    prioritySelected += 1;
    priorityLast = entry;
  }
  if (prioritySelected < prioritySeats && summary.priority.pool > summary.priority.top.length) {
    return {
      ok: false,
      reason: "retained-too-few",
      capacities: { ...summary.capacities, priority: Math.min(summary.priority.pool, Math.max(1, 2 * summary.capacities.priority)) },
    };
  }

  const filled = new Map<string, { selected: number; last: Ranked | null }>([...rules.seats.keys()].map((code) => [code, { selected: 0, last: null }]));
  for (const { entry, position } of walk) {
    const code = entry.stratum!;
    const stratum = filled.get(code)!;
    if (stratum.selected >= rules.seats.get(code)!) continue;
    if (winners.has(entry.pid)) continue;
    if (!allowed(entry)) {
      skipped.add(entry.pid);
      continue;
    }
    select(entry, { pid: entry.pid, round: "stratum", stratum: code, position });
    stratum.selected += 1;
    stratum.last = entry;
  }
  const strataCapacities = new Map(summary.capacities.strata);
  let tooFew = false;
  for (const [code, { pool, top }] of summary.strata) {
    if (filled.get(code)!.selected < rules.seats.get(code)! && pool > top.length) {
      strataCapacities.set(code, Math.min(pool, Math.max(1, 2 * summary.capacities.strata.get(code)!)));
      tooFew = true;
    }
  }
  if (tooFew) return { ok: false, reason: "retained-too-few", capacities: { ...summary.capacities, strata: strataCapacities } };

  let nationalSeats = rules.nationalSeats + (prioritySeats - prioritySelected);
  for (const [code, { selected }] of filled) nationalSeats += rules.seats.get(code)! - selected;
  let national = 0;
  let nationalLast: Ranked | null = null;
  for (const [i, entry] of summary.global.entries()) {
    if (national >= nationalSeats) break;
    if (winners.has(entry.pid)) continue;
    if (!allowed(entry)) {
      skipped.add(entry.pid);
      continue;
    }
    select(entry, { pid: entry.pid, round: "national", position: i + 1 });
    national += 1;
    nationalLast = entry;
  }
  if (national < nationalSeats && summary.pool > summary.global.length) {
    return {
      ok: false,
      reason: "retained-too-few",
      capacities: { ...summary.capacities, global: Math.min(summary.pool, Math.max(1, 2 * summary.capacities.global)), strata: strataCapacities },
    };
  }

  return {
    ok: true,
    value: {
      algorithm: ALGORITHM,
      drawKey: summary.drawKey,
      poolSize: summary.pool,
      winners: [...winners.values()].sort((a, b) => compareOrder(a.entry, b.entry)).map((w) => w.winner),
      ...(rules.prioritySeats === null
        ? {}
        : {
            priority: { pool: summary.priority.pool, seats: prioritySeats, selected: prioritySelected, cutoff: priorityLast && orderKeyOf(priorityLast) },
          }),
      strata: Object.fromEntries(
        [...filled].map(([code, { selected, last }]) => [
          code,
          { pool: summary.strata.get(code)!.pool, seats: rules.seats.get(code)!, selected, cutoff: last && orderKeyOf(last) },
        ]),
      ),
      national: { seats: nationalSeats, selected: national, cutoff: nationalLast && orderKeyOf(nationalLast) },
      skippedForFamilyLimit: skipped.size,
    },
  };
}

/** Sorted input: a pid seen twice sits next to itself (same rank). */
function hasDuplicate(sorted: readonly Ranked[]): boolean {
  for (let i = 1; i < sorted.length; i += 1) if (sorted[i].pid === sorted[i - 1].pid) return true;
  return false;
}
