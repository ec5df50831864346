import { randomUUID } from "node:crypto";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { ports } from "../composition.js";
import { TIME_ZONE } from "../config.js";
import { logs } from "../logs.js";
import { escalateClawbacks as escalateUseCase } from "../usecases/payouts/clawback.js";

const LEASE_SECONDS = 600;

/**
 * Every day at 00:30 Jakarta time, just after a deadline day ends: clawback cases whose repayment
 * deadline lapsed with something still owed become `escalated` (a civil claim), each exactly once
 * (usecases/payouts/clawback.ts). One run at a time under a lease.
 */
export const escalateClawbacks = onSchedule({ schedule: "30 0 * * *", timeZone: TIME_ZONE, retryCount: 0, timeoutSeconds: 300 }, async (event) => {
  const p = ports();
  const now = event.scheduleTime ? new Date(event.scheduleTime) : p.clock.now();
  const run = randomUUID();
  if (!(await p.leases.take("escalate-clawbacks", run, p.clock.now(), new Date(p.clock.now().getTime() + LEASE_SECONDS * 1000)))) return;
  try {
    logs.clawbacksEscalated((await escalateUseCase(p, now)).escalated, now.toISOString());
  } finally {
    await p.leases.release("escalate-clawbacks", run);
  }
});
