import { fireSchedule, loadSchedules } from "./stack/scheduler.js";

/**
 * `npm run scheduler:fire -- <name> [--at=ISO-time]`: runs one scheduled function now in the
 * running local stack, as Cloud Scheduler would (with `--at`, as if scheduled for that time).
 */
const [name] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const at = process.argv.find((a) => a.startsWith("--at="))?.slice(5);
const schedules = await loadSchedules();
if (!name || !schedules.some((s) => s.name === name)) {
  console.error(`Usage: npm run scheduler:fire -- <name> [--at=2026-12-01T10:00:00+07:00]\nScheduled functions: ${schedules.map((s) => s.name).join(", ")}`);
  process.exit(2);
}
const when = at ? new Date(at) : new Date();
if (Number.isNaN(when.getTime())) {
  console.error(`--at=${at} is not a date and time.`);
  process.exit(2);
}
await fireSchedule(name, when);
console.log(`Ran ${name} for ${when.toISOString()}.`);
process.exit(0);
