import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ExclusionImportRecord } from "../../functions/src/schemas/exclusion.js";
import { diffCounts, exclusionListDiff } from "../../functions/src/usecases/exclusionListDiff.js";

/** The diff of two list versions from the counts each import kept. */

const record = (version: number, entries: number, overlaps?: Record<string, number>, status: ExclusionImportRecord["status"] = "completed"): ExclusionImportRecord => ({
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

describe("exclusionListDiff", () => {
  const records = [record(1, 10), record(2, 12, { "1": 7 }), record(3, 5, { "1": 0, "2": 5 }, "running")];
  const find = async (_type: string, version: number) => records.find((r) => r.version === version) ?? null;
  const input = { type: "civil-servant" as const, from: 1, to: 2 };

  it("when an auditor or an admin asks, then the counts come from two reads", async () => {
    for (const role of ["auditor", "admin"] as const) {
      expect(await exclusionListDiff({ find }, { uid: "u", claims: { role } }, input)).toEqual({
        ok: true,
        value: { type: "civil-servant", from: 1, to: 2, added: 5, removed: 3, unchanged: 7 },
      });
    }
  });

  it("when an operator or an applicant asks, then it is refused", async () => {
    expect(await exclusionListDiff({ find }, { uid: "u", claims: { role: "operator", region: "31" } }, input)).toEqual({ ok: false, reason: "not-admin-or-auditor" });
    expect(await exclusionListDiff({ find }, { uid: "u", claims: { role: "applicant" } }, input)).toEqual({ ok: false, reason: "not-admin-or-auditor" });
  });

  it("when a version does not exist or has not completed, then it is refused with that reason", async () => {
    const auditor = { uid: "u", claims: { role: "auditor" as const } };
    expect(await exclusionListDiff({ find }, auditor, { ...input, to: 9 })).toEqual({ ok: false, reason: "version-not-found" });
    expect(await exclusionListDiff({ find }, auditor, { ...input, to: 3 })).toEqual({ ok: false, reason: "version-not-completed" });
  });
});
