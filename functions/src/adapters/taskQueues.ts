import { CloudTasksClient, v2beta3 } from "@google-cloud/tasks";
import type { TaskQueueAdmin } from "../usecases/ports.js";

/**
 * What the program office needs from the payout queues (one Cloud Tasks queue per payment partner,
 * named after its task function): pause and resume one, and how many tasks wait in it.
 *
 * In production this is Cloud Tasks' own admin API through `@google-cloud/tasks` (v2 for pause and
 * resume; v2beta3 for the queue's `stats.tasksCount`, which v2 does not return). The local Cloud
 * Tasks emulator has neither pause nor resume, nor per-queue admin: there `pause`/`resume` answer
 * `supported: false` — the program's own pause flag (`paymentPartners/{code}.paused`, honoured by
 * the dispatcher and by every send task) is what stops payouts in both places — and the depth comes
 * from the emulator's `/queueStats` page (README, "Payment partners").
 */
export function cloudTaskQueues(project: () => string, region: string): TaskQueueAdmin {
  const emulator = process.env.CLOUD_TASKS_EMULATOR_HOST;
  let v2: CloudTasksClient | null = null;
  let beta: v2beta3.CloudTasksClient | null = null;
  const name = (queue: string) => `projects/${project()}/locations/${region}/queues/${queue}`;
  return {
    async pause(queue) {
      if (emulator !== undefined) return { supported: false };
      v2 ??= new CloudTasksClient();
      await v2.pauseQueue({ name: name(queue) });
      return { supported: true };
    },
    async resume(queue) {
      if (emulator !== undefined) return { supported: false };
      v2 ??= new CloudTasksClient();
      await v2.resumeQueue({ name: name(queue) });
      return { supported: true };
    },
    async depth(queue) {
      if (emulator !== undefined) {
        const response = await fetch(`http://${emulator}/queueStats`, { signal: AbortSignal.timeout(5000) });
        if (!response.ok) return null;
        const stats = (await response.json()) as Record<string, { numberOfTasks?: unknown }>;
        const key = Object.keys(stats).find((candidate) => candidate.endsWith(`-${queue}`));
        const count = key === undefined ? undefined : stats[key]?.numberOfTasks;
        return typeof count === "number" ? count : 0;
      }
      beta ??= new v2beta3.CloudTasksClient();
      const [found] = await beta.getQueue({ name: name(queue), readMask: { paths: ["name", "stats"] } });
      const count = found.stats?.tasksCount;
      return count === undefined || count === null ? null : Number(count);
    },
  };
}
