import { randomUUID } from "node:crypto";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { ports } from "../composition.js";
import { TIME_ZONE } from "../config.js";
import { logs } from "../logs.js";
import { dispatchPayouts as dispatchUseCase } from "../usecases/payouts/dispatch.js";

/** Longer than the run's timeout, so a lease still held belongs to a run still working. */
const LEASE_SECONDS = 600;

/**
 * Every morning at 07:00 Jakarta time: the installments due today go on their partners' queues
 * (usecases/payouts/dispatch.ts). One run at a time under a lease; every step is idempotent, so a
 * run that dies is finished by the next (or by `npm run scheduler:fire -- dispatchPayouts` locally).
 */
export const dispatchPayouts = onSchedule(
  { schedule: "0 7 * * *", timeZone: TIME_ZONE, retryCount: 0, timeoutSeconds: 540, memory: "512MiB" },
  async (event) => {
    const p = ports();
    const now = event.scheduleTime ? new Date(event.scheduleTime) : p.clock.now();
    const run = randomUUID();
    if (!(await p.leases.take("dispatch-payouts", run, p.clock.now(), new Date(p.clock.now().getTime() + LEASE_SECONDS * 1000)))) return;
    try {
      logs.payoutsDispatched(await dispatchUseCase(p, p.clock.now() > now ? p.clock.now() : now));
    } finally {
      await p.leases.release("dispatch-payouts", run);
    }
  },
);
