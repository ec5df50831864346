import { httpsCallable } from "firebase/functions";
import type { JoinWaveInput } from "@schemas/waves.js";
import { functions } from "../functions.js";

/** What joinWave answers (functions/src/usecases/joinWave.ts). */
export interface JoinWaveResult {
  waveId: string;
  /** The person's pseudonymous ID in the draw's published pool. */
  pid: string;
  /** False when they were already in the pool (joined before, or carried over from a wave). */
  joined: boolean;
}

export const callJoinWave = httpsCallable<JoinWaveInput, JoinWaveResult>(functions, "joinWave");
