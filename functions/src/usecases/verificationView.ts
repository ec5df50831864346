import { DOCUMENTS_TO_BRING, laborOfficeOf } from "../domain/verification.js";
import type { ApplicantDoc } from "../schemas/applicant.js";
import type { VerificationView } from "../schemas/verification.js";

/**
 * A verification case as the person is told it: the reasons, what to bring (nothing once
 * verified) and to which office — the labor office of the regency they live in, named from
 * today's regions — and the latest decision without the operator's uid. Undefined when the NIK
 * and the KTP agreed.
 */
export function verificationViewOf(applicant: Pick<ApplicantDoc, "verification" | "regencyCode">): VerificationView | undefined {
  const { verification } = applicant;
  if (verification === undefined) return undefined;
  const { decision } = verification;
  return {
    state: verification.state,
    reasons: verification.reasons,
    bring: verification.state === "verified" ? [] : [...DOCUMENTS_TO_BRING],
    office: laborOfficeOf(applicant.regencyCode),
    requestedAt: verification.requestedAt.toISOString(),
    ...(decision === undefined ? {} : { decision: decisionViewOf(decision) }),
  };
}

/** A verification decision as a person sees it (never who decided: the operator's uid stays with operators). */
export function decisionViewOf(decision: NonNullable<NonNullable<ApplicantDoc["verification"]>["decision"]>) {
  return {
    decision: decision.decision,
    at: decision.at.toISOString(),
    documentsSeen: decision.documentsSeen,
    ...(decision.rejection === undefined ? {} : { rejection: decision.rejection }),
  };
}
