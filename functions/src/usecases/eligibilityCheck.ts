import { evaluateEligibility, MINIMUM_AGE } from "../domain/eligibility.js";
import type { ProgramYearDoc } from "../schemas/documents.js";
import type { ApplicantDoc, EligibilityDoc, FamilyDoc } from "../schemas/applicant.js";
import type { ExclusionLists } from "./ports.js";

export type DeclaredFacts = Pick<ApplicantDoc, "birthDate" | "inFormalEducation" | "occupation" | "receivesSocialAid" | "nikKey" | "status">;

/**
 * Eligibility with fresh facts: the exclusion lists as they are now, the family card's
 * recipients, the program year's rules. Run at registration, on every status view, and
 * (later) at the draw and before each payout.
 */
export async function checkEligibility(
  lists: ExclusionLists,
  facts: DeclaredFacts,
  rules: ProgramYearDoc,
  now: Date,
): Promise<(family: FamilyDoc) => EligibilityDoc> {
  const { hits, versions } = await lists.check(facts.nikKey);
  return (family) => {
    const decision = evaluateEligibility(
      {
        birthDate: facts.birthDate,
        inFormalEducation: facts.inFormalEducation,
        occupation: facts.occupation,
        receivesSocialAid: facts.receivesSocialAid,
        exclusionListHits: hits,
        familyRecipients: facts.status === "participant" ? Math.max(0, family.recipients - 1) : family.recipients,
        blocked: facts.status === "revoked",
        alreadyParticipant: facts.status === "participant",
      },
      { minimumAge: MINIMUM_AGE, socialAidExcludes: rules.socialAidExcludes, familyLimit: rules.familyLimit },
      now,
    );
    return { ...decision, checkedAt: now, listVersions: versions };
  };
}
