import { ageOn } from "./age.js";

/**
 * Who may become a participant (public rules of the program, 2020–2024). Checked at
 * registration, again at the draw, and again before every payout, each time with fresh facts.
 */

/** Stable codes, in the order they are reported; the web form translates them. */
export const REASON_CODES = [
  // First: the one a person can act on today (bring the KTP and KK to the labor office).
  "identity-not-verified",
  "under-age",
  "over-age",
  "in-formal-education",
  "excluded-occupation",
  "receives-social-aid",
  "on-exclusion-list",
  "family-limit-reached",
  "blocked",
  "already-participant",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** Occupations the form offers. The excluded ones are listed by the program's rules. */
export const EXCLUDED_OCCUPATIONS = [
  "civil-servant", // ASN / PNS
  "military", // TNI
  "police", // Polri
  "state-official", // pejabat negara
  "regional-parliament", // member or leader of a DPRD
  "village-official", // kepala desa, perangkat desa
  "state-enterprise-executive", // director, commissioner or supervisor of a BUMN/BUMD
] as const;
export const ORDINARY_OCCUPATIONS = [
  "unemployed",
  "private-employee",
  "self-employed",
  "laid-off", // korban PHK
  "informal-worker",
  "farmer-fisher",
  "other",
] as const;
export const OCCUPATIONS = [...ORDINARY_OCCUPATIONS, ...EXCLUDED_OCCUPATIONS] as const;
export type Occupation = (typeof OCCUPATIONS)[number];

const excluded: ReadonlySet<Occupation> = new Set(EXCLUDED_OCCUPATIONS);
export const isExcludedOccupation = (occupation: Occupation): boolean => excluded.has(occupation);

/** Lists imported from ministries (and the program's own block list), matched on the NIK. */
export const EXCLUSION_LIST_TYPES = ["civil-servant", "military", "police", "official", "social-aid", "student", "block-list"] as const;
export type ExclusionListType = (typeof EXCLUSION_LIST_TYPES)[number];

export interface EligibilityFacts {
  /**
   * YYYY-MM-DD, as declared from the KTP: it decides age even where the NIK's digits differ (the
   * registry never reissues a NIK after a correction); such a case waits for `identityVerified`.
   */
  birthDate: string;
  /** False while an operator has not seen the documents of a NIK that differs from the KTP (or rejected them). */
  identityVerified: boolean;
  inFormalEducation: boolean;
  occupation: Occupation;
  receivesSocialAid: boolean;
  exclusionListHits: readonly ExclusionListType[];
  /** Recipients already counted on the same family card (KK), this person excluded. */
  familyRecipients: number;
  blocked: boolean;
  alreadyParticipant: boolean;
}

/** Per program year (see ProgramYearDoc). */
export interface EligibilityRules {
  minimumAge: number;
  /** The oldest age admitted, inclusive (64 in the 2024 criteria); absent: no upper limit (2020–2023). */
  maximumAge?: number;
  /** True 2020–2022; from 2023 receiving other social aid no longer excludes. */
  socialAidExcludes: boolean;
  familyLimit: number;
}

export const MINIMUM_AGE = 18;

export interface EligibilityDecision {
  eligible: boolean;
  /** Every unmet rule, each once, in REASON_CODES order; empty when eligible. */
  reasons: ReasonCode[];
}

/**
 * How a list hit counts:
 * - block-list → `blocked`: it is the program's own permanent list (revoked, or already paid).
 * - any ministry list (civil-servant, military, police, official, student, and social-aid while
 *   social aid excludes) → `on-exclusion-list`, not the reason the applicant could have declared
 *   (`excluded-occupation`, `in-formal-education`, `receives-social-aid`). The applicant must be
 *   told the refusal comes from an official list: correcting the form will not help, asking the
 *   list's owner to correct the list will. Both reasons appear when both are true.
 * - social-aid, while social aid does not exclude → ignored.
 */
function listReasons(hits: readonly ExclusionListType[], rules: EligibilityRules): ReasonCode[] {
  return hits
    .map((hit): ReasonCode | null => {
      if (hit === "block-list") return "blocked";
      if (hit === "social-aid" && !rules.socialAidExcludes) return null;
      return "on-exclusion-list";
    })
    .filter((reason): reason is ReasonCode => reason !== null);
}

export function evaluateEligibility(facts: EligibilityFacts, rules: EligibilityRules, today: Date): EligibilityDecision {
  const unmet = new Set<ReasonCode>(listReasons(facts.exclusionListHits, rules));
  if (!facts.identityVerified) unmet.add("identity-not-verified");
  const age = ageOn(facts.birthDate, today);
  if (age < rules.minimumAge) unmet.add("under-age");
  if (rules.maximumAge !== undefined && age > rules.maximumAge) unmet.add("over-age");
  if (facts.inFormalEducation) unmet.add("in-formal-education");
  if (isExcludedOccupation(facts.occupation)) unmet.add("excluded-occupation");
  if (facts.receivesSocialAid && rules.socialAidExcludes) unmet.add("receives-social-aid");
  if (facts.familyRecipients >= rules.familyLimit) unmet.add("family-limit-reached");
  if (facts.blocked) unmet.add("blocked");
  if (facts.alreadyParticipant) unmet.add("already-participant");
  const reasons = REASON_CODES.filter((code) => unmet.has(code));
  return { eligible: reasons.length === 0, reasons };
}
