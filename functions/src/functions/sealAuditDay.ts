import { randomUUID } from "node:crypto";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { ports } from "../composition.js";
import { TIME_ZONE } from "../config.js";
import { logs } from "../logs.js";
import { sealAuditDays } from "../usecases/sealAuditDays.js";

const LEASE_SECONDS = 600;

/**
 * Every day at 00:20 Jakarta time: the audit log's root of the day before (and of any day a
 * stopped run left unsealed), over its chains' heads, chained to the root of the day before it
 * (usecases/sealAuditDays.ts). One run at a time under a lease; a sealed day is never redone.
 */
export const sealAuditDay = onSchedule({ schedule: "20 0 * * *", timeZone: TIME_ZONE, retryCount: 3, timeoutSeconds: 300 }, async (event) => {
  const p = ports();
  // Never a day the real clock has not finished (the dev scheduler's clock may run ahead): acts still arrive dated today.
  const scheduled = event.scheduleTime ? new Date(event.scheduleTime) : p.clock.now();
  const now = new Date(Math.min(scheduled.getTime(), p.clock.now().getTime()));
  const run = randomUUID();
  if (!(await p.leases.take("seal-audit-day", run, p.clock.now(), new Date(p.clock.now().getTime() + LEASE_SECONDS * 1000)))) return;
  try {
    logs.auditDaysSealed((await sealAuditDays(p, now)).sealed, now.toISOString());
  } finally {
    await p.leases.release("seal-audit-day", run);
  }
});
