import type { DecideVerificationResult, VerificationCase, VerificationCasesPage, VerificationView } from "@schemas";
import { callable } from "./callable.js";

/** The identity verification and desk callables an operator uses; their shapes are the shared schemas'. */

export type { DecideVerificationResult, VerificationCase, VerificationCasesPage, VerificationView };

export const callListVerificationCases = callable("listVerificationCases");
export const callDecideVerification = callable("decideVerification");
export const callJoinWaveOnBehalf = callable("joinWaveOnBehalf");
