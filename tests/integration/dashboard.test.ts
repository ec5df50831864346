import { FieldPath } from "firebase-admin/firestore";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicants, dashboards, entitlements, payouts, waves } from "../../functions/src/adapters/collections.js";
import { firestoreDashboards } from "../../functions/src/adapters/dashboards.js";
import { db } from "../../functions/src/adapters/firebase.js";
import { memoryVault } from "../../functions/src/adapters/memory/vault.js";
import { NATIONAL_SCOPE } from "../../functions/src/domain/dashboard/scope.js";
import { sumFigures } from "../../functions/src/domain/dashboard/figures.js";
import { regenciesOf } from "../../functions/src/domain/regions/index.js";
import type { DashboardDoc } from "../../functions/src/schemas/dashboard.js";
import { rollupDashboards } from "../../functions/src/usecases/dashboard/rollup.js";
import { adminDb } from "../support/admin.js";
import {
  expectedDays,
  expectedDistrict,
  expectedFigures,
  expectedWaves,
  seededDistricts,
  seededRegencies,
  seedRegistrants,
  type Seeded,
} from "../support/dashboardSeed.js";

/**
 * The regional dashboard on the Firestore emulator: 10,000 registrants with known outcomes over
 * five provinces no other suite registers in (Sumatera Barat, Riau, Lampung, Nusa Tenggara Timur,
 * Sulawesi Selatan), seeded with the Admin SDK through the applicants' own converter (batches of
 * 500), then the rollup's real aggregation queries over those five provinces (the others' documents,
 * e.g. the browser journey's, are left as they are; the country is summed from all); every figure of
 * every region checked against counts made directly from the seeded documents.
 */
const RUN = `dash-${randomUUID().slice(0, 8)}`;
const PROVINCES = ["13", "14", "18", "53", "73"];
const COUNT = 10_000;
const now = new Date();
let seed: Seeded;
const docs = new Map<string, DashboardDoc>();

async function inBatches<T>(items: readonly T[], write: (batch: FirebaseFirestore.WriteBatch, item: T) => void): Promise<void> {
  for (let start = 0; start < items.length; start += 500) {
    const batch = db().batch();
    for (const item of items.slice(start, start + 500)) write(batch, item);
    await batch.commit();
  }
}

beforeAll(async () => {
  const sealed = await memoryVault().seal({ nik: "0000000000000000", fullName: "made up" }, "applicant");
  seed = seedRegistrants({ count: COUNT, provinces: PROVINCES, now, run: RUN, sealed });
  await inBatches(seed.waves, (batch, { id, doc }) => batch.set(waves().doc(id), doc));
  await inBatches(seed.applicants, (batch, { uid, doc }) => batch.set(applicants().doc(uid), doc));
  await inBatches(seed.entitlements, (batch, { uid, doc }) => batch.set(entitlements().doc(uid), doc));
  await inBatches(seed.payouts, (batch, { id, doc }) => batch.set(payouts().doc(id), doc));

  await rollupDashboards({ dashboards: firestoreDashboards, clock: { now: () => new Date() } }, { backfillDays: 10, concurrency: 5, provinces: PROVINCES });
  const scopes = [NATIONAL_SCOPE, ...PROVINCES, ...PROVINCES.flatMap((p) => regenciesOf(p).map((r) => r.code))];
  for (const scope of scopes) {
    // Read back through the schema's converter: what the web app parses.
    const data = (await dashboards().doc(scope).get()).data();
    if (data !== undefined) docs.set(scope, data);
  }
}, 600_000);

afterAll(async () => {
  for (const name of ["applicants", "entitlements", "payouts", "waves"]) {
    const owned = await adminDb.collection(name).where(FieldPath.documentId(), ">=", RUN).where(FieldPath.documentId(), "<", `${RUN}~`).get();
    const writer = adminDb.bulkWriter();
    for (const doc of owned.docs) void writer.delete(doc.ref);
    await writer.close();
  }
}, 600_000);

describe("the regional dashboard over 10,000 registrants in five provinces", () => {
  it("when the rollup ran over the five provinces, then the country, each of them and each of their regencies has its document", () => {
    expect(docs.has(NATIONAL_SCOPE)).toBe(true);
    for (const province of PROVINCES) {
      expect(docs.get(province)?.level).toBe("province");
      for (const regency of regenciesOf(province)) expect(docs.get(regency.code)?.level, regency.code).toBe("regency");
    }
  });

  it.each(PROVINCES)("when province %s is read, then every figure equals the count made directly from the seeded registrants", (province) => {
    expect(docs.get(province)?.figures).toEqual(expectedFigures(seed, province));
  });

  it("when every regency of the five provinces is read, then each figure equals the direct count (0 where nobody was seeded)", () => {
    for (const province of PROVINCES)
      for (const regency of regenciesOf(province)) expect(docs.get(regency.code)?.figures, regency.code).toEqual(expectedFigures(seed, regency.code));
  });

  it("when the seeded regencies' districts are read, then each district's figures equal the direct count", () => {
    for (const district of seededDistricts(PROVINCES)) {
      const row = docs.get(district.slice(0, 4))?.districts.find((d) => d.code === district);
      expect(row?.figures, district).toEqual(expectedDistrict(seed, district));
    }
  });

  it("when the days and waves of each seeded region are read, then each day's registrations and each wave's joined and drawn match", () => {
    for (const scope of [...PROVINCES, ...seededRegencies(PROVINCES)]) {
      const doc = docs.get(scope)!;
      for (const [day, counts] of expectedDays(seed, scope)) {
        expect(
          doc.days.find((d) => d.day === day),
          `${scope} ${day}`,
        ).toEqual({ day, ...counts, assisted: counts.registrants - counts.online });
      }
      const mine = doc.waves.filter((w) => w.waveId.startsWith(RUN));
      expect(mine, scope).toEqual([...expectedWaves(seed, scope)].map(([waveId, c]) => ({ waveId, ...c })).sort((a, b) => a.waveId.localeCompare(b.waveId)));
    }
  });

  it("when the national view is read, then it is the sum of its provinces and holds at least the seeded registrants", () => {
    const national = docs.get(NATIONAL_SCOPE)!;
    expect(national.figures).toEqual(sumFigures(national.parts.map((part) => part.figures)));
    expect(national.figures.registrants).toBeGreaterThanOrEqual(COUNT);
    for (const province of PROVINCES) expect(national.parts.find((p) => p.code === province)?.figures).toEqual(expectedFigures(seed, province));
  });
});
