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
