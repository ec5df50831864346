import { zeroDistrict, zeroFigures, type DistrictFigures, type RegionFigures } from "../../functions/src/domain/dashboard/figures.js";
import { jakartaDay } from "../../functions/src/domain/dashboard/scope.js";
import { REASON_CODES } from "../../functions/src/domain/eligibility.js";
import { districtsOf, regenciesOf } from "../../functions/src/domain/regions/index.js";
import type { ApplicantDoc } from "../../functions/src/schemas/applicant.js";
import type { WaveDoc } from "../../functions/src/schemas/documents.js";
import type { PayoutDoc } from "../../functions/src/schemas/payouts.js";
import type { EntitlementDoc } from "../../functions/src/schemas/training.js";
import type { SealedDoc } from "../../functions/src/schemas/vault.js";

/**
 * Synthetic registrants with known outcomes for the regional dashboard's tests (unit, on the
 * memory adapters; integration, on the emulator), and the figures counted directly from them.
 * Applicant documents follow `applicantDoc` as it is now: personal data sealed (`personal`, any
 * seal: the rollup never opens it), masked values, region codes and statuses. No real person:
 * masked values are made up and the seal holds a made-up record.
 */
export interface Seeded {
  applicants: Array<{ uid: string; doc: ApplicantDoc }>;
  entitlements: Array<{ uid: string; doc: EntitlementDoc }>;
  payouts: Array<{ id: string; doc: PayoutDoc }>;
  waves: Array<{ id: string; doc: WaveDoc }>;
}

export interface SeedOptions {
  count: number;
  /** Provinces spread over (each: its first two regencies, each's first three districts). */
  provinces: readonly string[];
  now: Date;
  /** A prefix for uids and wave IDs, unique to the run. */
  run: string;
  /** Seals a made-up personal record (the memory vault's seal). */
  sealed: SealedDoc;
}

const DAY = 86_400_000;

export function seedRegistrants(options: SeedOptions): Seeded {
  const { now, run } = options;
  const places = options.provinces.flatMap((province) =>
    regenciesOf(province)
      .slice(0, 2)
      .flatMap((regency) =>
        districtsOf(regency.code)
          .slice(0, 3)
          .map((district) => ({ province, regency: regency.code, district: district.code })),
      ),
  );
  const waveIds = [`${run}-w1`, `${run}-w2`];
  const waves = waveIds.map((id, i) => ({
    id,
    doc: {
      number: 9000 + i,
      programYear: 2026,
      state: "drawn" as const,
      opensAt: new Date(now.getTime() - 30 * DAY),
      closesAt: new Date(now.getTime() - 20 * DAY),
      quota: 1000,
    },
  }));
  const seeded: Seeded = { applicants: [], entitlements: [], payouts: [], waves };
  for (let i = 0; i < options.count; i++) {
    const place = places[(i * 7) % places.length];
    const uid = `${run}-${String(i).padStart(6, "0")}`;
    const eligible = i % 5 !== 0;
    const reasons = eligible ? [] : [REASON_CODES[i % REASON_CODES.length], ...(i % 3 === 0 ? [REASON_CODES[(i + 4) % REASON_CODES.length]] : [])];
    const joined = eligible && i % 2 === 0;
    const wave = waveIds[i % 4 === 0 ? 0 : 1];
    const selected = joined && i % 3 === 0;
    const revoked = selected && i % 7 === 0;
    const bought = selected && !revoked && i % 4 === 0;
    const completed = bought && i % 8 === 0;
    // Registered in the last week, at a time of day that moves with i (some near Jakarta's midnight).
    const registeredAt = new Date(now.getTime() - (i % 7) * DAY - ((i * 37) % 1440) * 60_000);
    const doc: ApplicantDoc = {
      personal: options.sealed,
      nikKey: `nik-${uid}`,
      nikMasked: `${place.district}**********`.slice(0, 16),
      kkKey: `kk-${uid}`,
      nameMasked: "P****",
      phoneMasked: "+62812****0000",
      sex: i % 2 === 0 ? "female" : "male",
      provinceCode: place.province,
      regencyCode: place.regency,
      districtCode: place.district,
      inFormalEducation: false,
      occupation: "unemployed",
      receivesSocialAid: false,
      consent: { at: registeredAt, version: "2026-01", by: i % 3 === 0 ? "operator" : "self" },
      registeredAt,
      registeredBy: i % 3 === 0 ? `${run}-operator-${place.regency}` : "self",
      requestId: `${uid}-request`,
      status: revoked ? "revoked" : selected ? "participant" : "registered",
      eligibility: { eligible, reasons, checkedAt: registeredAt, listVersions: {} },
      programYear: 2026,
      ...(i % 11 === 0
        ? { verification: { state: "needs-verification" as const, reasons: ["nik-birth-date-differs" as const], requestedAt: registeredAt } }
        : {}),
      ...(i % 13 === 0 && i % 11 !== 0
        ? { verification: { state: "verified" as const, reasons: ["nik-sex-differs" as const], requestedAt: registeredAt } }
        : {}),
      ...(joined ? { inPool: !selected, joinedWave: wave } : {}),
      ...(selected ? { selectedWave: wave } : {}),
      ...(revoked ? { revokedAt: new Date(now.getTime() - DAY), revokedFor: "purchase-deadline-passed" as const } : {}),
      ...(selected && !revoked ? { firstPurchaseAt: bought ? new Date(now.getTime() - 2 * DAY) : null } : {}),
    };
    seeded.applicants.push({ uid, doc });
    if (completed) {
      seeded.entitlements.push({
        uid,
        doc: { redeemCode: `${uid}-code`, completedAt: now, reviewedAt: now, at: now, regencyCode: place.regency },
      });
      for (const number of [1, 2]) {
        const paid = number === 1 ? i % 16 === 0 : i % 32 === 0;
        seeded.payouts.push({ id: `${uid}-2026-${number}`, doc: payout(uid, number, paid ? 600_000 : 50_000, paid, place.regency, now) });
      }
    }
  }
  return seeded;
}

function payout(uid: string, number: number, amount: number, paid: boolean, regencyCode: string, now: Date): PayoutDoc {
  return {
    uid,
    programYear: 2026,
    number,
    of: 2,
    amount,
    dueAt: now,
    state: paid ? "paid" : "scheduled",
    attempt: paid ? 1 : 0,
    partner: null,
    reference: `${uid}-${number}`,
    externalId: null,
    sentAt: null,
    partnerReference: null,
    leaseUntil: null,
    hold: null,
    version: paid ? 3 : 0,
    createdAt: now,
    updatedAt: now,
    paidAt: paid ? now : null,
    regencyCode,
  };
}

const inScope = (code: string, scope: string) => scope === "ID" || code.startsWith(scope);

/** A region's figures counted directly from the seeded documents (one pass, no query). */
export function expectedFigures(seeded: Seeded, scope: string): RegionFigures {
  const figures = zeroFigures();
  for (const { doc } of seeded.applicants.filter((a) => inScope(a.doc.regencyCode, scope))) {
    figures.registrants += 1;
    if (doc.registeredBy === "self") figures.online += 1;
    else figures.assisted += 1;
    if (doc.eligibility.eligible) figures.eligible += 1;
    for (const reason of doc.eligibility.reasons) figures.notEligible[reason] += 1;
    if (doc.verification?.state === "needs-verification") figures.needsVerification += 1;
    if (doc.joinedWave !== undefined) figures.joined += 1;
    if (doc.selectedWave !== undefined) figures.drawn += 1;
    if (doc.status === "revoked") figures.revoked += 1;
    if (doc.firstPurchaseAt instanceof Date) figures.bought += 1;
  }
  const entitled = seeded.entitlements.filter((e) => inScope(e.doc.regencyCode ?? "", scope));
  figures.completed = entitled.length;
  figures.inTraining = figures.bought - figures.completed;
  const paid = seeded.payouts.filter((p) => inScope(p.doc.regencyCode ?? "", scope) && p.doc.state === "paid");
  figures.paidInstallments = paid.length;
  figures.paidRupiah = paid.reduce((total, p) => total + p.doc.amount, 0);
  figures.paidPeople = paid.filter((p) => p.doc.number === 1).length;
  return figures;
}

export function expectedDistrict(seeded: Seeded, district: string): DistrictFigures {
  const figures = zeroDistrict();
  for (const { doc } of seeded.applicants.filter((a) => a.doc.districtCode === district)) {
    figures.registrants += 1;
    if (doc.registeredBy === "self") figures.online += 1;
    else figures.assisted += 1;
    if (doc.eligibility.eligible) figures.eligible += 1;
    if (doc.verification?.state === "needs-verification") figures.needsVerification += 1;
    if (doc.status === "revoked") figures.revoked += 1;
  }
  return figures;
}

/** Registrations per Jakarta day in a region: day → [all, online]. */
export function expectedDays(seeded: Seeded, scope: string): Map<string, { registrants: number; online: number }> {
  const days = new Map<string, { registrants: number; online: number }>();
  for (const { doc } of seeded.applicants.filter((a) => inScope(a.doc.regencyCode, scope))) {
    const day = jakartaDay(doc.registeredAt);
    const entry = days.get(day) ?? { registrants: 0, online: 0 };
    entry.registrants += 1;
    if (doc.registeredBy === "self") entry.online += 1;
    days.set(day, entry);
  }
  return days;
}

/** Joined and drawn per wave in a region. */
export function expectedWaves(seeded: Seeded, scope: string): Map<string, { joined: number; drawn: number }> {
  const waves = new Map<string, { joined: number; drawn: number }>();
  for (const { doc } of seeded.applicants.filter((a) => inScope(a.doc.regencyCode, scope))) {
    if (doc.joinedWave !== undefined) {
      const entry = waves.get(doc.joinedWave) ?? { joined: 0, drawn: 0 };
      entry.joined += 1;
      waves.set(doc.joinedWave, entry);
    }
    if (doc.selectedWave !== undefined) {
      const entry = waves.get(doc.selectedWave) ?? { joined: 0, drawn: 0 };
      entry.drawn += 1;
      waves.set(doc.selectedWave, entry);
    }
  }
  return waves;
}

/** The regencies and districts the seed used (two regencies a province, three districts each). */
export const seededRegencies = (provinces: readonly string[]): string[] =>
  provinces.flatMap((p) =>
    regenciesOf(p)
      .slice(0, 2)
      .map((r) => r.code),
  );
export const seededDistricts = (provinces: readonly string[]): string[] =>
  seededRegencies(provinces).flatMap((r) =>
    districtsOf(r)
      .slice(0, 3)
      .map((d) => d.code),
  );
