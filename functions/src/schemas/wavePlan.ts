import type { WavePriority } from "../domain/priority.js";
import type { WaveState } from "../domain/wave.js";
import type { z } from "zod";
import type { drawStrata } from "./draw.js";

/**
 * What `planWave` answers: the plan `createWave` would commit to for the same input, computed by
 * the same rules, written nowhere. Only the seed does not exist yet: it is drawn when the wave is
 * saved, and its commitment is in `createWave`'s answer.
 */
export interface WavePlan {
  waveId: string;
  /** The state the wave starts in (`open` when it opens before now). */
  state: WaveState;
  /** ISO date-times, as given. */
  opensAt: string;
  closesAt: string;
  quota: number;
  /** The program year's limit of recipients per family card. */
  familyLimit: number;
  strata: z.output<typeof drawStrata>;
  /** Seats of each declared stratum (province code), by code ascending. */
  seats: Array<{ code: string; seats: number }>;
  /** Seats no stratum claims: drawn nationally. */
  nationalSeats: number;
  beacon: {
    source: string;
    round: number;
    /** The chain whose public key will verify the round (drand's chain hash, 64 hex). */
    chainHash: string;
    /** ISO date-time when that round comes out: after the close and its margin. */
    publishedAt: string;
  };
  /**
   * The priority list declared, at its current version, with its share and what its flag does in
   * words (domain/priority.ts), and the seats of its round (drawn first, among its people).
   */
  priority?: WavePriority & { seats: number };
}
