import { randomUUID } from "node:crypto";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { ports } from "../composition.js";
import { paymentPartnerKeysSecret, TIME_ZONE } from "../config.js";
import { logs } from "../logs.js";
import { pollPayouts as pollUseCase } from "../usecases/payouts/poll.js";

const LEASE_SECONDS = 600;

/**
 * Every 10 minutes: payouts whose lease lapsed become `unknown`; `unknown` payouts, and `sent` ones
 * without a callback for 15 minutes, are settled by asking the partner's status API (a lost
 * callback must not leave money unexplained); stored partner events whose task was lost are
 * enqueued again (usecases/payouts/poll.ts).
 */
export const pollPayouts = onSchedule(
  { schedule: "*/10 * * * *", timeZone: TIME_ZONE, retryCount: 0, timeoutSeconds: 540, memory: "512MiB", secrets: [paymentPartnerKeysSecret] },
  async (event) => {
    const p = ports();
    // A run scheduled for later than now (the local dev scheduler's fast clock, `scheduler:fire --at`) polls as of then.
    const scheduled = event.scheduleTime ? new Date(event.scheduleTime) : p.clock.now();
    const now = scheduled > p.clock.now() ? scheduled : p.clock.now();
    const run = randomUUID();
    if (!(await p.leases.take("poll-payouts", run, p.clock.now(), new Date(p.clock.now().getTime() + LEASE_SECONDS * 1000)))) return;
    try {
      logs.payoutsPolled(await pollUseCase(p, now));
    } finally {
      await p.leases.release("poll-payouts", run);
    }
  },
);
