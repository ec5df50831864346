import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { memoryPorts, type MemoryPorts } from "../../functions/src/adapters/memory/index.js";
import type { CsvItem } from "../../functions/src/domain/exclusionCsv.js";
import { IMPORT_TIMEOUT_SECONDS, importExpiry } from "../../functions/src/domain/exclusionVersions.js";
import { expireExclusionImport as expireTask } from "../../functions/src/functions/expireExclusionImport.js";
import { logs } from "../../functions/src/logs.js";
import type { ExclusionImportRecord } from "../../functions/src/schemas/exclusion.js";
import { EXPIRY_DELAY_SECONDS, importExclusionList } from "../../functions/src/usecases/importExclusionList.js";
import { admin, writesOf } from "./usecases/fixtures.js";

/**
 * An exclusion-list import left `running` by a crash is failed by the `expireExclusionImport`
 * task once its function's time is up. The task function itself runs here (trigger, task edge,
 * use case) over the memory ports, which stand in for the composition root.
 */

const held = vi.hoisted(() => ({ ports: null as MemoryPorts | null }));
vi.mock("../../functions/src/composition.js", () => ({ ports: () => held.ports }));

const NOW = new Date("2026-11-25T03:00:00Z");
const MINUTE = 60_000;
let memory: MemoryPorts;

beforeEach(() => {
  memory = memoryPorts({ now: NOW });
  held.ports = memory;
});
afterEach(() => vi.restoreAllMocks());

/** An import record as the import's begin leaves it, started `minutesAgo` before NOW. */
function seedImport(id: `${string}-v${number}`, status: ExclusionImportRecord["status"], minutesAgo: number): void {
  const [type, version] = id.split("-v") as [ExclusionImportRecord["type"], string];
  const startedAt = new Date(NOW.getTime() - minutesAgo * MINUTE);
  memory.state.exclusionImports.set(id, {
    type,
    version: Number(version),
    status,
    entries: 0,
    rejectedLines: 0,
    startedAt,
    by: "admin-1",
    ...(status === "running" ? {} : { finishedAt: new Date(startedAt.getTime() + MINUTE) }),
  });
}

/** Runs the deployed task function as Cloud Tasks would: resolving ends the task, rejecting retries it. */
async function runTask(data: unknown, retryCount = 0): Promise<void> {
  await expireTask.run({ data, id: "task-1", retryCount, queueName: "expireExclusionImport", executionCount: retryCount, scheduledTime: NOW.toISOString() });
}

describe("expireExclusionImport (task)", () => {
  it("when a running import started more than the import timeout ago, then the task fails it as timed out", async () => {
    seedImport("police-v3", "running", 65);
    const expired = vi.spyOn(logs, "exclusionImportExpired");

    await expect(runTask({ type: "police", version: 3 })).resolves.toBeUndefined();

    expect(memory.state.exclusionImports.get("police-v3")).toMatchObject({ status: "failed", failure: "timed-out", finishedAt: NOW });
    expect(expired).toHaveBeenCalledWith({ type: "police", version: 3, startedAt: new Date(NOW.getTime() - 65 * MINUTE).toISOString() });
  });

  it("when the import completed, then the task leaves it untouched and is done", async () => {
    seedImport("police-v3", "completed", 120);
    const before = memory.state.exclusionImports.read("police-v3");
    const refusedLog = vi.spyOn(logs, "taskRefused");

    const { writes } = await writesOf(memory, () => runTask({ type: "police", version: 3 }));

    expect(writes).toEqual([]);
    expect(memory.state.exclusionImports.get("police-v3")).toEqual(before);
    expect(refusedLog).toHaveBeenCalledWith("expireExclusionImport", "task-1", 0, "import-finished", false);
  });

  it("when the import already failed, then the task keeps its own failure", async () => {
    seedImport("military-v1", "failed", 120);
    const { writes } = await writesOf(memory, () => runTask({ type: "military", version: 1 }));
    expect(writes).toEqual([]);
    expect(memory.state.exclusionImports.get("military-v1")).not.toHaveProperty("failure");
  });

  it("when the import is still running within its time (the emulator runs the task at once), then it stays running and the task is done, not retried", async () => {
    seedImport("official-v2", "running", 5);
    const refusedLog = vi.spyOn(logs, "taskRefused");

    const { writes } = await writesOf(memory, () => runTask({ type: "official", version: 2 }));

    expect(writes).toEqual([]);
    expect(memory.state.exclusionImports.get("official-v2")).toMatchObject({ status: "running" });
    expect(refusedLog).toHaveBeenCalledWith("expireExclusionImport", "task-1", 0, "not-yet-due", false);
  });

  it("when no such import exists, then the task is done without writing", async () => {
    const { writes } = await writesOf(memory, () => runTask({ type: "student", version: 9 }));
    expect(writes).toEqual([]);
  });

  it.each([
    ["no version", { type: "police" }],
    ["an unknown list", { type: "pns", version: 1 }],
    ["a version that is not a positive integer", { type: "police", version: "3" }],
    ["no payload", null],
  ])("when the payload has %s, then the task is dropped (logged, not retried) and nothing is read or written", async (_, data) => {
    seedImport("police-v3", "running", 65);
    const dropped = vi.spyOn(logs, "taskDropped");
    const expire = vi.spyOn(memory.imports, "expire");

    const { writes } = await writesOf(memory, () => runTask(data));

    expect(writes).toEqual([]);
    expect(expire).not.toHaveBeenCalled();
    expect(dropped).toHaveBeenCalledOnce();
    expect(memory.state.exclusionImports.get("police-v3")).toMatchObject({ status: "running" });
  });

  it("when Firestore fails, then the task logs it and throws, so that Cloud Tasks tries again", async () => {
    seedImport("police-v3", "running", 65);
    memory.imports.expire = () => Promise.reject(Object.assign(new Error("unavailable"), { code: 14 }));
    const failed = vi.spyOn(logs, "taskFailed");

    await expect(runTask({ type: "police", version: 3 }, 2)).rejects.toThrow("unavailable");
    expect(failed).toHaveBeenCalledWith("expireExclusionImport", "task-1", 2, "unavailable", expect.any(Error));
  });
});

describe("importExpiry", () => {
  const startedAt = new Date("2026-11-25T00:00:00Z");
  const after = (seconds: number) => new Date(startedAt.getTime() + seconds * 1000);

  it("when a running import is at its timeout to the millisecond, then it is not yet due; a millisecond later, it expires", () => {
    expect(importExpiry({ status: "running", startedAt }, after(IMPORT_TIMEOUT_SECONDS))).toBe("not-yet-due");
    expect(importExpiry({ status: "running", startedAt }, after(IMPORT_TIMEOUT_SECONDS + 0.001))).toBe("expire");
  });

  it("when an import completed or failed, then it is finished however old it is", () => {
    expect(importExpiry({ status: "completed", startedAt }, after(10 * IMPORT_TIMEOUT_SECONDS))).toBe("finished");
    expect(importExpiry({ status: "failed", startedAt }, after(10 * IMPORT_TIMEOUT_SECONDS))).toBe("finished");
  });
});

describe("importExclusionList enqueues the expiry", () => {
  const nik = (i: number) => `3171011203${String(900000 + i).padStart(6, "0")}`;
  /** The file's lines, one per turn, as a request stream hands them over. */
  async function* listOf(numbers: number[]): AsyncGenerator<CsvItem> {
    for (const [i, n] of numbers.entries()) {
      await Promise.resolve();
      yield { kind: "entry", line: i + 2, nik: nik(n) };
    }
  }

  it("when an import begins, then its expiry task is enqueued once, keyed by list and version, for after the function's timeout", async () => {
    const outcome = await importExclusionList(memory, admin, "police", listOf([1, 2]), () => {});

    expect(outcome).toMatchObject({ ok: true, value: { version: 1 } });
    expect(EXPIRY_DELAY_SECONDS).toBeGreaterThan(IMPORT_TIMEOUT_SECONDS);
    expect(memory.tasks.enqueued).toEqual([
      { name: "expireExclusionImport", payload: { type: "police", version: 1 }, key: "police-v1", delaySeconds: EXPIRY_DELAY_SECONDS },
    ]);
    expect(await memory.tasks.enqueue("expireExclusionImport", { type: "police", version: 1 }, { key: "police-v1" })).toBe(false);
    expect(memory.tasks.enqueued).toHaveLength(1);
  });

  it("when its expiry cannot be enqueued, then the import fails at once instead of running unguarded", async () => {
    memory.tasks.enqueue = () => Promise.reject(new Error("Cloud Tasks unreachable"));

    await expect(importExclusionList(memory, admin, "police", listOf([1, 2]), () => {})).rejects.toThrow("Cloud Tasks unreachable");
    expect(memory.state.exclusionImports.get("police-v1")).toMatchObject({ status: "failed" });
    expect(memory.state.exclusionEntries.size).toBe(0);
  });

  it("when the enqueued task runs after the timeout on an import that crashed, then the import is failed; on one that completed, nothing changes", async () => {
    await importExclusionList(memory, admin, "police", listOf([1]), () => {});
    seedImport("military-v1", "running", 0);
    await memory.tasks.enqueue("expireExclusionImport", { type: "military", version: 1 }, { key: "military-v1", delaySeconds: EXPIRY_DELAY_SECONDS });

    memory.clock.advance(EXPIRY_DELAY_SECONDS * 1000);
    for (const task of memory.tasks.enqueued) await runTask(task.payload);

    expect(memory.state.exclusionImports.get("police-v1")).toMatchObject({ status: "completed" });
    expect(memory.state.exclusionImports.get("military-v1")).toMatchObject({ status: "failed", failure: "timed-out" });
  });
});
