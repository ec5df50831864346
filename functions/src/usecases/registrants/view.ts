import { regionNamesOf } from "../../domain/regions/index.js";
import { canSeeRegion, coversRegion, type RoleClaims } from "../../domain/roles.js";
import type { ApplicantDoc, TimelineEventDoc } from "../../schemas/applicant.js";
import type { RegistrantFilters, RegistrantRow, RegistrantTimelineEntry } from "../../schemas/registrants.js";
import type { RegistrantQuery } from "../ports.js";

/**
 * What a caller's filters read: the narrowest region among their own (operators), the `scope` they
 * chose and the district, with status and wave. Null when the scope or the district lies outside
 * the operator's region (admins and auditors: everywhere).
 */
export function registrantQueryOf(claims: RoleClaims, filters: RegistrantFilters): RegistrantQuery | null {
  const own = claims.role === "operator" ? (claims.region ?? null) : null;
  const scope = filters.scope ?? own;
  if (own !== null && (scope === null || !coversRegion(own, scope))) return null;
  if (filters.districtCode !== undefined && scope !== null && !coversRegion(scope, filters.districtCode)) return null;
  return { region: filters.districtCode ?? scope, status: filters.status ?? null, joinedWave: filters.waveId ?? null };
}

/** True when the person lives where the caller may look and, with a query, inside its region. */
export function isVisibleTo(claims: RoleClaims, applicant: ApplicantDoc, region: string | null = null): boolean {
  return canSeeRegion(claims, applicant.districtCode) && (region === null || coversRegion(region, applicant.districtCode));
}

/** One registrant as lists and exports show them: masked values only (never `personal`). */
export function registrantRowOf(uid: string, applicant: ApplicantDoc): RegistrantRow {
  const names = regionNamesOf(applicant);
  return {
    uid,
    nikMasked: applicant.nikMasked,
    nameMasked: applicant.nameMasked,
    regencyCode: applicant.regencyCode,
    regency: names.regency,
    districtCode: applicant.districtCode,
    district: names.district,
    status: applicant.status,
    eligible: applicant.eligibility.eligible,
    reasons: applicant.eligibility.reasons,
    verification: applicant.verification?.state ?? null,
    joinedWave: applicant.joinedWave ?? null,
    selectedWave: applicant.selectedWave ?? null,
    registeredAt: applicant.registeredAt.toISOString(),
    channel: applicant.registeredBy === "self" ? "online" : "assisted",
  };
}

/** A timeline event as operators see it: times as ISO strings, the acting operator's uid kept. */
export function timelineEntryOf(event: TimelineEventDoc): RegistrantTimelineEntry {
  return {
    kind: event.kind,
    at: event.at.toISOString(),
    ...(event.by === undefined ? {} : { by: event.by }),
    ...(event.eligible === undefined ? {} : { eligible: event.eligible }),
    ...(event.reasons === undefined ? {} : { reasons: event.reasons }),
    ...(event.waveId === undefined ? {} : { waveId: event.waveId }),
    ...(event.documentsSeen === undefined ? {} : { documentsSeen: event.documentsSeen }),
    ...(event.rejection === undefined ? {} : { rejection: event.rejection }),
    ...(event.courseCode === undefined ? {} : { courseCode: event.courseCode }),
    ...(event.amount === undefined ? {} : { amount: event.amount }),
  };
}
