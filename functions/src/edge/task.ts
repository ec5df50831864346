import { HttpsError } from "firebase-functions/v2/https";
import { onTaskDispatched, type RateLimits, type RetryConfig, type TaskQueueFunction, type TaskQueueOptions } from "firebase-functions/v2/tasks";
import type { z } from "zod";
import type { Outcome } from "../domain/outcome.js";
import { logs } from "../logs.js";
import type { TaskName, TaskPayload } from "../schemas/tasks.js";
import { checkedBeforeDecoding } from "./inputShape.js";
import { transportCodeOf } from "./transportErrors.js";

/** What a refusal of the use case means for the task: `final`, it is done; `retry`, Cloud Tasks tries again. */
export type RefusalMeaning = "final" | "retry";

/** The attempt being run, for the handler's own logs. */
export interface TaskAttempt {
  /** The task's ID (the hash of its idempotency key, when enqueued through the `Tasks` port). */
  id: string;
  /** How many attempts came before this one. */
  retryCount: number;
}

export interface TaskSpec<N extends TaskName, T, Reason extends string> {
  /** The deployed function's name, which is also its queue's: what producers pass to `Tasks.enqueue`. */
  name: N;
  /** The payload's schema (schemas/tasks.ts). A payload that does not parse is logged and dropped. */
  payload: z.ZodType<TaskPayload<N>>;
  /** How Cloud Tasks tries again after a throw; always stated (its defaults retry for up to an hour, with no attempt limit). */
  retryConfig: RetryConfig;
  /** How fast the queue may dispatch; always stated (its defaults: 1,000 at once, 500 a second). */
  rateLimits: RateLimits;
  /** For each refusal of the use case: done for good (`final`) or worth another attempt (`retry`). */
  refusals: Record<Reason, RefusalMeaning>;
  /** Runtime options (timeout, memory, secrets). */
  options?: Omit<TaskQueueOptions, "retryConfig" | "rateLimits">;
  handle(payload: TaskPayload<N>, attempt: TaskAttempt): Promise<Outcome<T, Reason>>;
}

/**
 * The one place where Cloud Tasks meets the code. Returning ends the task; throwing makes Cloud
 * Tasks try it again, as `retryConfig` allows. So a payload that does not parse is logged and
 * dropped (another attempt would not parse either); a refusal is logged and then ends the task or,
 * when its table says `retry`, is thrown; anything else thrown is logged and thrown again.
 */
export function task<N extends TaskName, T, Reason extends string>(spec: TaskSpec<N, T, Reason>): TaskQueueFunction<unknown> {
  const queue = onTaskDispatched<unknown>({ ...spec.options, retryConfig: spec.retryConfig, rateLimits: spec.rateLimits }, async (request) => {
    const attempt: TaskAttempt = { id: request.id, retryCount: request.retryCount ?? 0 };
    const parsed = spec.payload.safeParse(request.data);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => `${issue.path.map(String).join(".")}: ${issue.code}`);
      logs.taskDropped(spec.name, attempt.id, attempt.retryCount, fields);
      return;
    }
    let outcome: Outcome<T, Reason>;
    try {
      outcome = await spec.handle(parsed.data, attempt);
    } catch (error) {
      logs.taskFailed(spec.name, attempt.id, attempt.retryCount, transportCodeOf(error), error);
      throw error;
    }
    if (outcome.ok) {
      logs.taskDone(spec.name, attempt.id, attempt.retryCount);
      return;
    }
    const retried = spec.refusals[outcome.reason] === "retry";
    logs.taskRefused(spec.name, attempt.id, attempt.retryCount, outcome.reason, retried);
    // Any non-2xx answer is a failed attempt to Cloud Tasks; `unavailable` (503) says "try later".
    if (retried) throw new HttpsError("unavailable", outcome.reason);
  });
  // A payload of an impossible shape would crash the library's decoder and be retried forever:
  // dropped like any payload that does not parse (a 2xx ends the task).
  return checkedBeforeDecoding(queue, (problem, res) => {
    logs.taskDropped(spec.name, "", 0, [problem]);
    res.status(204).end();
  });
}
