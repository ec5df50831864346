import { logger } from "firebase-functions";

/**
 * Every log line the functions write, by name. Only IDs, codes and counts: never a NIK,
 * a name, a phone number, a token or a whole payload.
 */
export const logs = {
  inputRejected: (fn: string, fields: string[]) => logger.info("input-rejected", { fn, fields }),
  requestRefused: (fn: string, reason: string, uid: string | null) => logger.info("request-refused", { fn, reason, uid }),
  requestFailed: (fn: string, error: unknown) =>
    logger.error("request-failed", { fn, error: error instanceof Error ? error.stack ?? error.message : String(error) }),
  roleGranted: (targetUid: string, role: string, region: string | undefined, by: string, applied: boolean) =>
    logger.info("role-granted", { targetUid, role, region, by, applied }),
  exclusionListImported: (fields: { type: string; version: number; entries: number; rejectedLines: number; current: boolean; by: string }) =>
    logger.info("exclusion-list-imported", fields),
  registered: (uid: string, by: string, reasons: string[], created: boolean) => logger.info("registered", { uid, by, reasons, created }),
  drawStep: (waveId: string, step: string) => logger.info("draw-step", { waveId, step }),
  wavesAdvanced: (moves: Array<{ waveId: string; from: string; to: string }>, scheduledFor: string) =>
    logger.info("waves-advanced", { moves, scheduledFor }),
};
