import { randomUUID } from "node:crypto";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { ports } from "../composition.js";
import { paymentPartnerKeysSecret, TIME_ZONE } from "../config.js";
import { logs } from "../logs.js";
import { reportDueDays } from "../usecases/payouts/report.js";

/** Longer than the run's timeout, so a lease still held belongs to a run still working. */
const LEASE_SECONDS = 600;

/**
 * Every morning at 06:00 Jakarta time, once the partners' statements of the day before are out:
 * the three-way reconciliation report of yesterday, and of any of the week before left unreported
 * (usecases/payouts/report.ts). One run at a time under a lease; a day is reported once, so a run
 * that dies is finished by the next (or by `npm run scheduler:fire -- reconciliationReport`).
 */
export const reconciliationReport = onSchedule(
  { schedule: "0 6 * * *", timeZone: TIME_ZONE, retryCount: 0, timeoutSeconds: 540, memory: "1GiB", secrets: [paymentPartnerKeysSecret] },
  async (event) => {
    const p = ports();
    const now = event.scheduleTime ? new Date(event.scheduleTime) : p.clock.now();
    const run = randomUUID();
    if (!(await p.leases.take("reconciliation-report", run, p.clock.now(), new Date(p.clock.now().getTime() + LEASE_SECONDS * 1000)))) return;
    try {
      for (const outcome of await reportDueDays(p, now)) {
        if (outcome.ok) logs.reconciliationReported(outcome.value);
        else if (outcome.reason !== "report-exists") logs.reconciliationSkipped(now.toISOString(), outcome.reason);
      }
    } finally {
      await p.leases.release("reconciliation-report", run);
    }
  },
);
