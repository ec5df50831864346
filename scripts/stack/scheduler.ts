import { CronExpressionParser } from "cron-parser";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { HOST, PORTS, PROJECT_ID, REGION, ROOT } from "./config.js";

/**
 * The dev scheduler. The functions emulator loads scheduled functions but never runs them;
 * this reads each one's schedule from the compiled code and fires it on time through the
 * emulator's trigger route, with the same X-CloudScheduler-ScheduleTime header Cloud
 * Scheduler sends. With `speed` > 1 the schedule's clock runs faster than real time, and the
 * header carries that accelerated time.
 */
export interface Schedule {
  name: string;
  cron: string;
  timeZone: string;
}

interface Endpoint {
  scheduleTrigger?: { schedule: string; timeZone?: string | null };
}

export async function loadSchedules(): Promise<Schedule[]> {
  const entry = pathToFileURL(join(ROOT, "functions", "lib", "index.js")).href;
  const module = (await import(entry)) as Record<string, { __endpoint?: Endpoint }>;
  return Object.entries(module)
    .filter(([, fn]) => fn?.__endpoint?.scheduleTrigger !== undefined)
    .map(([name, fn]) => ({
      name,
      cron: fn.__endpoint!.scheduleTrigger!.schedule,
      timeZone: fn.__endpoint!.scheduleTrigger!.timeZone ?? "UTC",
    }));
}

export async function fireSchedule(name: string, scheduleTime: Date): Promise<void> {
  const url = `http://${HOST}:${PORTS.functions}/functions/projects/${PROJECT_ID}/triggers/${REGION}-${name}-0`;
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "X-CloudScheduler-ScheduleTime": scheduleTime.toISOString(),
      "X-CloudScheduler-JobName": `dev-scheduler-${name}`,
    },
    body: "{}",
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`firing ${name} answered ${response.status}: ${text.slice(0, 300)}`);
}

export interface SchedulerHandle {
  stop(): void;
}

/** Runs every schedule on its clock until stopped. `speed` 60 makes a minute pass in a second. */
export function runScheduler(schedules: Schedule[], speed: number, report: (line: string) => void): SchedulerHandle {
  const realStart = Date.now();
  const virtualNow = () => new Date(realStart + (Date.now() - realStart) * speed);
  const next = new Map(schedules.map((s) => [s.name, nextAfter(s, virtualNow())]));
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      for (const schedule of schedules) {
        const due = next.get(schedule.name)!;
        if (virtualNow() < due) continue;
        next.set(schedule.name, nextAfter(schedule, due));
        try {
          await fireSchedule(schedule.name, due);
          report(`scheduler: ran ${schedule.name} for ${due.toISOString()}`);
        } catch (error) {
          report(`scheduler: ${schedule.name} failed: ${(error as Error).message}`);
        }
      }
    } finally {
      busy = false;
    }
  };
  // Each firing reports its own failure above; nothing else in a tick can reject.
  const timer = setInterval(() => void tick(), 250);
  return { stop: () => clearInterval(timer) };
}

function nextAfter(schedule: Schedule, after: Date): Date {
  return CronExpressionParser.parse(schedule.cron, { currentDate: after, tz: schedule.timeZone }).next().toDate();
}
