import { setGlobalOptions } from "firebase-functions/v2";
import { defineInt, defineSecret } from "firebase-functions/params";

/**
 * Public-sector systems keep data in Indonesia: functions run in Jakarta, next to a
 * Firestore database created in asia-southeast2 (see README, "Deploy").
 */
export const REGION = "asia-southeast2";
export const TIME_ZONE = "Asia/Jakarta";

setGlobalOptions({ region: REGION, maxInstances: 100 });

/**
 * The key of the keyed hashes that stand for NIK and KK numbers in every document ID and index
 * (at least 32 bytes). Locally it comes from functions/.secret.local, which the launcher writes
 * on first start; in production from Secret Manager. Changing it orphans every existing index.
 */
export const nikHashKey = defineSecret("NIK_HASH_KEY");

/** How many people one operator may register on behalf of others per day (against "joki" mass registration). */
export const assistedDailyLimit = defineInt("ASSISTED_DAILY_LIMIT", {
  default: 50,
  description: "Assisted registrations one regional operator may make per day (Asia/Jakarta).",
});
