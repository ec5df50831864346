import { REASON_CODES, type ReasonCode } from "../eligibility.js";

/**
 * The figures of one region's dashboard (a regency, a province, or the whole country), as the
 * scheduled rollup computes them (usecases/dashboard/rollup.ts). Counts are people unless said
 * otherwise; rupiah are whole rupiah. A province's figures are the sums of its regencies', the
 * country's the sums of its provinces' — counted once, at the regency, never twice.
 */
export interface RegionFigures {
  /** Everyone registered whose regency is this region's (or inside it). */
  registrants: number;
  /** Registered themselves online (`registeredBy == "self"`). */
  online: number;
  /** Registered at a labor office by an operator: registrants − online. */
  assisted: number;
  /** Eligible at their latest check. */
  eligible: number;
  /** Not eligible, by reason (a person with two reasons counts under both). */
  notEligible: Record<ReasonCode, number>;
  /** Waiting for an operator to verify their identity (NIK digits differ from the KTP). */
  needsVerification: number;
  /** Joined a wave (counted in the first wave they joined: `joinedWave` is written once). */
  joined: number;
  /** Drawn in a wave (`selectedWave`). */
  drawn: number;
  /** Revoked participants (first training not bought in time). */
  revoked: number;
  /** Bought a first training (`firstPurchaseAt` set). */
  bought: number;
  /** Completed and reviewed a first training: their entitlement to incentives exists. */
  completed: number;
  /** Bought, not yet completed: bought − completed (never below 0). */
  inTraining: number;
  /** People with their first installment paid. */
  paidPeople: number;
  /** Installments paid. */
  paidInstallments: number;
  /** Rupiah paid (sum of the paid installments' amounts). */
  paidRupiah: number;
}

/** A district's row in its regency's breakdown: the applicant figures only (six queries a district). */
export interface DistrictFigures {
  registrants: number;
  online: number;
  assisted: number;
  eligible: number;
  needsVerification: number;
  revoked: number;
}

/** One day (Asia/Jakarta, `YYYY-MM-DD`) of registrations. */
export interface DayFigures {
  day: string;
  registrants: number;
  online: number;
  assisted: number;
}

/** One wave: who joined it first, who was drawn in it. */
export interface WaveFigures {
  waveId: string;
  joined: number;
  drawn: number;
}

const noReasons = (): Record<ReasonCode, number> => Object.fromEntries(REASON_CODES.map((reason) => [reason, 0])) as Record<ReasonCode, number>;

export const zeroFigures = (): RegionFigures => ({
  registrants: 0,
  online: 0,
  assisted: 0,
  eligible: 0,
  notEligible: noReasons(),
  needsVerification: 0,
  joined: 0,
  drawn: 0,
  revoked: 0,
  bought: 0,
  completed: 0,
  inTraining: 0,
  paidPeople: 0,
  paidInstallments: 0,
  paidRupiah: 0,
});

export const zeroDistrict = (): DistrictFigures => ({ registrants: 0, online: 0, assisted: 0, eligible: 0, needsVerification: 0, revoked: 0 });

/** The sum of regions' figures (a province from its regencies, the country from its provinces). */
export function sumFigures(parts: readonly RegionFigures[]): RegionFigures {
  const total = zeroFigures();
  for (const part of parts) {
    for (const key of SCALAR_FIGURES) total[key] += part[key];
    for (const reason of REASON_CODES) total.notEligible[reason] += part.notEligible[reason];
  }
  return total;
}

/** The figures that are plain numbers (all but `notEligible`), in the order the web app shows them. */
export const SCALAR_FIGURES = [
  "registrants",
  "online",
  "assisted",
  "eligible",
  "needsVerification",
  "joined",
  "drawn",
  "revoked",
  "bought",
  "inTraining",
  "completed",
  "paidPeople",
  "paidInstallments",
  "paidRupiah",
] as const satisfies ReadonlyArray<Exclude<keyof RegionFigures, "notEligible">>;

/** Day series summed by day (days missing from one part count 0 there), oldest first. */
export function sumDays(series: ReadonlyArray<readonly DayFigures[]>): DayFigures[] {
  const byDay = new Map<string, DayFigures>();
  for (const days of series)
    for (const day of days) {
      const sum = byDay.get(day.day) ?? { day: day.day, registrants: 0, online: 0, assisted: 0 };
      sum.registrants += day.registrants;
      sum.online += day.online;
      sum.assisted += day.assisted;
      byDay.set(day.day, sum);
    }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/** Wave series summed by wave, in wave ID order. */
export function sumWaves(series: ReadonlyArray<readonly WaveFigures[]>): WaveFigures[] {
  const byWave = new Map<string, WaveFigures>();
  for (const waves of series)
    for (const wave of waves) {
      const sum = byWave.get(wave.waveId) ?? { waveId: wave.waveId, joined: 0, drawn: 0 };
      sum.joined += wave.joined;
      sum.drawn += wave.drawn;
      byWave.set(wave.waveId, sum);
    }
  return [...byWave.values()].sort((a, b) => a.waveId.localeCompare(b.waveId, "en", { numeric: true }));
}
