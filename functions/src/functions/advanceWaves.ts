import { onSchedule } from "firebase-functions/v2/scheduler";
import { httpBeacon } from "../adapters/beacon.js";
import { systemClock } from "../adapters/clock.js";
import { firestoreDrawStore } from "../adapters/drawStore.js";
import { firestoreExclusionLists } from "../adapters/exclusionLists.js";
import { firestoreProgramYears } from "../adapters/programYears.js";
import { firestoreWaves } from "../adapters/waves.js";
import { TIME_ZONE } from "../config.js";
import { QUICKNET } from "../domain/beacon.js";
import { logs } from "../logs.js";
import { advanceWaves as advanceWavesUseCase } from "../usecases/advanceWaves.js";
import { closeWave } from "../usecases/closeWave.js";

/**
 * Every minute: opens waves whose opening time has come, closes those that are due, and moves
 * closed waves through their draw (freeze, then draw once the beacon round is out).
 */
export const advanceWaves = onSchedule(
  { schedule: "* * * * *", timeZone: TIME_ZONE, retryCount: 3, timeoutSeconds: 540, memory: "1GiB" },
  async (event) => {
    const now = systemClock.now();
    const scheduledFor = event.scheduleTime ? new Date(event.scheduleTime) : now;
    const moves = await advanceWavesUseCase(firestoreWaves, scheduledFor, now);
    if (moves.length > 0) logs.wavesAdvanced(moves, scheduledFor.toISOString());
    const ports = { store: firestoreDrawStore, lists: firestoreExclusionLists, programYears: firestoreProgramYears, beacon: httpBeacon, beaconClock: QUICKNET, clock: systemClock };
    for (const waveId of await firestoreWaves.drawing()) {
      const step = await closeWave(ports, waveId);
      logs.drawStep(waveId, step);
    }
  },
);
