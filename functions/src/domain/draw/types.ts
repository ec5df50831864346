import type { ALGORITHM } from "./bytes.js";

/**
 * One entry of a wave's frozen pool, as published on the pool pages. Every field takes part in
 * the pool commitment, so none of them can change once the randomness is known.
 */
export interface Candidate {
  /** Pseudonymous ID (TOKEN alphabet), unique in the pool. */
  pid: string;
  /** Declared stratum code (e.g. a province); absent when the wave declares no strata. */
  stratum?: string;
  /** Pseudonymous family (KK) key: the family limit counts winners per key. */
  family: string;
  /** Recipients this family already had in earlier waves (the same for every member). */
  familyRecipientsBefore: number;
  /** On the wave's declared priority list: may take one of the priority round's seats (DrawRules.priority). */
  priority?: boolean;
}

/** A candidate with its rank: HMAC-SHA-256(drawKey, pid), 64 lowercase hex digits. */
export interface Ranked extends Candidate {
  rank: string;
}

/** What orders candidates: rank ascending, then pid (the tie rule). */
export interface OrderKey {
  rank: string;
  pid: string;
}

/**
 * Strata declared before the draw. Shares are basis points of the quota (10000 = all of it) so
 * no floating point ever decides a seat; counts are seats outright. Seats not given to a stratum
 * are national seats.
 */
export type Strata = { kind: "none" } | { kind: "shares"; basisPoints: Record<string, number> } | { kind: "counts"; counts: Record<string, number> };

export interface DrawRules {
  quota: number;
  /** At most this many recipients per family, counting earlier waves (2 in the real program). */
  familyLimit: number;
  strata: Strata;
  /**
   * The priority list's share of the quota, in basis points (1–10000): that many seats are drawn
   * first among the entries flagged `priority`, and the strata are apportioned over the rest.
   * Absent: no priority round (a flag, if any, changes nothing).
   */
  priority?: { basisPoints: number };
}

export type Round = "priority" | "stratum" | "national";

export interface Winner {
  pid: string;
  round: Round;
  /** Set for stratum-round winners. */
  stratum?: string;
  /**
   * 1-based place in the order key: among the priority entries for a priority-round winner,
   * among the pool entries of `stratum` for a stratum-round winner, among the whole pool for a
   * national-round winner.
   */
  position: number;
}

export interface SeatOutcome {
  seats: number;
  selected: number;
  /** Order key of the last candidate selected in this round, or null when nobody was. */
  cutoff: OrderKey | null;
}

export interface StratumOutcome extends SeatOutcome {
  /** Pool entries declaring this stratum. */
  pool: number;
}

export interface DrawResult {
  algorithm: typeof ALGORITHM;
  drawKey: string;
  poolSize: number;
  /** In ascending order key. */
  winners: Winner[];
  /** The priority round, when the rules declare one; `pool` counts the priority entries. */
  priority?: StratumOutcome;
  /** Every declared stratum, by code ascending. */
  strata: Record<string, StratumOutcome>;
  national: SeatOutcome;
  /** Candidates a round reached with a seat still free but skipped for the family limit. */
  skippedForFamilyLimit: number;
}
