/**
 * The wave (gelombang) lifecycle. States only move forward:
 * scheduled → open → closed (by the clock) → frozen (pool committed) → drawn (published).
 */
export const WAVE_STATES = ["scheduled", "open", "closed", "frozen", "drawn"] as const;
export type WaveState = (typeof WAVE_STATES)[number];

export interface WaveTimes {
  state: WaveState;
  opensAt: Date;
  closesAt: Date;
}

const ORDER: Record<WaveState, number> = { scheduled: 0, open: 1, closed: 2, frozen: 3, drawn: 4 };

/** The state a wave should be in at `now`; never earlier than the state it is in. */
export function dueWaveState(wave: WaveTimes, now: Date): WaveState {
  const byClock: WaveState = now >= wave.closesAt ? "closed" : now >= wave.opensAt ? "open" : "scheduled";
  return ORDER[byClock] > ORDER[wave.state] ? byClock : wave.state;
}

/** True when moving from `from` to `to` is allowed (forward only, or staying). */
export function isForward(from: WaveState, to: WaveState): boolean {
  return ORDER[to] >= ORDER[from];
}

/**
 * One pool for every wave: the pool is everyone who joined and was not drawn yet, so two waves
 * must never use it at once. A wave is done with the pool for opening the next one once it is
 * frozen (its pool was read), and for closing the next one once it is drawn (its winners left
 * the pool). At creation, with time only, that reads: windows of waves not yet drawn do not
 * overlap; the later opens at least POOL_HANDOVER_MS after the earlier closes (time for the
 * earlier's freeze); and the later closes at least POOL_HANDOVER_MS after the earlier's beacon
 * round is out (time for the earlier's draw, which runs at the first tick after the round).
 */
export const POOL_HANDOVER_MS = 60 * 60 * 1000;

/** A wave as the pool rule sees it: its window and when its beacon round comes out (`drawAt`). */
export interface PoolWindow {
  waveId: string;
  state: WaveState;
  opensAt: Date;
  closesAt: Date;
  drawAt: Date;
}

/** Why a wave cannot share the pool's time with another: the other wave, named. */
export type PoolClash = { kind: "overlap"; other: PoolWindow } | { kind: "draw-pending"; other: PoolWindow };

/**
 * The first wave (in `others`' order) the `candidate` clashes with under the one-pool rule, or
 * null. A drawn wave is done with the pool; a frozen one only needs its draw before the next close.
 */
export function poolClash(candidate: PoolWindow, others: readonly PoolWindow[]): PoolClash | null {
  for (const other of others) {
    if (other.waveId === candidate.waveId || other.state === "drawn") continue;
    const clash = pairClash(candidate, other);
    if (clash !== null) return { kind: clash, other };
  }
  return null;
}

function pairClash(candidate: PoolWindow, other: PoolWindow): PoolClash["kind"] | null {
  const overlaps = candidate.opensAt < other.closesAt && other.opensAt < candidate.closesAt;
  if (overlaps) return "overlap";
  const [earlier, later] = candidate.closesAt <= other.opensAt ? [candidate, other] : [other, candidate];
  // A frozen earlier wave has read its pool already: the later may open at once.
  if (earlier.state !== "frozen" && later.opensAt.getTime() < earlier.closesAt.getTime() + POOL_HANDOVER_MS) return "overlap";
  if (later.closesAt.getTime() < earlier.drawAt.getTime() + POOL_HANDOVER_MS) return "draw-pending";
  return null;
}

/** An instant as the program office reads it: Jakarta time (UTC+7, no daylight saving), e.g. "2026-03-09 00:00 WIB". */
export const wibTime = (at: Date): string => `${new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace("T", " ")} WIB`;
