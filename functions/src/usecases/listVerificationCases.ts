import { done, refused, type Outcome } from "../domain/outcome.js";
import { regionNamesOf } from "../domain/regions/index.js";
import { coversRegion, mayDo, type Actor } from "../domain/roles.js";
import type { ApplicantDoc } from "../schemas/applicant.js";
import type { ListVerificationRefusal } from "../schemas/contract.js";
import type { ListVerificationCasesInput, VerificationCase, VerificationCasesPage } from "../schemas/verification.js";
import type { Ports } from "./ports.js";
import { decisionViewOf } from "./verificationView.js";

export type { ListVerificationRefusal };

export type ListVerificationPorts = Pick<Ports, "verifications">;

/**
 * The identity verification queue of a region: people whose NIK differs from their KTP, oldest
 * request first, a page at a time. An operator sees their own province or regency (or a part of
 * it); admins see everywhere. Each case shows masked values only (NIK, name, phone): a full value
 * goes through the vault's reveal, with a purpose, on the audit log.
 */
export async function listVerificationCases(
  ports: ListVerificationPorts,
  actor: Actor,
  input: ListVerificationCasesInput,
): Promise<Outcome<VerificationCasesPage, ListVerificationRefusal>> {
  if (!mayDo(actor, "list-verification-cases")) return refused("not-operator-or-admin");
  const scope = actor.claims.role === "operator" ? (actor.claims.region ?? null) : null;
  const region = input.region ?? scope;
  if (scope !== null && (region === null || !coversRegion(scope, region))) return refused("region-outside-scope");

  // One more than asked for tells whether another page follows.
  const found = await ports.verifications.cases({
    state: input.state,
    region,
    after: input.after === undefined ? null : { requestedAt: new Date(input.after.requestedAt), uid: input.after.uid },
    limit: input.pageSize + 1,
  });
  const page = found.slice(0, input.pageSize);
  const last = page.at(-1);
  const next =
    found.length > input.pageSize && last !== undefined ? { requestedAt: last.applicant.verification!.requestedAt.toISOString(), uid: last.uid } : null;
  return done({ cases: page.map(({ uid, applicant }) => caseOf(uid, applicant)), next });
}

function caseOf(uid: string, applicant: ApplicantDoc): VerificationCase {
  const verification = applicant.verification!;
  const { decision } = verification;
  return {
    uid,
    nikMasked: applicant.nikMasked,
    nameMasked: applicant.nameMasked,
    declared: { sex: applicant.sex },
    phoneMasked: applicant.phoneMasked,
    region: {
      provinceCode: applicant.provinceCode,
      regencyCode: applicant.regencyCode,
      districtCode: applicant.districtCode,
      ...regionNamesOf(applicant),
    },
    registeredBy: applicant.registeredBy === "self" ? "self" : "operator",
    state: verification.state,
    reasons: verification.reasons,
    requestedAt: verification.requestedAt.toISOString(),
    ...(decision === undefined ? {} : { decision: { ...decisionViewOf(decision), by: decision.by } }),
  };
}
