import { dueWaveState, type WaveState } from "../domain/wave.js";
import { closeWave, type CloseStep, type CloseWavePorts } from "./closeWave.js";
import type { Ports } from "./ports.js";

export interface WaveMove {
  waveId: string;
  from: WaveState;
  to: WaveState;
}

/** What one run did to a wave in its draw: a step, or why it did none. */
export type DrawStepResult =
  { waveId: string; step: CloseStep } | { waveId: string; step: "held-by-another-run" } | { waveId: string; step: "failed"; error: unknown };

export type AdvancePorts = Pick<Ports, "waves" | "leases" | "tasks"> & CloseWavePorts;

/**
 * A wave's draw step is held for longer than the schedule's own timeout (540 s), so a lease
 * still held belongs to a run that is still working; a run that died loses it after this. The
 * step only reads state and enqueues tasks (usecases/closeWave.ts): it takes seconds.
 */
export const DRAW_STEP_LEASE_SECONDS = 600;

/**
 * One tick of the clock. Opens and closes waves whose time has come (`scheduledFor` is the
 * tick's own time, not the machine's, so a late or repeated run decides the same way), then
 * moves each closed wave's close along (starts it, or re-enqueues the tasks its stage waits for). Each wave's step runs under a lease taken
 * in a transaction: runs that overlap (a slow run, a retry, two ticks) never freeze or draw one
 * wave at the same time. A wave whose step fails is reported and the others still advance.
 */
export async function advanceWaves(ports: AdvancePorts, scheduledFor: Date, run: string): Promise<{ moves: WaveMove[]; steps: DrawStepResult[] }> {
  const moves: WaveMove[] = [];
  for (const { id, wave } of await ports.waves.unfinished()) {
    const due = dueWaveState(wave, scheduledFor);
    if (due === wave.state) continue;
    const reached = await ports.waves.advance(id, due, { state: due, at: ports.clock.now(), scheduledFor });
    moves.push({ waveId: id, from: wave.state, to: reached });
  }
  const steps: DrawStepResult[] = [];
  for (const waveId of await ports.waves.drawing()) steps.push(await drawStep(ports, waveId, run));
  return { moves, steps };
}

async function drawStep(ports: AdvancePorts, waveId: string, run: string): Promise<DrawStepResult> {
  const lease = `wave-draw-${waveId}`;
  const now = ports.clock.now();
  if (!(await ports.leases.take(lease, run, now, new Date(now.getTime() + DRAW_STEP_LEASE_SECONDS * 1000)))) return { waveId, step: "held-by-another-run" };
  try {
    // The close's work runs in tasks; the step starts it and re-enqueues what it waits for. The
    // publication enqueues the result notifications (usecases/close/applyWinnersPage.ts).
    return { waveId, step: await closeWave(ports, waveId) };
  } catch (error) {
    return { waveId, step: "failed", error };
  } finally {
    // Released only after the step's writes: the next run starts from the state this one left.
    await ports.leases.release(lease, run);
  }
}
