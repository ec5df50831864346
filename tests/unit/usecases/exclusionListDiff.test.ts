import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memoryPorts, type MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import type { ExclusionImportRecord } from "../../../functions/src/schemas/exclusion.js";
import { diffCounts, exclusionListDiff } from "../../../functions/src/usecases/exclusionListDiff.js";
import { admin, applicantActor, auditor, operatorOf, writesOf } from "./fixtures.js";

/** The diff of two list versions from the counts each import kept; the use case through the memory adapters. */

const record = (
  version: number,
  entries: number,
  overlaps?: Record<string, number>,
  status: ExclusionImportRecord["status"] = "completed",
): ExclusionImportRecord => ({
  type: "civil-servant",
  version,
  status,
  entries,
  rejectedLines: 0,
  startedAt: new Date("2026-11-01T00:00:00Z"),
  by: "admin-1",
  ...(overlaps === undefined ? {} : { overlaps }),
});

describe("diffCounts", () => {
  it("when two versions are compared either way, then added, removed and unchanged match the sets they stand for", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(60)), fc.uniqueArray(fc.nat(60)), fc.boolean(), (a, b, reversed) => {
        const common = b.filter((n) => a.includes(n)).length;
        const [earlier, later] = [record(1, a.length), record(2, b.length, { "1": common })];
        const [from, to, fromSet, toSet] = reversed ? [later, earlier, b, a] : [earlier, later, a, b];
        const counted = diffCounts(from, to);
        expect(counted).toEqual({
          ok: true,
          value: {
            from: from.version,
            to: to.version,
            added: toSet.filter((n) => !fromSet.includes(n)).length,
            removed: fromSet.filter((n) => !toSet.includes(n)).length,
            unchanged: common,
          },
        });
      }),
    );
  });

  it("when a version is compared with itself, then nothing is added or removed", () => {
    expect(diffCounts(record(3, 40), record(3, 40))).toEqual({ ok: true, value: { from: 3, to: 3, added: 0, removed: 0, unchanged: 40 } });
  });

  it("when the earlier version was still running as the later one began, then the diff is refused rather than guessed", () => {
    expect(diffCounts(record(1, 10), record(2, 12, {}))).toEqual({ ok: false, reason: "imports-overlapped" });
  });
});

const keys = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `key-${from + i}`);

/** Completes an import session of civil-servant with these (already keyed) entries. */
async function complete(memory: MemoryPorts, session: Awaited<ReturnType<MemoryPorts["imports"]["begin"]>>, entries: string[]) {
  const held = await session.versionsOf(entries);
  await session.add(entries);
  const overlaps = Object.fromEntries(session.comparable.map((v) => [String(v), held.filter((versions) => versions.includes(v)).length]));
  await session.complete({ entries: entries.length, rejectedLines: 0, overlaps, at: memory.clock.now() });
}

/** civil-servant v1 (10 NIKs), v2 (12, 7 of them in v1), v3 still running. */
async function threeVersions() {
  const memory = memoryPorts();
  const begin = () => memory.imports.begin("civil-servant", "admin-1", memory.clock.now());
  await complete(memory, await begin(), keys(1, 10));
  await complete(memory, await begin(), keys(4, 15));
  await begin();
  return memory;
}

const input = { type: "civil-servant" as const, from: 1, to: 2 };

describe("exclusionListDiff", () => {
  it("when an auditor or an admin asks, then the counts come from the two import records and nothing is written", async () => {
    const memory = await threeVersions();
    for (const actor of [auditor, admin]) {
      expect(await writesOf(memory, () => exclusionListDiff(memory, actor, input))).toEqual({
        result: { ok: true, value: { type: "civil-servant", from: 1, to: 2, added: 5, removed: 3, unchanged: 7 } },
        writes: [],
      });
    }
  });

  it("when an operator or an applicant asks, then not-admin-or-auditor", async () => {
    const memory = await threeVersions();
    for (const actor of [operatorOf("31"), applicantActor("u1")])
      expect(await exclusionListDiff(memory, actor, input)).toEqual({ ok: false, reason: "not-admin-or-auditor" });
  });

  it("when a version does not exist or has not completed, then version-not-found or version-not-completed", async () => {
    const memory = await threeVersions();
    expect(await exclusionListDiff(memory, auditor, { ...input, to: 9 })).toEqual({ ok: false, reason: "version-not-found" });
    expect(await exclusionListDiff(memory, auditor, { ...input, type: "police" })).toEqual({ ok: false, reason: "version-not-found" });
    expect(await exclusionListDiff(memory, auditor, { ...input, to: 3 })).toEqual({ ok: false, reason: "version-not-completed" });
  });

  it("when the two imports ran at the same time, then imports-overlapped", async () => {
    const memory = memoryPorts();
    const begin = () => memory.imports.begin("civil-servant", "admin-1", memory.clock.now());
    const [first, second] = [await begin(), await begin()];
    await complete(memory, first, keys(1, 5));
    await complete(memory, second, keys(3, 8));
    expect(await exclusionListDiff(memory, auditor, input)).toEqual({ ok: false, reason: "imports-overlapped" });
  });
});
