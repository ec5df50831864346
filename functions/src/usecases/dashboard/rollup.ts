import { documentBytes, MAX_DOCUMENT_BYTES } from "../../domain/documentSize.js";
import { REASON_CODES, type ReasonCode } from "../../domain/eligibility.js";
import {
  sumDays,
  sumFigures,
  sumWaves,
  zeroDistrict,
  zeroFigures,
  type DayFigures,
  type DistrictFigures,
  type RegionFigures,
  type WaveFigures,
} from "../../domain/dashboard/figures.js";
import {
  dayQueries,
  districtQueries,
  provinceRegistrants,
  regencyBlocked,
  regencyFigures,
  regencyQueries,
  regencyRegistrants,
  waveQueries,
  type BlockedRegistration,
} from "../../domain/dashboard/queries.js";
import { DAYS_KEPT, dayBounds, daysToCount, NATIONAL_SCOPE } from "../../domain/dashboard/scope.js";
import { allProvinces, districtsOf, regenciesOf, type Province, type Regency } from "../../domain/regions/index.js";
import type { DashboardDoc } from "../../schemas/dashboard.js";
import { COLLECTIONS } from "../../schemas/collections.js";
import type { Ports } from "../ports.js";
import { inTurns } from "../inTurns.js";

export type RollupPorts = Pick<Ports, "dashboards" | "clock">;

export interface RollupOptions {
  /** Days back the series is filled when a day is missing from it (the first run, a gap). */
  backfillDays?: number;
  /** Provinces counted at once (each province's regencies one after another). */
  concurrency?: number;
  /**
   * Only these provinces are counted again (a recount after a correction, or a test); the country
   * is then summed from their new documents and the others' stored ones. Default: every province.
   */
  provinces?: readonly string[];
}

export interface RollupResult {
  /** Dashboard documents written: each once (the country, 38 provinces, 514 regencies). */
  documents: number;
  /** Aggregation queries run. */
  queries: number;
}

/** Checked before every write: a dashboard document stays far under Firestore's 1 MiB (a regency with 60 districts and 400 days is ~40 KB). */
export function assertFits(doc: DashboardDoc): void {
  const bytes = documentBytes(`${COLLECTIONS.dashboards}/${doc.scope}`, doc);
  if (bytes > MAX_DOCUMENT_BYTES) throw new Error(`dashboards/${doc.scope} would be ${bytes} bytes, over ${MAX_DOCUMENT_BYTES}`);
}

/**
 * The scheduled rollup of the regional dashboard (every 15 minutes, functions/rollupDashboards.ts):
 * counts each regency's figures with aggregation queries, then sums them into its province and the
 * country, and writes every `dashboards/{scope}` document once. Regencies nobody registered in
 * cost one query; a province nobody registered in costs one for all its regencies. Day counts
 * before yesterday and the counts of drawn waves are kept from the last run: they never change.
 * Blocked registrations (a re-tied NIK dispute's other side: the NIK counts under the person's own
 * account) are left out of every figure: a counted regency reads its few blocked documents (one
 * query) and takes each off every count it matched.
 */
export async function rollupDashboards(ports: RollupPorts, options: RollupOptions = {}): Promise<RollupResult> {
  const now = ports.clock.now();
  const backfill = options.backfillDays ?? 35;
  let queries = 0;
  const count = async (query: Parameters<RollupPorts["dashboards"]["count"]>[0]) => {
    queries += 1;
    return ports.dashboards.count(query);
  };
  const waves = await ports.dashboards.waves();

  const districtRows = async (regency: Regency, empty: boolean, blocked: readonly BlockedRegistration[] = []): Promise<DashboardDoc["districts"]> =>
    inTurns(districtsOf(regency.code), 4, async (district) => {
      if (empty) return { code: district.code, name: district.name, figures: zeroDistrict() };
      const q = districtQueries(district.code);
      const here = blocked.filter((row) => row.districtCode === district.code);
      const off = (match: (row: BlockedRegistration) => boolean) => here.filter(match).length;
      const registrants = (await count(q.registrants)).count - here.length;
      if (registrants <= 0) return { code: district.code, name: district.name, figures: zeroDistrict() };
      const [online, eligible, needsVerification, revoked] = await Promise.all(
        [q.online, q.eligible, q.needsVerification, q.revoked].map(async (x) => (await count(x)).count),
      );
      const figures: DistrictFigures = {
        registrants,
        online: online - off((row) => row.online),
        assisted: registrants - (online - off((row) => row.online)),
        eligible: eligible - off((row) => row.eligible),
        needsVerification: needsVerification - off((row) => row.needsVerification),
        revoked,
      };
      return { code: district.code, name: district.name, figures };
    });

  const regencyDoc = async (regency: Regency, provinceEmpty: boolean): Promise<DashboardDoc> => {
    const counted = provinceEmpty ? 0 : (await count(regencyRegistrants(regency.code))).count;
    const base = { scope: regency.code, level: "regency" as const, name: regency.name, updatedAt: now, parts: [] };
    if (counted === 0) return { ...base, figures: zeroFigures(), districts: await districtRows(regency, true), days: [], waves: [] };
    queries += 1;
    const blocked = await ports.dashboards.blocked(regencyBlocked(regency.code));
    const off = (match: (row: BlockedRegistration) => boolean) => blocked.filter(match).length;
    const registrants = counted - blocked.length;
    const previous = await ports.dashboards.get(regency.code);
    const q = regencyQueries(regency.code);
    const number = async (query: Parameters<typeof count>[0]) => (await count(query)).count;
    const [online, eligible, needsVerification, revoked, bought, completed, paidPeople, paid, reasonCounts] = await Promise.all([
      number(q.online),
      number(q.eligible),
      number(q.needsVerification),
      number(q.revoked),
      number(q.bought),
      number(q.completed),
      number(q.paidPeople),
      count(q.paidInstallments),
      Promise.all(REASON_CODES.map(async (reason) => [reason, await number(q.reasons[reason])] as const)),
    ]);
    const waveRows = await Promise.all(
      waves.map(async (wave): Promise<WaveFigures> => {
        const kept = wave.final ? previous?.waves.find((row) => row.waveId === wave.id) : undefined;
        if (kept !== undefined) return kept;
        const w = waveQueries(regency.code, wave.id);
        const [joined, drawn] = await Promise.all([number(w.joined), number(w.drawn)]);
        return { waveId: wave.id, joined: joined - off((row) => row.joinedWave === wave.id), drawn };
      }),
    );
    const days = await daySeries(regency.code, previous?.days ?? [], blocked);
    const figures: RegionFigures = regencyFigures({
      registrants,
      online: online - off((row) => row.online),
      eligible: eligible - off((row) => row.eligible),
      reasons: Object.fromEntries(reasonCounts.map(([reason, n]) => [reason, n - off((row) => row.reasons.includes(reason))])) as Record<ReasonCode, number>,
      needsVerification: needsVerification - off((row) => row.needsVerification),
      revoked,
      bought,
      completed,
      paidInstallments: paid.count,
      paidRupiah: paid.sum,
      paidPeople,
      joined: waveRows.reduce((total, row) => total + row.joined, 0),
      drawn: waveRows.reduce((total, row) => total + row.drawn, 0),
    });
    return { ...base, figures, districts: await districtRows(regency, false, blocked), days, waves: waveRows.filter((row) => row.joined > 0 || row.drawn > 0) };
  };

  const daySeries = async (regency: string, known: readonly DayFigures[], blocked: readonly BlockedRegistration[]): Promise<DayFigures[]> => {
    const counted = await Promise.all(
      daysToCount(now, backfill, new Set(known.map((d) => d.day))).map(async (day): Promise<DayFigures> => {
        const { from, to } = dayBounds(day);
        const d = dayQueries(regency, from, to);
        const [all, self] = await Promise.all([count(d.registrants), count(d.online)]);
        const that = blocked.filter((row) => row.registeredAt >= from && row.registeredAt < to);
        const registrants = all.count - that.length;
        const online = self.count - that.filter((row) => row.online).length;
        return { day, registrants, online, assisted: registrants - online };
      }),
    );
    const byDay = new Map(known.map((d) => [d.day, d]));
    for (const day of counted) byDay.set(day.day, day);
    return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day)).slice(-DAYS_KEPT);
  };

  const provinceDocs = async (province: Province): Promise<DashboardDoc[]> => {
    const empty = (await count(provinceRegistrants(province.code))).count === 0;
    const regencies: DashboardDoc[] = [];
    for (const regency of regenciesOf(province.code)) regencies.push(await regencyDoc(regency, empty));
    const doc = summed(province.code, "province", province.name, regencies, now);
    const all = [...regencies, doc];
    all.forEach(assertFits);
    await ports.dashboards.save(all);
    return all;
  };

  const only = options.provinces === undefined ? null : new Set(options.provinces);
  const counted = allProvinces().filter((province) => only === null || only.has(province.code));
  const written = (await inTurns(counted, options.concurrency ?? 4, provinceDocs)).flat();
  const fresh = new Map(written.filter((doc) => doc.level === "province").map((doc) => [doc.scope, doc]));
  const provinces = await Promise.all(
    allProvinces().map(
      async (province) => fresh.get(province.code) ?? (await ports.dashboards.get(province.code)) ?? summed(province.code, "province", province.name, [], now),
    ),
  );
  const national = summed(NATIONAL_SCOPE, "national", "Indonesia", provinces, now);
  assertFits(national);
  await ports.dashboards.save([national]);
  return { documents: written.length + 1, queries };
}

/** A province from its regencies, or the country from its provinces: sums, with each part's figures. */
export function summed(scope: string, level: "national" | "province", name: string, parts: readonly DashboardDoc[], now: Date): DashboardDoc {
  return {
    scope,
    level,
    name,
    updatedAt: now,
    figures: parts.length === 0 ? zeroFigures() : sumFigures(parts.map((part) => part.figures)),
    parts: parts.map((part) => ({ code: part.scope, name: part.name, figures: part.figures })),
    districts: [],
    days: sumDays(parts.map((part) => part.days)).slice(-DAYS_KEPT),
    waves: sumWaves(parts.map((part) => part.waves)),
  };
}
