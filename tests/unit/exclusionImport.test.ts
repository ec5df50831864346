import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CsvItem } from "../../functions/src/domain/exclusionCsv.js";
import type { ExclusionListType } from "../../functions/src/domain/eligibility.js";
import { keyedId } from "../../functions/src/domain/privacy.js";
import type { ExclusionImportRecord } from "../../functions/src/schemas/exclusion.js";
import { exclusionListDiff } from "../../functions/src/usecases/exclusionListDiff.js";
import {
  becomesCurrent,
  importExclusionList,
  nextVersion,
  type ExclusionImports,
  type ImportPorts,
} from "../../functions/src/usecases/importExclusionList.js";

/** The import use case over in-memory ports whose reads and writes resolve later, as Firestore's do. */

const key = "unit-test-key-0123456789abcdef0123456789";
const admin = { uid: "admin-1", claims: { role: "admin" as const } };
const later = () => new Promise<void>((resolve) => setImmediate(resolve));

function memory() {
  const faults = { failAfterWrites: Infinity };
  const entries = new Map<string, number[]>();
  const records = new Map<string, ExclusionImportRecord>();
  const current = new Map<ExclusionListType, number>();
  const stats = { writes: 0, reads: 0 };
  const imports: ExclusionImports = {
    async begin(type, by, at) {
      const started = [...records.values()].filter((r) => r.type === type);
      const version = nextVersion(current.get(type) ?? 0, started.map((r) => r.version));
      const id = `${type}-v${version}`;
      records.set(id, { type, version, status: "running", entries: 0, rejectedLines: 0, startedAt: at, by });
      const record = () => records.get(id)!;
      return {
        version,
        comparable: started.filter((r) => r.status === "completed").map((r) => r.version),
        async versionsOf(keys) {
          await later();
          stats.reads += keys.length;
          return keys.map((k) => [...(entries.get(`${type}|${k}`) ?? [])]);
        },
        async add(keys) {
          await later();
          if (stats.writes + keys.length > faults.failAfterWrites) throw new Error("write failed");
          stats.writes += keys.length;
          for (const k of keys) entries.set(`${type}|${k}`, [...new Set([...(entries.get(`${type}|${k}`) ?? []), version])]);
        },
        async complete({ entries: count, rejectedLines, overlaps, at: finishedAt }) {
          records.set(id, { ...record(), status: "completed", entries: count, rejectedLines, overlaps, finishedAt });
          if (!becomesCurrent(version, current.get(type) ?? 0)) return false;
          current.set(type, version);
          return true;
        },
        async fail(finishedAt) {
          records.set(id, { ...record(), status: "failed", finishedAt });
        },
      };
    },
  };
  const ports: ImportPorts = { imports, pseudonyms: { nik: (n) => keyedId("nik", n, key), kk: (k) => keyedId("kk", k, key) }, clock: { now: () => new Date("2026-11-25T03:00:00Z") } };
  const onList = (type: ExclusionListType, nik: string) => entries.get(`${type}|${keyedId("nik", nik, key)}`)?.includes(current.get(type) ?? -1) ?? false;
  const find = async (type: ExclusionListType, version: number) => records.get(`${type}-v${version}`) ?? null;
  return { ports, entries, records, current, stats, faults, onList, find };
}

const nik = (i: number) => `3171011203${String(900000 + i).padStart(6, "0")}`;
async function* lines(items: CsvItem[]) {
  for (const item of items) yield item;
}
const listOf = (numbers: number[]) => lines(numbers.map((n, i) => ({ kind: "entry" as const, line: i + 2, nik: nik(n) })));

describe("importExclusionList", () => {
  it("when an admin imports a list, then each distinct NIK is entered once under its key and the version becomes current", async () => {
    const { ports, current, records, entries, onList } = memory();
    const items: CsvItem[] = [
      { kind: "entry", line: 2, nik: nik(1) },
      { kind: "rejected", line: 3 },
      { kind: "entry", line: 4, nik: nik(2) },
      { kind: "entry", line: 5, nik: nik(1) },
    ];
    const outcome = await importExclusionList(ports, admin, "police", lines(items), () => {});
    expect(outcome).toEqual({ ok: true, value: { type: "police", version: 1, entries: 2, rejectedLines: 1, rejectedLineNumbers: [3], current: true } });
    expect(current.get("police")).toBe(1);
    expect(records.get("police-v1")).toMatchObject({ status: "completed", entries: 2, rejectedLines: 1, by: "admin-1", overlaps: {} });
    expect([...entries.keys()].join()).not.toContain(nik(1));
    expect(onList("police", nik(1)) && onList("police", nik(2))).toBe(true);
  });

  it("when NIKs repeat inside and across rounds still in flight, then each is counted once and the overlaps are exact", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 80 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 4 }),
        async (first, second, chunkSize, inFlight) => {
          const { ports, find, stats } = memory();
          await importExclusionList(ports, admin, "student", listOf(first), () => {}, { chunkSize, inFlight });
          const outcome = await importExclusionList(ports, admin, "student", listOf(second), () => {}, { chunkSize, inFlight });
          const [a, b] = [new Set(first), new Set(second)];
          const common = [...b].filter((n) => a.has(n)).length;
          expect(outcome.ok && outcome.value.entries).toBe(b.size);
          expect((await find("student", 2))?.overlaps).toEqual({ "1": common });
          expect(stats.writes).toBe(a.size + b.size);
        },
      ),
      { numRuns: 80 },
    );
  });

  it("when a second import drops some NIKs and adds others, then the diff counts them and the dropped ones are off the list", async () => {
    const { ports, find, onList } = memory();
    await importExclusionList(ports, admin, "official", listOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), () => {});
    await importExclusionList(ports, admin, "official", listOf([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]), () => {});
    const auditor = { uid: "aud", claims: { role: "auditor" as const } };
    expect(await exclusionListDiff({ find }, auditor, { type: "official", from: 1, to: 2 })).toEqual({
      ok: true,
      value: { type: "official", from: 1, to: 2, added: 5, removed: 3, unchanged: 7 },
    });
    expect(await exclusionListDiff({ find }, admin, { type: "official", from: 2, to: 1 })).toMatchObject({ value: { added: 3, removed: 5, unchanged: 7 } });
    expect([onList("official", nik(1)), onList("official", nik(4)), onList("official", nik(15))]).toEqual([false, true, true]);
  });

  it("when the header names no nik column, or the file is empty, then nothing is allocated", async () => {
    const { ports, records } = memory();
    expect(await importExclusionList(ports, admin, "police", lines([{ kind: "nik-column-missing", line: 1 }]), () => {})).toEqual({ ok: false, reason: "nik-column-missing" });
    expect(await importExclusionList(ports, admin, "police", lines([]), () => {})).toEqual({ ok: false, reason: "no-entries" });
    expect(records.size).toBe(0);
  });

  it("when every line is rejected, then the import fails and the list keeps its version", async () => {
    const { ports, records, current } = memory();
    await importExclusionList(ports, admin, "police", listOf([1]), () => {});
    const outcome = await importExclusionList(ports, admin, "police", lines([{ kind: "rejected", line: 1 }]), () => {});
    expect(outcome).toEqual({ ok: false, reason: "no-entries" });
    expect(records.get("police-v2")?.status).toBe("failed");
    expect(current.get("police")).toBe(1);
  });

  it("when writing fails half-way, then the error comes out, the import is failed and the list still shows the earlier version", async () => {
    const { ports, records, current, onList, faults } = memory();
    await importExclusionList(ports, admin, "military", listOf([1, 2]), () => {});
    faults.failAfterWrites = 12;
    const failing = importExclusionList(ports, admin, "military", listOf(Array.from({ length: 50 }, (_, i) => i + 3)), () => {}, { chunkSize: 5, inFlight: 3 });
    await expect(failing).rejects.toThrow("write failed");
    expect(records.get("military-v2")?.status).toBe("failed");
    expect(current.get("military")).toBe(1);
    expect([onList("military", nik(1)), onList("military", nik(3))]).toEqual([true, false]);
    // A later import skips the failed version and is not compared with it.
    faults.failAfterWrites = Infinity;
    const next = await importExclusionList(ports, admin, "military", listOf([1, 3]), () => {});
    expect(next.ok && next.value.version).toBe(3);
    expect(records.get("military-v3")?.overlaps).toEqual({ "1": 1 });
  });

  it("when more than 20 lines are rejected, then all are counted and the first 20 line numbers reported", async () => {
    const { ports } = memory();
    const bad = Array.from({ length: 30 }, (_, i): CsvItem => ({ kind: "rejected", line: i + 3 }));
    const outcome = await importExclusionList(ports, admin, "police", lines([{ kind: "entry", line: 2, nik: nik(1) }, ...bad]), () => {});
    expect(outcome.ok && outcome.value).toMatchObject({ entries: 1, rejectedLines: 30, rejectedLineNumbers: Array.from({ length: 20 }, (_, i) => i + 3) });
  });

  it("when entries become durable, then progress is reported each time another `progressEvery` are written", async () => {
    const { ports } = memory();
    const reports: number[] = [];
    await importExclusionList(ports, admin, "police", listOf(Array.from({ length: 25 }, (_, i) => i)), (n) => reports.push(n), { chunkSize: 5, inFlight: 1, progressEvery: 10 });
    expect(reports).toEqual([10, 20]);
  });

  it("when someone other than an admin imports, then it is refused before anything is read or written", async () => {
    const { ports, records } = memory();
    for (const claims of [{ role: "operator" as const, region: "31" }, { role: "auditor" as const }, { role: "applicant" as const }]) {
      expect(await importExclusionList(ports, { uid: "u", claims }, "police", listOf([1]), () => {})).toEqual({ ok: false, reason: "not-admin" });
    }
    expect(records.size).toBe(0);
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
