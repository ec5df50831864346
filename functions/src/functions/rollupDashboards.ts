import { randomUUID } from "node:crypto";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { ports } from "../composition.js";
import { TIME_ZONE } from "../config.js";
import { ROLLUP_EVERY_MINUTES } from "../domain/dashboard/scope.js";
import { logs } from "../logs.js";
import { rollupDashboards as rollupUseCase } from "../usecases/dashboard/rollup.js";

/** Longer than the function's timeout, so a run that dies still frees the next one. */
const LEASE_SECONDS = 600;

/**
 * Every 15 minutes: the regional dashboard's figures counted again with aggregation queries and
 * written once per region (usecases/dashboard/rollup.ts; costs in docs/dashboard.md). One run at
 * a time under a lease: two overlapping runs would only waste reads, never write wrong figures.
 */
export const rollupDashboards = onSchedule(
  { schedule: `*/${ROLLUP_EVERY_MINUTES} * * * *`, timeZone: TIME_ZONE, retryCount: 0, timeoutSeconds: 540, memory: "512MiB" },
  async (event) => {
    const p = ports();
    const run = randomUUID();
    const started = p.clock.now();
    if (!(await p.leases.take("rollup-dashboards", run, started, new Date(started.getTime() + LEASE_SECONDS * 1000)))) return;
    try {
      const result = await rollupUseCase(p);
      logs.dashboardsRolledUp({ ...result, ms: p.clock.now().getTime() - started.getTime(), scheduledFor: event.scheduleTime ?? started.toISOString() });
    } finally {
      await p.leases.release("rollup-dashboards", run);
    }
  },
);
