import { onSchedule } from "firebase-functions/v2/scheduler";
import { firestoreWaves } from "../adapters/waves.js";
import { systemClock } from "../adapters/clock.js";
import { TIME_ZONE } from "../config.js";
import { logs } from "../logs.js";
import { advanceWaves as advanceWavesUseCase } from "../usecases/advanceWaves.js";

/** Every minute: opens waves whose opening time has come and closes those that are due. */
export const advanceWaves = onSchedule(
  { schedule: "* * * * *", timeZone: TIME_ZONE, retryCount: 3 },
  async (event) => {
    const now = systemClock.now();
    const scheduledFor = event.scheduleTime ? new Date(event.scheduleTime) : now;
    const moves = await advanceWavesUseCase(firestoreWaves, scheduledFor, now);
    if (moves.length > 0) logs.wavesAdvanced(moves, scheduledFor.toISOString());
  },
);
