import { evaluateEligibility, MINIMUM_AGE, type ExclusionListType } from "../domain/eligibility.js";
import { isIdentityVerified } from "../domain/verification.js";
import type { ProgramYearDoc } from "../schemas/documents.js";
import type { ApplicantDoc, EligibilityDoc, FamilyDoc } from "../schemas/applicant.js";
import { openPersonal } from "./personalData.js";
import type { ExclusionLists, Vault } from "./ports.js";

/** What eligibility is decided on; the birth date is the declared one, opened from the vault for a stored applicant. */
export type DeclaredFacts = Pick<ApplicantDoc, "inFormalEducation" | "occupation" | "receivesSocialAid" | "nikKey" | "status" | "verification"> & {
  birthDate: string;
};

/**
 * Eligibility with fresh facts: the exclusion lists as they are now, the family card's
 * recipients, the program year's rules, and whether the identity is verified (a NIK that differs
 * from the KTP waits for an operator). Run at registration, on every status view, on joining a
 * wave, at the draw's freeze, on a verification decision, and (later) before each payout.
 */
export async function checkEligibility(
  lists: ExclusionLists,
  facts: DeclaredFacts,
  rules: ProgramYearDoc,
  now: Date,
): Promise<(family: FamilyDoc) => EligibilityDoc> {
  const { hits, versions } = await lists.check(facts.nikKey);
  return eligibilityWith(facts, hits, versions, rules, now);
}

/**
 * The decision on facts and list hits already read (`checkEligibility` reads them for one NIK;
 * the close reads them in batches, or carries them from a check against the same list versions).
 */
export function eligibilityWith(
  facts: DeclaredFacts,
  hits: readonly ExclusionListType[],
  versions: Record<string, number>,
  rules: ProgramYearDoc,
  now: Date,
): (family: FamilyDoc) => EligibilityDoc {
  return (family) => {
    const decision = evaluateEligibility(
      {
        birthDate: facts.birthDate,
        identityVerified: isIdentityVerified(facts.verification),
        inFormalEducation: facts.inFormalEducation,
        occupation: facts.occupation,
        receivesSocialAid: facts.receivesSocialAid,
        exclusionListHits: hits,
        familyRecipients: facts.status === "participant" ? Math.max(0, family.recipients - 1) : family.recipients,
        blocked: facts.status === "revoked",
        alreadyParticipant: facts.status === "participant",
      },
      { minimumAge: MINIMUM_AGE, maximumAge: rules.maximumAge, socialAidExcludes: rules.socialAidExcludes, familyLimit: rules.familyLimit },
      now,
    );
    return { ...decision, checkedAt: now, listVersions: { ...versions } };
  };
}

/**
 * `checkEligibility` for a stored applicant: the birth date (sealed, the age rule needs it) is
 * opened from the vault; everything else is read from the document as it is.
 */
export async function recheckEligibility(
  ports: { lists: ExclusionLists; vault: Pick<Vault, "open"> },
  applicant: ApplicantDoc,
  rules: ProgramYearDoc,
  now: Date,
): Promise<(family: FamilyDoc) => EligibilityDoc> {
  const { birthDate } = await openPersonal(ports.vault, applicant);
  return checkEligibility(ports.lists, { ...applicant, birthDate }, rules, now);
}
