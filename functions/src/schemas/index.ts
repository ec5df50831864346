export * from "./collections.js";
export * from "./contract.js";
export * from "./documents.js";
export * from "./messages.js";
export * from "./region.js";
export * from "./roles.js";
export * from "./applicant.js";
export * from "./exclusion.js";
export * from "./registration.js";
export * from "./registrationMessages.js";
export * from "./refusalMessages.js";
export * from "./verification.js";
export * from "./verificationMessages.js";
export { NIK_DISCREPANCIES, type NikDiscrepancy } from "../domain/nik.js";
export {
  DOCUMENTS_TO_BRING,
  IDENTITY_DOCUMENTS,
  REJECTION_REASONS,
  VERIFICATION_STATES,
  type IdentityDocument,
  type RejectionReason,
  type VerificationState,
} from "../domain/verification.js";
export { ROLES, type Role, type RoleClaims } from "../domain/roles.js";
export { WAVE_STATES, type WaveState } from "../domain/wave.js";
export * from "./payouts.js";
