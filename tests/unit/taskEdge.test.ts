import { afterEach, describe, expect, it, vi } from "vitest";
import { done, refused } from "../../functions/src/domain/outcome.js";
import { task } from "../../functions/src/edge/task.js";
import { logs } from "../../functions/src/logs.js";
import { expireExclusionImportPayload } from "../../functions/src/schemas/tasks.js";

/**
 * The task edge's meaning of each way a handler ends: Cloud Tasks counts a task done when its
 * function returns and tries it again when it throws (`run` is the function's handler).
 */

const calls = { handled: 0 };
const probe = task({
  name: "expireExclusionImport",
  payload: expireExclusionImportPayload,
  retryConfig: { maxAttempts: 3, minBackoffSeconds: 1 },
  rateLimits: { maxConcurrentDispatches: 1, maxDispatchesPerSecond: 1 },
  refusals: { "gone-for-good": "final", "come-back-later": "retry" },
  handle({ version }) {
    calls.handled += 1;
    if (version === 4) return Promise.reject(Object.assign(new Error("contention"), { code: 10 }));
    return Promise.resolve(version === 1 ? done({ version }) : refused(version === 2 ? "gone-for-good" : "come-back-later"));
  },
});

async function run(data: unknown): Promise<void> {
  await probe.run({ data, id: "t-7", retryCount: 1, queueName: "q", executionCount: 1, scheduledTime: "2026-11-25T03:00:00Z" });
}

afterEach(() => vi.restoreAllMocks());

describe("task edge", () => {
  it("when the use case succeeds, then the task is done", async () => {
    const logged = vi.spyOn(logs, "taskDone");
    await expect(run({ type: "police", version: 1 })).resolves.toBeUndefined();
    expect(logged).toHaveBeenCalledWith("expireExclusionImport", "t-7", 1);
  });

  it("when the use case refuses with a final reason, then it is logged and the task is done", async () => {
    const logged = vi.spyOn(logs, "taskRefused");
    await expect(run({ type: "police", version: 2 })).resolves.toBeUndefined();
    expect(logged).toHaveBeenCalledWith("expireExclusionImport", "t-7", 1, "gone-for-good", false);
  });

  it("when the use case refuses with a reason to retry, then it is logged and thrown, so that Cloud Tasks tries again", async () => {
    const logged = vi.spyOn(logs, "taskRefused");
    await expect(run({ type: "police", version: 3 })).rejects.toMatchObject({ code: "unavailable", message: "come-back-later" });
    expect(logged).toHaveBeenCalledWith("expireExclusionImport", "t-7", 1, "come-back-later", true);
  });

  it("when the handler throws, then the error is logged with its transport code and thrown again", async () => {
    const logged = vi.spyOn(logs, "taskFailed");
    await expect(run({ type: "police", version: 4 })).rejects.toThrow("contention");
    expect(logged).toHaveBeenCalledWith("expireExclusionImport", "t-7", 1, "aborted", expect.any(Error));
  });

  it("when the payload does not parse, then the task is dropped with the failing paths logged, never their values", async () => {
    const logged = vi.spyOn(logs, "taskDropped");
    const before = calls.handled;
    await expect(run({ type: "3171011203900001", version: 0 })).resolves.toBeUndefined();
    expect(calls.handled).toBe(before);
    expect(logged).toHaveBeenCalledWith("expireExclusionImport", "t-7", 1, ["type: invalid_value", "version: too_small"]);
    expect(JSON.stringify(logged.mock.calls)).not.toContain("3171011203900001");
  });

  it("when the function is built, then its retry and rate limits reach the deployment manifest", () => {
    expect(probe.__endpoint.taskQueueTrigger).toMatchObject({
      retryConfig: { maxAttempts: 3, minBackoffSeconds: 1 },
      rateLimits: { maxConcurrentDispatches: 1, maxDispatchesPerSecond: 1 },
    });
  });
});
