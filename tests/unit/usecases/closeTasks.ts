import type { EnqueuedTask, MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import { applyWinnersPage } from "../../../functions/src/usecases/close/applyWinnersPage.js";
import { assemblePool } from "../../../functions/src/usecases/close/assemblePool.js";
import { closePartition, type PartitionOptions } from "../../../functions/src/usecases/close/closePartition.js";
import { drawPool } from "../../../functions/src/usecases/close/drawPool.js";

/**
 * Cloud Tasks for the close, in memory: runs the close's tasks the memory queue holds, in the
 * order they were enqueued (each once, or `deliveries` times, as a duplicate delivery would), and
 * the tasks they enqueue in turn, until none is left. Other tasks (the notifications) are left
 * queued. Returns what each delivery answered.
 */
const dispatched = new WeakMap<object, number>();

export interface RunOptions {
  deliveries?: number;
  partition?: PartitionOptions;
}

export async function runCloseTasks(memory: MemoryPorts, options: RunOptions = {}): Promise<Array<{ task: EnqueuedTask; outcome: unknown }>> {
  const ran: Array<{ task: EnqueuedTask; outcome: unknown }> = [];
  for (let next = dispatched.get(memory.tasks) ?? 0; next < memory.tasks.enqueued.length; next += 1) {
    dispatched.set(memory.tasks, next + 1);
    const task = memory.tasks.enqueued[next];
    for (let delivery = 0; delivery < (options.deliveries ?? 1); delivery += 1) {
      const outcome = await deliver(memory, task, `task-${next}`, options.partition);
      if (outcome !== undefined) ran.push({ task, outcome });
    }
  }
  return ran;
}

/** One delivery of `task` (its ID standing for Cloud Tasks' task ID); undefined for a task that is not the close's. */
export async function deliver(memory: MemoryPorts, task: EnqueuedTask, id: string, partition: PartitionOptions = {}): Promise<unknown> {
  switch (task.name) {
    case "closeWavePartition":
      return closePartition(memory, task.payload, partition);
    case "closeWaveAssemble":
      return assemblePool(memory, task.payload.waveId, id);
    case "closeWaveDraw":
      return drawPool(memory, task.payload.waveId, id);
    case "closeWaveWinners":
      return applyWinnersPage(memory, task.payload.waveId, task.payload.page);
    default:
      return undefined;
  }
}
