import type { Timestamp } from "firebase-admin/firestore";
import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { HOST, PORTS, REGION } from "../../scripts/stack/config.js";
import { cloudTasks } from "../../functions/src/adapters/tasks.js";
import { IMPORT_TIMEOUT_SECONDS } from "../../functions/src/domain/exclusionVersions.js";
import { adminDb } from "../support/admin.js";

/**
 * The `expireExclusionImport` task through the real Cloud Tasks and functions emulators, enqueued
 * from this process with the production adapter. The emulator runs a task at once (it ignores
 * the delay), so an import's age is set by its seeded `startedAt`. Imports are of the `student`
 * list, which no other emulator test imports, under versions picked at random: the emulator keeps
 * a used task ID for its whole session.
 */

// The Admin SDK reaches the Cloud Tasks emulator only through this variable (set inside functions, not here).
process.env.CLOUD_TASKS_EMULATOR_HOST ??= `${HOST}:${PORTS.tasks}`;

const tasks = cloudTasks(REGION);
const MINUTE = 60_000;

/** A running import as the import's begin writes it, started `ago` milliseconds before now. */
async function runningImport(ago: number): Promise<{ type: "student"; version: number; key: string }> {
  const version = randomInt(100_000, 1_000_000_000);
  await adminDb.doc(`exclusionImports/student-v${version}`).set({
    type: "student",
    version,
    status: "running",
    entries: 0,
    rejectedLines: 0,
    startedAt: new Date(Date.now() - ago),
    by: "integration-test",
  });
  return { type: "student", version, key: `student-v${version}` };
}

const recordOf = async (version: number) => (await adminDb.doc(`exclusionImports/student-v${version}`).get()).data();

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let value = await read(); ; value = await read()) {
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const enqueue = ({ type, version, key }: { type: "student"; version: number; key: string }) =>
  tasks.enqueue("expireExclusionImport", { type, version }, { key, dispatchDeadlineSeconds: 30 });

describe("expireExclusionImport", () => {
  it("when the task runs for an import still running past its timeout, then the import is failed as timed out", async () => {
    const crashed = await runningImport((IMPORT_TIMEOUT_SECONDS + 600) * 1000);

    expect(await enqueue(crashed)).toBe(true);
    const record = await until(
      () => recordOf(crashed.version),
      (r) => r?.status !== "running",
    );

    expect(record).toMatchObject({ status: "failed", failure: "timed-out" });
    const { startedAt, finishedAt } = record as { startedAt: Timestamp; finishedAt: Timestamp };
    expect(finishedAt.toMillis()).toBeGreaterThan(startedAt.toMillis());
  });

  it("when the same import's expiry is enqueued again, then it counts as enqueued and adds no task", async () => {
    const crashed = await runningImport((IMPORT_TIMEOUT_SECONDS + 600) * 1000);
    expect(await enqueue(crashed)).toBe(true);
    expect(await enqueue(crashed)).toBe(false);
  });

  it("when the task runs for an import still within its time, then the import stays running and the task is not retried", async () => {
    const fresh = await runningImport(MINUTE);
    const crashed = await runningImport((IMPORT_TIMEOUT_SECONDS + 600) * 1000);

    // The queue dispatches one task at a time, in order: once the second is done, the first is
    // done too — had it thrown, its retries would hold the queue and the second would never run.
    expect(await enqueue(fresh)).toBe(true);
    expect(await enqueue(crashed)).toBe(true);
    expect(
      await until(
        () => recordOf(crashed.version),
        (r) => r?.status !== "running",
      ),
    ).toMatchObject({ status: "failed" });

    expect(await recordOf(fresh.version)).toMatchObject({ status: "running" });
    expect(await recordOf(fresh.version)).not.toHaveProperty("finishedAt");
  });
});
