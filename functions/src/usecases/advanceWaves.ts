import { dueWaveState, type WaveState } from "../domain/wave.js";
import type { Waves } from "./ports.js";

export interface WaveMove {
  waveId: string;
  from: WaveState;
  to: WaveState;
}

/**
 * Opens and closes waves whose time has come. `scheduledFor` is the tick's own time
 * (the scheduler's, not the machine's), so a late or repeated run decides the same way.
 */
export async function advanceWaves(waves: Waves, scheduledFor: Date, now: Date): Promise<WaveMove[]> {
  const moves: WaveMove[] = [];
  for (const { id, wave } of await waves.unfinished()) {
    const due = dueWaveState(wave, scheduledFor);
    if (due === wave.state) continue;
    const reached = await waves.advance(id, due, { state: due, at: now, scheduledFor });
    moves.push({ waveId: id, from: wave.state, to: reached });
  }
  return moves;
}
