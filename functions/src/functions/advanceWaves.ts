import { randomUUID } from "node:crypto";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { ports } from "../composition.js";
import { TIME_ZONE, vaultKeysSecret } from "../config.js";
import { logs } from "../logs.js";
import { advanceWaves as advanceWavesUseCase } from "../usecases/advanceWaves.js";

/**
 * Every minute: opens waves whose opening time has come, closes those that are due, and moves
 * closed waves through their draw (freeze, then draw once the beacon round is out), each wave
 * under a lease. A failed wave is logged and tried again on the next tick; it does not fail the
 * run, so the other waves are never held back by it.
 */
export const advanceWaves = onSchedule(
  { schedule: "* * * * *", timeZone: TIME_ZONE, retryCount: 0, timeoutSeconds: 540, memory: "1GiB", secrets: [vaultKeysSecret] },
  async (event) => {
    const scheduledFor = event.scheduleTime ? new Date(event.scheduleTime) : ports().clock.now();
    const { moves, steps } = await advanceWavesUseCase(ports(), scheduledFor, randomUUID());
    if (moves.length > 0) logs.wavesAdvanced(moves, scheduledFor.toISOString());
    for (const result of steps) {
      if (result.step === "failed") logs.drawStepFailed(result.waveId, result.error);
      else logs.drawStep(result.waveId, result.step);
    }
  },
);
