import { done, refused, type Outcome } from "../outcome.js";
import { compareAscii } from "./bytes.js";
import { MAX_QUOTA, STRATUM_CODE, WHOLE } from "./constants.js";
import type { DrawRules, Strata } from "./types.js";
import { prioritySeatsOf } from "../priority.js";

export type RulesReason =
  "quota-invalid" | "family-limit-invalid" | "stratum-code-invalid" | "shares-exceed-whole" | "counts-exceed-quota" | "priority-share-invalid";

/** Rules checked and seats apportioned: what the draw itself works from. */
export interface PreparedRules {
  quota: number;
  familyLimit: number;
  /** Seats of the priority round (null: the rules declare none). */
  prioritySeats: number | null;
  /** Seats of each declared stratum, by code ascending (a stratum may get 0). */
  seats: Map<string, number>;
  /** Seats given neither to the priority round nor to a stratum. */
  nationalSeats: number;
}

const isCount = (n: number, max = Number.MAX_SAFE_INTEGER) => Number.isSafeInteger(n) && n >= 0 && n <= max;

export function prepareRules(rules: DrawRules): Outcome<PreparedRules, RulesReason> {
  if (!isCount(rules.quota, MAX_QUOTA)) return refused("quota-invalid");
  if (!isCount(rules.familyLimit) || rules.familyLimit < 1) return refused("family-limit-invalid");
  const share = rules.priority?.basisPoints;
  if (share !== undefined && (!isCount(share, WHOLE) || share < 1)) return refused("priority-share-invalid");
  // The priority round's seats come off the top; the strata share what is left.
  const prioritySeats = share === undefined ? null : prioritySeatsOf(rules.quota, share);
  const rest = rules.quota - (prioritySeats ?? 0);
  const seats = apportion(rest, rules.strata);
  if (!seats.ok) return seats;
  let given = 0;
  for (const n of seats.value.values()) given += n;
  return done({ quota: rules.quota, familyLimit: rules.familyLimit, prioritySeats, seats: seats.value, nationalSeats: rest - given });
}

/**
 * Shares by largest remainder (Hamilton), in integers. Stratum s with w_s basis points is owed
 * quota × w_s / 10000 seats: it gets the floor, then the strata together get
 * floor(quota × Σw / 10000) seats, the leftover ones going one each to the largest remainders
 * (quota × w_s mod 10000); ties go to the larger share, then to the code bytewise ascending.
 * The fraction of the quota no share claims stays national.
 */
export function apportion(quota: number, strata: Strata): Outcome<Map<string, number>, RulesReason> {
  if (strata.kind === "none") return done(new Map());
  const declared = Object.entries(strata.kind === "shares" ? strata.basisPoints : strata.counts).sort(([a], [b]) => compareAscii(a, b));
  if (declared.some(([code]) => !STRATUM_CODE.test(code))) return refused("stratum-code-invalid");
  if (strata.kind === "counts") {
    if (declared.some(([, n]) => !isCount(n))) return refused("counts-exceed-quota");
    if (declared.reduce((sum, [, n]) => sum + n, 0) > quota) return refused("counts-exceed-quota");
    return done(new Map(declared));
  }
  if (declared.some(([, w]) => !isCount(w, WHOLE))) return refused("shares-exceed-whole");
  const totalWeight = declared.reduce((sum, [, w]) => sum + w, 0);
  if (totalWeight > WHOLE) return refused("shares-exceed-whole");
  const owed = declared.map(([code, weight]) => ({ code, weight, seats: quotient(quota * weight), remainder: (quota * weight) % WHOLE }));
  let leftover = quotient(quota * totalWeight) - owed.reduce((sum, s) => sum + s.seats, 0);
  const byRemainder = [...owed].sort((a, b) => b.remainder - a.remainder || b.weight - a.weight || compareAscii(a.code, b.code));
  for (const stratum of byRemainder) {
    if (leftover === 0) break;
    stratum.seats += 1;
    leftover -= 1;
  }
  return done(new Map(owed.map((s) => [s.code, s.seats])));
}

/** Integer division by WHOLE without a floating-point quotient (exact below 2^53). */
const quotient = (n: number): number => (n - (n % WHOLE)) / WHOLE;
