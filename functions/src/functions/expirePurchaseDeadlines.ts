import { randomUUID } from "node:crypto";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { ports } from "../composition.js";
import { TIME_ZONE } from "../config.js";
import { logs } from "../logs.js";
import { runDeadlines } from "../usecases/training/deadlines.js";

/** Held longer than the run's timeout (540 s), so a lease still held belongs to a run still working. */
const LEASE_SECONDS = 600;

/**
 * Every hour: deadline reminders (7 days, 1 day), revocation of participants who bought no
 * training by their deadline (balance back to the budget, seat freed), and freed seats added to
 * the next scheduled wave's quota (usecases/training/deadlines.ts). One run at a time, under a
 * lease; a run that dies is finished by the next, since every step is idempotent.
 */
export const expirePurchaseDeadlines = onSchedule(
  { schedule: "0 * * * *", timeZone: TIME_ZONE, retryCount: 0, timeoutSeconds: 540, memory: "512MiB" },
  async (event) => {
    const p = ports();
    const now = event.scheduleTime ? new Date(event.scheduleTime) : p.clock.now();
    const run = randomUUID();
    if (!(await p.leases.take("purchase-deadlines", run, p.clock.now(), new Date(p.clock.now().getTime() + LEASE_SECONDS * 1000)))) return;
    try {
      logs.deadlinesRun(await runDeadlines(p, now), now.toISOString());
    } finally {
      await p.leases.release("purchase-deadlines", run);
    }
  },
);
