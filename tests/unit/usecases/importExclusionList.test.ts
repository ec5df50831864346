import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memoryPorts, type MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import type { ExclusionListType } from "../../../functions/src/domain/eligibility.js";
import type { CsvItem, FileRefusal } from "../../../functions/src/domain/exclusionCsv.js";
import { becomesCurrent, nextVersion } from "../../../functions/src/domain/exclusionVersions.js";
import { exclusionListDiff } from "../../../functions/src/usecases/exclusionListDiff.js";
import { importExclusionList } from "../../../functions/src/usecases/importExclusionList.js";
import { admin, auditor, csvItems, writesOf } from "./fixtures.js";

/**
 * importExclusionList through the memory adapters, whose reads and writes resolve on a later
 * turn as Firestore's do, so rounds in flight overlap.
 */

const nik = (i: number) => `3171011203${String(900000 + i).padStart(6, "0")}`;
const lines = csvItems;
const listOf = (numbers: number[]) => lines(numbers.map((n, i) => ({ kind: "entry" as const, line: i + 2, nik: nik(n) })));

const onList = async (memory: MemoryPorts, type: ExclusionListType, n: number) => (await memory.lists.check(memory.pseudonyms.nik(nik(n)))).hits.includes(type);
const currentOf = (memory: MemoryPorts, type: ExclusionListType) => memory.state.exclusionLists.get(type)?.currentVersion;
const entryWrites = (memory: MemoryPorts) => memory.writes.filter((w) => w.startsWith("exclusionEntries/")).length;

/** The same ports, but each import session's writes fail once `limit` entries were written in it. */
function failingAfter(memory: MemoryPorts, limit: number): MemoryPorts {
  return {
    ...memory,
    imports: {
      expire: (type, version, at) => memory.imports.expire(type, version, at),
      async begin(type, by, at) {
        const session = await memory.imports.begin(type, by, at);
        let written = 0;
        return {
          version: session.version,
          comparable: session.comparable,
          versionsOf: (keys) => session.versionsOf(keys),
          complete: (result) => session.complete(result),
          fail: (at, tally) => session.fail(at, tally),
          async add(keys) {
            if (written + keys.length > limit) throw new Error("write failed");
            written += keys.length;
            await session.add(keys);
          },
        };
      },
    },
  };
}

describe("importExclusionList", () => {
  it("when an admin imports a list, then each distinct NIK is entered once under its key and the version becomes current", async () => {
    const memory = memoryPorts();
    const items: CsvItem[] = [
      { kind: "entry", line: 2, nik: nik(1) },
      { kind: "rejected", line: 3 },
      { kind: "entry", line: 4, nik: nik(2) },
      { kind: "entry", line: 5, nik: nik(1) },
    ];
    const outcome = await importExclusionList(memory, admin, "police", lines(items), () => {});
    expect(outcome).toEqual({ ok: true, value: { type: "police", version: 1, entries: 2, rejectedLines: 1, rejectedLineNumbers: [3], current: true } });
    expect(currentOf(memory, "police")).toBe(1);
    expect(memory.state.exclusionImports.get("police-v1")).toMatchObject({ status: "completed", entries: 2, rejectedLines: 1, by: "admin-1", overlaps: {} });
    expect(memory.state.exclusionLists.get("police")).toEqual({ currentVersion: 1, entries: 2, updatedAt: memory.clock.now() });
    expect([...memory.state.exclusionEntries.keys()].join()).not.toContain(nik(1));
    expect((await onList(memory, "police", 1)) && (await onList(memory, "police", 2))).toBe(true);
    expect(memory.audit.records).toEqual([
      {
        act: "import-exclusion-list",
        actor: "admin-1",
        role: "admin",
        target: "police-v1",
        key: "police-v1",
        at: memory.clock.now(),
        details: { type: "police", version: 1, entries: 2, rejectedLines: 1, current: true },
      },
    ]);
  });

  it("when NIKs repeat inside and across rounds still in flight, then each is counted once and the overlaps are exact", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 80 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 4 }),
        async (first, second, chunkSize, inFlight) => {
          const memory = memoryPorts();
          await importExclusionList(memory, admin, "student", listOf(first), () => {}, { chunkSize, inFlight });
          const outcome = await importExclusionList(memory, admin, "student", listOf(second), () => {}, { chunkSize, inFlight });
          const [a, b] = [new Set(first), new Set(second)];
          const common = [...b].filter((n) => a.has(n)).length;
          expect(outcome.ok && outcome.value.entries).toBe(b.size);
          expect((await memory.importRecords.find("student", 2))?.overlaps).toEqual({ "1": common });
          expect(entryWrites(memory)).toBe(a.size + b.size);
        },
      ),
      { numRuns: 80 },
    );
  });

  it("when a NIK is on two lists, then each import keeps the other list's versions", async () => {
    const memory = memoryPorts();
    await importExclusionList(memory, admin, "police", listOf([1]), () => {});
    await importExclusionList(memory, admin, "military", listOf([1]), () => {});
    expect((await memory.lists.check(memory.pseudonyms.nik(nik(1)))).hits).toEqual(["military", "police"]);
  });

  it("when a second import drops some NIKs and adds others, then the diff counts them and the dropped ones are off the list", async () => {
    const memory = memoryPorts();
    await importExclusionList(memory, admin, "official", listOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), () => {});
    await importExclusionList(memory, admin, "official", listOf([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]), () => {});
    expect(await exclusionListDiff(memory, auditor, { type: "official", from: 1, to: 2 })).toEqual({
      ok: true,
      value: { type: "official", from: 1, to: 2, added: 5, removed: 3, unchanged: 7 },
    });
    expect(await exclusionListDiff(memory, admin, { type: "official", from: 2, to: 1 })).toMatchObject({ value: { added: 3, removed: 5, unchanged: 7 } });
    expect([await onList(memory, "official", 1), await onList(memory, "official", 4), await onList(memory, "official", 15)]).toEqual([false, true, true]);
  });

  it("when the file is refused as a whole (not text, not UTF-8, no or two nik columns, NIKs damaged by Excel), then that reason and nothing is written", async () => {
    const memory = memoryPorts();
    const reasons: FileRefusal[] = ["file-not-text", "file-not-utf8", "nik-column-missing", "nik-column-ambiguous", "nik-damaged-by-excel"];
    for (const reason of reasons) {
      const file = lines([{ kind: "refused", line: 1, reason, details: { line: 1 } }]);
      expect(await writesOf(memory, () => importExclusionList(memory, admin, "police", file, () => {}))).toEqual({
        result: { ok: false, reason, details: { line: 1 } },
        writes: [],
      });
    }
  });

  it("when the file is empty, then no-entries and nothing is allocated or written", async () => {
    const memory = memoryPorts();
    expect(await writesOf(memory, () => importExclusionList(memory, admin, "police", lines([]), () => {}))).toEqual({
      result: { ok: false, reason: "no-entries", details: { rejectedLines: 0 } },
      writes: [],
    });
  });

  it("when no line holds a valid NIK, then it is refused with the rejected lines counted, and no version is used", async () => {
    const memory = memoryPorts();
    await importExclusionList(memory, admin, "police", listOf([1]), () => {});
    const junk = Array.from({ length: 7 }, (_, i): CsvItem => ({ kind: "rejected", line: i + 1 }));
    expect(await writesOf(memory, () => importExclusionList(memory, admin, "police", lines(junk), () => {}))).toEqual({
      result: { ok: false, reason: "no-entries", details: { rejectedLines: 7 } },
      writes: [],
    });
    expect(currentOf(memory, "police")).toBe(1);
    // The next real import takes the next version: the junk file used none.
    const next = await importExclusionList(memory, admin, "police", listOf([2]), () => {});
    expect(next.ok && next.value.version).toBe(2);
  });

  it("when rejected lines come before the first NIK, then they are counted and reported with the later ones", async () => {
    const memory = memoryPorts();
    const items: CsvItem[] = [
      { kind: "rejected", line: 2 },
      { kind: "rejected", line: 3 },
      { kind: "entry", line: 4, nik: nik(1) },
      { kind: "rejected", line: 5 },
    ];
    const outcome = await importExclusionList(memory, admin, "police", lines(items), () => {});
    expect(outcome.ok && outcome.value).toMatchObject({ entries: 1, rejectedLines: 3, rejectedLineNumbers: [2, 3, 5] });
  });

  it("when the same file is imported again, then it becomes a new version with the same entries, every one overlapping", async () => {
    const memory = memoryPorts();
    await importExclusionList(memory, admin, "police", listOf([1, 2, 3]), () => {});
    const again = await importExclusionList(memory, admin, "police", listOf([1, 2, 3]), () => {});
    expect(again).toMatchObject({ ok: true, value: { version: 2, entries: 3, current: true } });
    expect(memory.state.exclusionImports.get("police-v2")?.overlaps).toEqual({ "1": 3 });
  });

  it("when writing fails half-way, then the error comes out, the import is failed and the list still shows the earlier version", async () => {
    const memory = memoryPorts();
    await importExclusionList(memory, admin, "military", listOf([1, 2]), () => {});
    const failing = importExclusionList(failingAfter(memory, 10), admin, "military", listOf(Array.from({ length: 50 }, (_, i) => i + 3)), () => {}, {
      chunkSize: 5,
      inFlight: 3,
    });
    await expect(failing).rejects.toThrow("write failed");
    expect(memory.state.exclusionImports.get("military-v2")?.status).toBe("failed");
    expect(currentOf(memory, "military")).toBe(1);
    expect([await onList(memory, "military", 1), await onList(memory, "military", 3)]).toEqual([true, false]);
    // A later import skips the failed version and is not compared with it.
    const next = await importExclusionList(memory, admin, "military", listOf([1, 3]), () => {});
    expect(next.ok && next.value.version).toBe(3);
    expect(memory.state.exclusionImports.get("military-v3")?.overlaps).toEqual({ "1": 1 });
  });

  it("when a lower version completes after a higher one, then it is completed but never current", async () => {
    const memory = memoryPorts();
    const [older, newer] = [
      await memory.imports.begin("student", "admin-1", memory.clock.now()),
      await memory.imports.begin("student", "admin-1", memory.clock.now()),
    ];
    expect(await newer.complete({ entries: 0, rejectedLines: 0, overlaps: {}, at: memory.clock.now() })).toBe(true);
    expect(await older.complete({ entries: 0, rejectedLines: 0, overlaps: {}, at: memory.clock.now() })).toBe(false);
    expect(currentOf(memory, "student")).toBe(2);
    await expect(older.complete({ entries: 0, rejectedLines: 0, overlaps: {}, at: memory.clock.now() })).rejects.toThrow(/not running/);
  });

  it("when more than 20 lines are rejected, then all are counted and the first 20 line numbers reported", async () => {
    const memory = memoryPorts();
    const bad = Array.from({ length: 30 }, (_, i): CsvItem => ({ kind: "rejected", line: i + 3 }));
    const outcome = await importExclusionList(memory, admin, "police", lines([{ kind: "entry", line: 2, nik: nik(1) }, ...bad]), () => {});
    expect(outcome.ok && outcome.value).toMatchObject({ entries: 1, rejectedLines: 30, rejectedLineNumbers: Array.from({ length: 20 }, (_, i) => i + 3) });
  });

  it("when entries become durable, then progress is reported each time another `progressEvery` are written", async () => {
    const memory = memoryPorts();
    const reports: number[] = [];
    await importExclusionList(memory, admin, "police", listOf(Array.from({ length: 25 }, (_, i) => i)), (n) => reports.push(n), {
      chunkSize: 5,
      inFlight: 1,
      progressEvery: 10,
    });
    expect(reports).toEqual([10, 20]);
  });

  it("when someone other than an admin imports, then it is refused before anything is read or written", async () => {
    const memory = memoryPorts();
    for (const claims of [{ role: "operator" as const, region: "31" }, { role: "auditor" as const }, { role: "applicant" as const }]) {
      expect(await writesOf(memory, () => importExclusionList(memory, { uid: "u", claims }, "police", listOf([1]), () => {}))).toEqual({
        result: { ok: false, reason: "not-admin" },
        writes: [],
      });
    }
  });
});

describe("version decisions", () => {
  it("when a version is allocated, then it is above the current one and every one ever started", () => {
    expect(nextVersion(0, [])).toBe(1);
    expect(nextVersion(3, [1, 2, 3])).toBe(4);
    expect(nextVersion(3, [1, 2, 3, 4, 5])).toBe(6);
    fc.assert(
      fc.property(fc.nat(1000), fc.array(fc.nat(1000)), (current, started) => {
        const next = nextVersion(current, started);
        expect(next).toBeGreaterThan(current);
        for (const v of started) expect(next).toBeGreaterThan(v);
      }),
    );
  });

  it("when imports complete in any order, then the current version only ever rises to the highest completed", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 50 }), { minLength: 1 }), (completionOrder) => {
        let current = 0;
        for (const v of completionOrder) if (becomesCurrent(v, current)) current = v;
        expect(current).toBe(Math.max(...completionOrder));
      }),
    );
  });
});
