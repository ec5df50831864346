import { z } from "zod";
import { REASON_CODES } from "../domain/eligibility.js";

/**
 * The regional dashboard's documents (written by the rollup, usecases/dashboard/rollup.ts; read
 * by the web app under the rules' region scoping) and the program office's registration targets.
 * No personal data: counts and rupiah per region, day and wave.
 */
const count = z.number().int().nonnegative();

export const regionFigures = z.object({
  registrants: count,
  online: count,
  assisted: count,
  eligible: count,
  notEligible: z.record(z.enum(REASON_CODES), count),
  needsVerification: count,
  joined: count,
  drawn: count,
  revoked: count,
  bought: count,
  completed: count,
  inTraining: count,
  paidPeople: count,
  paidInstallments: count,
  /** Whole rupiah. */
  paidRupiah: count,
});

export const districtFigures = z.object({
  registrants: count,
  online: count,
  assisted: count,
  eligible: count,
  needsVerification: count,
  revoked: count,
});

/** A scope: "ID" (the country), a 2-digit province or a 4-digit regency/city code (domain/dashboard/scope.ts). */
export const dashboardScope = z.string().regex(/^(ID|\d{2}|\d{4})$/, { message: "scope-format" });

/**
 * `dashboards/{scope}`: one region's figures, rewritten whole by each rollup run (every 15
 * minutes; `updatedAt` says when the counts were taken). `parts`: the provinces of the country or
 * the regencies of a province, each with its figures; `districts`: a regency's districts.
 * `days`: registrations per Jakarta day (the last 400 at most); `waves`: joined and drawn per wave.
 */
export const dashboardDoc = z.object({
  scope: dashboardScope,
  level: z.enum(["national", "province", "regency"]),
  /** The region's official name (Kemendagri), "Indonesia" for the country. */
  name: z.string(),
  updatedAt: z.date(),
  figures: regionFigures,
  parts: z.array(z.object({ code: z.string(), name: z.string(), figures: regionFigures })),
  districts: z.array(z.object({ code: z.string(), name: z.string(), figures: districtFigures })),
  days: z.array(z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), registrants: count, online: count, assisted: count })),
  waves: z.array(z.object({ waveId: z.string(), joined: count, drawn: count })),
});
export type DashboardDoc = z.infer<typeof dashboardDoc>;

/**
 * `regionTargets/{scope}`: the registration target the program office set for a region (Bekasi's
 * office aimed at 22,000 registrants in 2020), who set it and when. Written only by setRegionTarget.
 */
export const regionTargetDoc = z.object({
  registrants: count,
  setBy: z.string(),
  setAt: z.date(),
  requestId: z.string(),
});
export type RegionTargetDoc = z.infer<typeof regionTargetDoc>;

/** Input of the `setRegionTarget` callable: 0 registrants clears the target. */
export const setRegionTargetInput = z.object({
  /** Idempotency key chosen by the caller: a retry records one audit entry. */
  requestId: z.uuid(),
  scope: dashboardScope,
  registrants: z.number().int().nonnegative().max(100_000_000),
});

export interface SetRegionTargetResult {
  scope: string;
  registrants: number;
}

/** The figures that are plain numbers, in the order the web app shows them. */
export { SCALAR_FIGURES } from "../domain/dashboard/figures.js";
