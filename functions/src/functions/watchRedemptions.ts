import { onSchedule } from "firebase-functions/v2/scheduler";
import { ports } from "../composition.js";
import { TIME_ZONE } from "../config.js";
import { logs } from "../logs.js";
import { watchRedemptions as watchRedemptionsUseCase } from "../usecases/training/watch.js";

/** Every hour: flags courses redeemed far above their normal rate for the program office (usecases/training/watch.ts). */
export const watchRedemptions = onSchedule({ schedule: "5 * * * *", timeZone: TIME_ZONE, retryCount: 0, timeoutSeconds: 300 }, async (event) => {
  const now = event.scheduleTime ? new Date(event.scheduleTime) : ports().clock.now();
  const { courses, flagged } = await watchRedemptionsUseCase(ports(), now);
  if (flagged.length > 0) logs.redemptionSpikes(flagged, courses, now.toISOString());
});
