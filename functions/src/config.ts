import { setGlobalOptions } from "firebase-functions/v2";

/**
 * Public-sector systems keep data in Indonesia: functions run in Jakarta, next to a
 * Firestore database created in asia-southeast2 (see README, "Deploy").
 */
export const REGION = "asia-southeast2";
export const TIME_ZONE = "Asia/Jakarta";

setGlobalOptions({ region: REGION, maxInstances: 100 });
