import type { MyStatus } from "../../data/registration.js";
import { loadMyStatus } from "../../data/registration.js";
import { loadUndrawnWaves, loadWave, type Wave } from "../../data/waves.js";

export interface StatusView {
  /** null: not registered. */
  status: MyStatus | null;
  /** The waves not drawn yet, and the wave of the person's latest draw: what the next step names. */
  waves: Wave[];
}

/** The person's status and the waves it is about, read together (the waves are public). */
export async function loadStatusView(): Promise<StatusView> {
  const [status, waves] = await Promise.all([loadMyStatus(), loadUndrawnWaves()]);
  const latestId = status?.draw?.latest?.waveId;
  if (latestId !== undefined && !waves.some((wave) => wave.id === latestId)) {
    const latest = await loadWave(latestId);
    if (latest) waves.push(latest);
  }
  return { status, waves };
}
