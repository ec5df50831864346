import { TASK_PAYLOADS, type TaskName, type TaskPayload } from "../../schemas/tasks.js";
import type { TaskOptions, TaskQueueAdmin, Tasks } from "../../usecases/ports.js";
import { roundTrip } from "./state.js";

/** A task as the memory queue holds it: nothing runs it, a test reads it (and may hand it to the use case). */
export type EnqueuedTask = { [N in TaskName]: { name: N; payload: TaskPayload<N> } & TaskOptions }[TaskName];

export interface MemoryTasks extends Tasks {
  /** Every task added, in order; a key enqueued again for the same function is not added again. */
  enqueued: EnqueuedTask[];
}

/** Cloud Tasks in memory: payloads validated by the task's schema, one task per function and key. */
export function memoryTasks(): MemoryTasks {
  const enqueued: EnqueuedTask[] = [];
  return {
    enqueued,
    async enqueue(name, payload, options) {
      await roundTrip();
      const parsed: unknown = TASK_PAYLOADS[name].parse(payload);
      if (enqueued.some((task) => task.name === name && task.key === options.key)) return false;
      enqueued.push({ name, payload: parsed, ...options } as EnqueuedTask);
      return true;
    },
  };
}

/** The payout queues' admin in memory: pauses and resumes are recorded (as Cloud Tasks would do them); the depth is the tasks enqueued to that function. */
export interface MemoryTaskQueues extends TaskQueueAdmin {
  paused: Set<string>;
}

export function memoryTaskQueues(tasks: MemoryTasks): MemoryTaskQueues {
  const paused = new Set<string>();
  return {
    paused,
    async pause(queue) {
      await roundTrip();
      paused.add(queue);
      return { supported: true };
    },
    async resume(queue) {
      await roundTrip();
      paused.delete(queue);
      return { supported: true };
    },
    async depth(queue) {
      await roundTrip();
      return tasks.enqueued.filter((task) => task.name === queue).length;
    },
  };
}
