import { beforeAll, describe, expect, it } from "vitest";
import { memoryPorts, type MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import { memoryVault } from "../../../functions/src/adapters/memory/vault.js";
import { NATIONAL_SCOPE, ROLLUP_EVERY_MINUTES, writesPerSecondPerDocument } from "../../../functions/src/domain/dashboard/scope.js";
import { allProvinces, regenciesOf } from "../../../functions/src/domain/regions/index.js";
import { assertFits, rollupDashboards } from "../../../functions/src/usecases/dashboard/rollup.js";
import { setRegionTarget } from "../../../functions/src/usecases/dashboard/setRegionTarget.js";
import {
  expectedDays,
  expectedDistrict,
  expectedFigures,
  expectedWaves,
  seededDistricts,
  seededRegencies,
  seedRegistrants,
  type Seeded,
} from "../../support/dashboardSeed.js";

const NOW = new Date("2026-03-10T05:00:00Z");
const PROVINCES = ["13", "73"];

async function seeded(count: number): Promise<{ ports: MemoryPorts; seed: Seeded }> {
  const ports = memoryPorts({ now: NOW });
  const sealed = await memoryVault().seal({ nik: "0000000000000000", fullName: "made up" }, "applicant");
  const seed = seedRegistrants({ count, provinces: PROVINCES, now: NOW, run: "unit", sealed });
  for (const { id, doc } of seed.waves) ports.state.waves.set(id, doc);
  for (const { uid, doc } of seed.applicants) ports.state.applicants.set(uid, doc);
  for (const { uid, doc } of seed.entitlements) ports.state.entitlements.set(uid, doc);
  for (const { id, doc } of seed.payouts) ports.state.payouts.set(id, doc);
  return { ports, seed };
}

describe("rollupDashboards", () => {
  let ports: MemoryPorts;
  let seed: Seeded;
  let firstRun: { documents: number; queries: number };
  let writesBefore: number;

  beforeAll(async () => {
    ({ ports, seed } = await seeded(900));
    writesBefore = ports.writes.length;
    firstRun = await rollupDashboards(ports, { backfillDays: 10 });
  });

  it("when the rollup runs, then the country, every province and every regency has one document, written once", () => {
    const regencies = allProvinces().flatMap((p) => regenciesOf(p.code));
    expect(firstRun.documents).toBe(1 + allProvinces().length + regencies.length);
    const written = ports.writes.slice(writesBefore);
    expect(written.length).toBe(firstRun.documents);
    expect(new Set(written).size).toBe(written.length);
  });

  it("when each document is written once a run every 15 minutes, then no document is written more than once a second, at any registration rate", () => {
    expect(ROLLUP_EVERY_MINUTES).toBeGreaterThanOrEqual(10);
    expect(writesPerSecondPerDocument(1)).toBeLessThan(1 / 60);
  });

  it.each([NATIONAL_SCOPE, ...PROVINCES, ...seededRegencies(PROVINCES)])(
    "when region %s is rolled up, then every figure equals the count made directly",
    (scope) => {
      expect(ports.dashboards.docs.read(scope)?.figures).toEqual(expectedFigures(seed, scope));
    },
  );

  it("when a province's document is read, then it lists each regency with its own figures and the official name", () => {
    const doc = ports.dashboards.docs.read("73")!;
    expect(doc.parts.map((part) => part.code)).toEqual(regenciesOf("73").map((r) => r.code));
    for (const part of doc.parts) expect(part.figures).toEqual(expectedFigures(seed, part.code));
    expect(doc.name).toBe("Sulawesi Selatan");
  });

  it.each(seededDistricts(PROVINCES))("when district %s is rolled up in its regency, then its figures equal the count made directly", (district) => {
    const row = ports.dashboards.docs.read(district.slice(0, 4))!.districts.find((d) => d.code === district);
    expect(row?.figures).toEqual(expectedDistrict(seed, district));
  });

  it.each([NATIONAL_SCOPE, "13", seededRegencies(PROVINCES)[0]])("when %s's series are read, then each day and each wave counts what was seeded", (scope) => {
    const doc = ports.dashboards.docs.read(scope)!;
    const days = expectedDays(seed, scope);
    for (const [day, counts] of days) expect(doc.days.find((d) => d.day === day)).toEqual({ day, ...counts, assisted: counts.registrants - counts.online });
    expect(doc.days.reduce((total, d) => total + d.registrants, 0)).toBe(expectedFigures(seed, scope).registrants);
    const waves = expectedWaves(seed, scope);
    expect(doc.waves).toEqual([...waves].map(([waveId, counts]) => ({ waveId, ...counts })).sort((a, b) => a.waveId.localeCompare(b.waveId)));
  });

  it("when a province nobody registered in is rolled up, then it costs one query and shows zeros", () => {
    const aceh = ports.dashboards.docs.read("11")!;
    expect(aceh.figures.registrants).toBe(0);
    expect(
      ports.dashboards.queries.filter((q) => q.filters.some((f) => f.value === "11" || (typeof f.value === "string" && f.value.startsWith("11")))),
    ).toHaveLength(1);
  });

  it("when the rollup runs again, then past days and drawn waves are kept, not counted again", async () => {
    const again = await rollupDashboards(ports, { backfillDays: 10 });
    expect(again.queries).toBeLessThan(firstRun.queries);
    expect(ports.dashboards.docs.read(NATIONAL_SCOPE)?.figures).toEqual(expectedFigures(seed, NATIONAL_SCOPE));
  });

  it("when only one province is counted again, then only its documents are written and the country sums the others' stored documents", async () => {
    const before = ports.writes.length;
    await rollupDashboards(ports, { backfillDays: 10, provinces: ["73"] });
    const written = ports.writes.slice(before);
    expect(written).toHaveLength(regenciesOf("73").length + 2);
    expect(written.filter((path) => path.startsWith("dashboards/13"))).toEqual([]);
    expect(ports.dashboards.docs.read(NATIONAL_SCOPE)?.figures).toEqual(expectedFigures(seed, NATIONAL_SCOPE));
  });

  it("when a document would pass 1 MiB, then the rollup refuses to write it", () => {
    const doc = ports.dashboards.docs.read("13")!;
    expect(() => assertFits(doc)).not.toThrow();
    const huge = { ...doc, days: Array.from({ length: 40_000 }, (_, i) => ({ day: `2026-01-${String(i)}`, registrants: 1, online: 1, assisted: 0 })) };
    expect(() => assertFits(huge)).toThrow(/over 1048576/);
  });
});

describe("setRegionTarget", () => {
  const admin = { uid: "admin-1", claims: { role: "admin" as const } };
  const request = { requestId: "0b5b1c42-5f0e-4c1e-9a51-0d3f2f7a1b11", scope: "3216", registrants: 22_000 };

  it("when the program office sets Bekasi's target, then it is stored and the act is on the audit log", async () => {
    const ports = memoryPorts({ now: NOW });
    expect(await setRegionTarget(ports, admin, request)).toEqual({ ok: true, value: { scope: "3216", registrants: 22_000 } });
    expect(ports.dashboards.targets.read("3216")).toMatchObject({ registrants: 22_000, setBy: "admin-1" });
    expect(ports.audit.records).toEqual([expect.objectContaining({ act: "set-region-target", actor: "admin-1", target: "3216", key: request.requestId })]);
  });

  it("when the target is set to 0, then it is cleared", async () => {
    const ports = memoryPorts({ now: NOW });
    await setRegionTarget(ports, admin, request);
    await setRegionTarget(ports, admin, { ...request, requestId: "1b5b1c42-5f0e-4c1e-9a51-0d3f2f7a1b11", registrants: 0 });
    expect(ports.dashboards.targets.read("3216")).toBeUndefined();
  });

  it.each([
    ["an operator", { uid: "op", claims: { role: "operator" as const, region: "32" } }],
    ["an auditor", { uid: "au", claims: { role: "auditor" as const } }],
  ])("when %s sets a target, then it is refused and nothing is written", async (_, actor) => {
    const ports = memoryPorts({ now: NOW });
    expect(await setRegionTarget(ports, actor, request)).toEqual({ ok: false, reason: "not-admin" });
    expect(ports.writes).toEqual([]);
    expect(ports.audit.records).toEqual([]);
  });

  it.each(["99", "3299"])("when the region %s does not exist, then it is refused", async (scope) => {
    const ports = memoryPorts({ now: NOW });
    expect(await setRegionTarget(ports, admin, { ...request, scope })).toEqual({ ok: false, reason: "region-unknown", details: { region: scope } });
  });
});

describe("dashboard document sizes", () => {
  it("when a region has the most parts there are, 400 days and 100 waves, then its document stays far under 1 MiB", async () => {
    const { summed } = await import("../../../functions/src/usecases/dashboard/rollup.js");
    const { zeroDistrict, zeroFigures } = await import("../../../functions/src/domain/dashboard/figures.js");
    const { districtsOf } = await import("../../../functions/src/domain/regions/index.js");
    const { documentBytes } = await import("../../../functions/src/domain/documentSize.js");
    const days = Array.from({ length: 400 }, (_, i) => ({
      day: new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
      registrants: 1e6,
      online: 1e6,
      assisted: 0,
    }));
    const waves = Array.from({ length: 100 }, (_, i) => ({ waveId: `wave-${i}`, joined: 1e6, drawn: 1e6 }));
    const widest = allProvinces()
      .flatMap((p) => regenciesOf(p.code))
      .sort((a, b) => districtsOf(b.code).length - districtsOf(a.code).length)[0];
    const regency = {
      ...summed(widest.code, "province", widest.name, [], NOW),
      level: "regency" as const,
      districts: districtsOf(widest.code).map((d) => ({ code: d.code, name: d.name, figures: zeroDistrict() })),
      days,
      waves,
    };
    const parts = allProvinces().map((p) => ({ ...regency, scope: p.code, name: p.name, figures: zeroFigures(), level: "province" as const }));
    const national = summed(NATIONAL_SCOPE, "national", "Indonesia", parts, NOW);
    for (const doc of [regency, { ...national, days, waves }]) {
      expect(() => assertFits(doc)).not.toThrow();
      expect(documentBytes(`dashboards/${doc.scope}`, doc)).toBeLessThan(100_000);
    }
  });
});
