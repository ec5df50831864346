import { createHash } from "node:crypto";
import type { Tasks } from "../usecases/ports.js";
import { taskQueues } from "./firebase.js";

/**
 * A task's ID: the SHA-256 of its idempotency key. Cloud Tasks wants IDs spread evenly (sequential
 * ones, such as `police-v7`, `police-v8`, slow every task command down), and a hash is.
 */
export const taskId = (key: string) => createHash("sha256").update(key).digest("hex");

/**
 * Enqueues to the task functions of `region` through the Admin SDK. Outside the functions emulator
 * (a script, a test) CLOUD_TASKS_EMULATOR_HOST must be set to reach the local Cloud Tasks emulator.
 */
export function cloudTasks(region: string): Tasks {
  return {
    async enqueue(name, payload, { key, delaySeconds, dispatchDeadlineSeconds }) {
      const queue = taskQueues().taskQueue<typeof payload>(`locations/${region}/functions/${name}`);
      try {
        await queue.enqueue(payload, {
          id: taskId(key),
          ...(delaySeconds === undefined ? {} : { scheduleDelaySeconds: delaySeconds }),
          ...(dispatchDeadlineSeconds === undefined ? {} : { dispatchDeadlineSeconds }),
        });
        return true;
      } catch (error) {
        // Enqueued already, by an earlier attempt of the same work: that is what the key is for.
        if ((error as { code?: unknown } | null)?.code === "functions/task-already-exists") return false;
        throw error;
      }
    },
  };
}
