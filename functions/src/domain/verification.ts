import type { NikDiscrepancy } from "./nik.js";
import { findProvince, findRegency } from "./regions/today.js";

/**
 * Identity verification at the labor office. A registration whose NIK digits differ from the
 * KTP (domain/nik.ts crossCheckNik) is accepted as `needs-verification`: the person brings the
 * original KTP and KK to the labor office (Disnaker) of the regency they live in, an operator of
 * that region sees them and records the decision. Until it is `verified` the person is not
 * eligible (`identity-not-verified`), so they neither join a wave nor are drawn.
 *
 *   needs-verification ──┬── verified ──▶ verified (final)
 *                        └── rejected ──▶ rejected ──┬── verified ──▶ verified (a later visit, other documents)
 *                                                    └── rejected ──▶ rejected
 */
export const VERIFICATION_STATES = ["needs-verification", "verified", "rejected"] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

/** Documents an operator may record as seen. The KTP must be among them to verify. */
export const IDENTITY_DOCUMENTS = ["ktp", "kk", "birth-certificate", "dukcapil-letter"] as const;
export type IdentityDocument = (typeof IDENTITY_DOCUMENTS)[number];

/** What the person is asked to bring: the original KTP and family card. */
export const DOCUMENTS_TO_BRING: readonly IdentityDocument[] = ["ktp", "kk"];

/** Why an operator did not verify, as told to the person. */
export const REJECTION_REASONS = [
  "ktp-does-not-match", // the KTP does not show the declared birth date or sex, or another NIK
  "kk-does-not-match", // the family card does not list this NIK, or has another number
  "not-the-card-holder", // the person at the desk is not the KTP's holder
  "documents-not-original", // copies, photos, or unreadable documents
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface Verification {
  state: VerificationState;
  reasons: NikDiscrepancy[];
}

export type VerificationDecision = { decision: "verified"; documentsSeen: IdentityDocument[] } | { decision: "rejected"; rejection: RejectionReason };

/** True unless a verification is pending or was rejected; a registration without one needs none. */
export const isIdentityVerified = (verification: Pick<Verification, "state"> | undefined): boolean =>
  verification === undefined || verification.state === "verified";

/** Whether a case can still be decided: everything but `verified`, which is final. */
export const isDecidable = (verification: Pick<Verification, "state"> | undefined): verification is Pick<Verification, "state"> =>
  verification !== undefined && verification.state !== "verified";

/** The labor office that verifies: the Disnaker of the regency the person lives in (today's regions). */
export interface LaborOffice {
  provinceCode: string;
  regencyCode: string;
  /** e.g. "Jawa Barat" */
  province: string;
  /** e.g. "Kabupaten Bandung": the office is "Disnaker Kabupaten Bandung". */
  regency: string;
}

export function laborOfficeOf(regencyCode: string): LaborOffice {
  const provinceCode = regencyCode.slice(0, 2);
  return {
    provinceCode,
    regencyCode,
    province: findProvince(provinceCode)?.name ?? provinceCode,
    regency: findRegency(regencyCode)?.name ?? regencyCode,
  };
}
