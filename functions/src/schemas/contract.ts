import type { z } from "zod";
import { REASON_CODES } from "../domain/eligibility.js";
import type { KkRefusal, NikRefusal } from "../domain/nik.js";
import type { WaveState } from "../domain/wave.js";
import type { WaveDrawPlan } from "./documents.js";
import type { SavePartnerResult, SaveScheduleResult, SaveTrainingResult, savePartnerInput, saveScheduleInput, saveTrainingInput } from "./catalogue.js";
import type { ExclusionListDiffResult, exclusionListDiffInput } from "./exclusion.js";
import type { getMyStatusInput, MyStatus, registerAssistedInput, registerInput, RegisterResult } from "./registration.js";
import type { grantRoleInput, GrantRoleResult } from "./roles.js";
import type { DecideVerificationResult, VerificationCasesPage, decideVerificationInput, listVerificationCasesInput } from "./verification.js";
import type { createWaveInput, joinWaveInput, joinWaveOnBehalfInput } from "./waves.js";
import type { WavePlan } from "./wavePlan.js";
import type { listRoleGrantsInput, RevokeRoleResult, revokeRoleInput, RoleGrantsPage } from "./roleConsole.js";
import type { SettlementStatement, settlementStatementInput } from "./settlement.js";
import type { cancelPurchaseInput, declinePurchaseInput, getMyTrainingInput, MyTraining, reportPurchaseInput, reviewTrainingInput } from "./myTraining.js";
import type {
  LinkPayoutAccountResult,
  linkPayoutAccountInput,
  MyPayouts,
  reportPayoutInput,
  resolveQuarantineInput,
  resolvePayoutCaseInput,
  reviewPayoutAccountInput,
  reviewPayoutInput,
  SetPayoutQueueResult,
  setPayoutQueueInput,
} from "./payouts.js";
import type { OpenClawbackResult, openClawbackInput, RecordRepaymentResult, recordRepaymentInput } from "./clawbacks.js";
import type {
  getMyPayoutsInput,
  PayoutOverview,
  payoutOverviewInput,
  ReportPayoutResult,
  ResolvePayoutCaseResult,
  ResolveQuarantineResult,
  ReviewPayoutAccountResult,
} from "./payoutViews.js";
import type { getRegistrantInput, listRegistrantsInput, RegistrantRecord, RegistrantsPage } from "./registrants.js";
import type { downloadMyDataInput, MyData, revealPersonalDataInput, RevealPersonalDataResult } from "./personalAccess.js";
import type {
  DeskDay,
  DeskReceiptResult,
  lookupRegistrationInput,
  myDeskDayInput,
  NikDisputeView,
  openNikDisputeInput,
  RegistrationLookup,
  resolveNikDisputeInput,
  sendDeskReceiptInput,
} from "./desk.js";

import type { SetRegionTargetResult, setRegionTargetInput } from "./dashboard.js";
import type { RedriveClosePartitionResult, redriveClosePartitionInput } from "./closeRedrive.js";
/**
 * The contract between the callables and the web app: each callable's deployed name, what it
 * takes, what it answers and every reason it refuses with. The use cases take their refusal
 * types from here and the web app words each reason with the texts of refusalMessages.ts, so a
 * reason added here without its text fails the type check.
 */

/** What `joinWave` and `joinWaveOnBehalf` answer. */
export interface JoinWaveResult {
  waveId: string;
  /** The person's pseudonymous ID in the draw's published pool. */
  pid: string;
  /**
   * False when the person was already in the pool (joined before, or carried over). A retry of
   * `joinWaveOnBehalf` with the same requestId answers true again, as its first call did.
   */
  joined: boolean;
}

/** What `createWave` answers: the wave's ID and its draw plan, public from now on. */
export interface CreateWaveResult {
  waveId: string;
  state: WaveState;
  draw: WaveDrawPlan;
}

/** Inputs as the callables accept them (before parsing) and results as they answer them. */
export interface Callables {
  grantRole: { input: z.input<typeof grantRoleInput>; result: GrantRoleResult };
  register: { input: z.input<typeof registerInput>; result: RegisterResult };
  registerAssisted: { input: z.input<typeof registerAssistedInput>; result: RegisterResult };
  getMyStatus: { input: z.input<typeof getMyStatusInput>; result: MyStatus };
  exclusionListDiff: { input: z.input<typeof exclusionListDiffInput>; result: ExclusionListDiffResult };
  createWave: { input: z.input<typeof createWaveInput>; result: CreateWaveResult };
  joinWave: { input: z.input<typeof joinWaveInput>; result: JoinWaveResult };
  joinWaveOnBehalf: { input: z.input<typeof joinWaveOnBehalfInput>; result: JoinWaveResult };
  listVerificationCases: { input: z.input<typeof listVerificationCasesInput>; result: VerificationCasesPage };
  decideVerification: { input: z.input<typeof decideVerificationInput>; result: DecideVerificationResult };
  savePartner: { input: z.input<typeof savePartnerInput>; result: SavePartnerResult };
  saveTraining: { input: z.input<typeof saveTrainingInput>; result: SaveTrainingResult };
  saveSchedule: { input: z.input<typeof saveScheduleInput>; result: SaveScheduleResult };
  getMyTraining: { input: z.input<typeof getMyTrainingInput>; result: MyTraining };
  cancelPurchase: { input: z.input<typeof cancelPurchaseInput>; result: { balance: number } };
  declinePurchase: { input: z.input<typeof declinePurchaseInput>; result: { declined: true } };
  reportPurchase: { input: z.input<typeof reportPurchaseInput>; result: { balance: number } };
  reviewTraining: { input: z.input<typeof reviewTrainingInput>; result: { entitled: boolean } };
  settlementStatement: { input: z.input<typeof settlementStatementInput>; result: SettlementStatement };
  getMyPayouts: { input: z.input<typeof getMyPayoutsInput>; result: MyPayouts };
  reportPayout: { input: z.input<typeof reportPayoutInput>; result: ReportPayoutResult };
  payoutOverview: { input: z.input<typeof payoutOverviewInput>; result: PayoutOverview };
  resolveQuarantine: { input: z.input<typeof resolveQuarantineInput>; result: ResolveQuarantineResult };
  linkPayoutAccount: { input: z.input<typeof linkPayoutAccountInput>; result: LinkPayoutAccountResult };
  setPayoutQueue: { input: z.input<typeof setPayoutQueueInput>; result: SetPayoutQueueResult };
  reviewPayout: { input: z.input<typeof reviewPayoutInput>; result: { state: string } };
  openClawback: { input: z.input<typeof openClawbackInput>; result: OpenClawbackResult };
  recordRepayment: { input: z.input<typeof recordRepaymentInput>; result: RecordRepaymentResult };
  reviewPayoutAccount: { input: z.input<typeof reviewPayoutAccountInput>; result: ReviewPayoutAccountResult };
  resolvePayoutCase: { input: z.input<typeof resolvePayoutCaseInput>; result: ResolvePayoutCaseResult };
  planWave: { input: z.input<typeof createWaveInput>; result: WavePlan };
  listRoleGrants: { input: z.input<typeof listRoleGrantsInput>; result: RoleGrantsPage };
  revokeRole: { input: z.input<typeof revokeRoleInput>; result: RevokeRoleResult };
  lookupRegistration: { input: z.input<typeof lookupRegistrationInput>; result: RegistrationLookup };
  openNikDispute: { input: z.input<typeof openNikDisputeInput>; result: NikDisputeView };
  resolveNikDispute: { input: z.input<typeof resolveNikDisputeInput>; result: NikDisputeView };
  myDeskDay: { input: z.input<typeof myDeskDayInput>; result: DeskDay };
  sendDeskReceipt: { input: z.input<typeof sendDeskReceiptInput>; result: DeskReceiptResult };
  revealPersonalData: { input: z.input<typeof revealPersonalDataInput>; result: RevealPersonalDataResult };
  downloadMyData: { input: z.input<typeof downloadMyDataInput>; result: MyData };
  listRegistrants: { input: z.input<typeof listRegistrantsInput>; result: RegistrantsPage };
  getRegistrant: { input: z.input<typeof getRegistrantInput>; result: RegistrantRecord };
  setRegionTarget: { input: z.input<typeof setRegionTargetInput>; result: SetRegionTargetResult };
  redriveClosePartition: { input: z.input<typeof redriveClosePartitionInput>; result: RedriveClosePartitionResult };
}

/** A callable's deployed name: the name its trigger file and `functions/src/index.ts` export. */
export type CallableName = keyof Callables;
export type CallableInput<N extends CallableName> = Callables[N]["input"];
export type CallableResult<N extends CallableName> = Callables[N]["result"];

/**
 * The NIK and KK checks of registration (domain/nik.ts): each is about one field of the form. A NIK
 * whose birth date or sex digits differ from the KTP is not refused: it registers as needing
 * verification (RegisterResult.verification).
 */
const PERSON_REFUSALS = [
  "nik-format",
  "nik-region-unknown",
  "nik-birth-date-invalid",
  "nik-serial-zero",
  "kk-format",
  "kk-equals-nik",
  "kk-region-unknown",
] as const satisfies readonly (NikRefusal | KkRefusal)[];

const REGISTER_REFUSALS = [
  ...PERSON_REFUSALS,
  "nik-registered",
  "account-registered",
  "program-year-not-configured",
  "daily-limit-reached",
  "too-many-attempts",
] as const;

/** Every reason each callable refuses with (`details.reason` of the error the web app gets). */
export const REFUSALS = {
  grantRole: ["not-admin", "own-role", "region-unknown", "partner-unknown", "unknown-account", "request-id-reused"],
  register: REGISTER_REFUSALS,
  registerAssisted: [...REGISTER_REFUSALS, "not-operator", "outside-region"],
  getMyStatus: ["not-registered", "registration-blocked"],
  exclusionListDiff: ["not-admin-or-auditor", "version-not-found", "version-not-completed", "imports-overlapped"],
  createWave: [
    "not-admin",
    "wave-exists",
    "program-year-not-configured",
    "closes-in-the-past",
    "quota-invalid",
    "family-limit-invalid",
    "stratum-code-invalid",
    "shares-exceed-whole",
    "counts-exceed-quota",
    "priority-share-invalid",
    "wave-overlaps",
    "wave-draw-pending",
    "priority-list-unknown",
    "priority-list-not-imported",
  ],
  // Eligibility is checked again on joining, so each eligibility reason is a refusal too
  // ("already-participant" is one of them). The refusal's reason is the first unmet rule, in
  // REASON_CODES order; `details.reasons` lists every one.
  joinWave: ["wave-not-open", "not-registered", "not-eligible", "program-year-not-configured", ...REASON_CODES, "registration-blocked"],
  joinWaveOnBehalf: [
    "not-operator",
    "person-not-registered",
    "person-outside-region",
    "wave-not-open",
    "not-eligible",
    "program-year-not-configured",
    ...REASON_CODES,
    "registration-blocked",
  ],
  listVerificationCases: ["not-operator-or-admin", "region-outside-scope"],
  decideVerification: [
    "not-operator-or-admin",
    "case-not-found",
    "person-outside-region",
    "own-case",
    "already-verified",
    "request-id-reused",
    "program-year-not-configured",
  ],
  // The training catalogue (program admins). A partner's kind is fixed once onboarded: trainings name it as institution or platform.
  savePartner: ["not-admin", "partner-kind-fixed"],
  saveTraining: [
    "not-admin",
    "institution-not-onboarded",
    "platform-not-onboarded",
    "province-unknown",
    "hours-below-minimum",
    "version-conflict",
    "request-id-reused",
  ],
  saveSchedule: ["not-admin", "training-not-found", "schedule-course-fixed", "capacity-below-booked"],
  // The participant's own training: cancelling within the cooling-off window, reporting a purchase they did not make, reviewing.
  getMyTraining: ["not-participant", "participant-revoked"],
  cancelPurchase: ["voucher-not-found", "voucher-not-cancellable", "cooling-off-over", "schedule-started"],
  declinePurchase: ["purchase-not-found"],
  reportPurchase: ["voucher-not-found", "voucher-not-cancellable"],
  reviewTraining: ["voucher-not-found", "training-not-completed", "already-reviewed"],
  settlementStatement: ["not-admin-or-auditor", "partner-not-found", "partner-delisted"],
  // What people see of their incentive payouts: an applicant who is not a participant gets an empty answer, not a refusal.
  getMyPayouts: [],
  // "Not received" / "received less" on a paid installment of theirs; `installment-not-paid` carries the state found (details.state).
  reportPayout: ["installment-not-found", "installment-not-paid", "amount-received-invalid", "request-id-reused"],
  payoutOverview: ["not-admin-or-auditor"],
  resolveQuarantine: ["not-admin", "quarantine-not-found", "quarantine-resolved"],
  // Linking the account incentives are paid into: checked through the partner's account inquiry and the registered name.
  linkPayoutAccount: ["not-participant", "institution-not-offered", "account-not-found", "account-name-mismatch", "partner-unavailable"],
  // The program office pauses one partner's payouts during its outage, and decides on held, failed or reversed payouts.
  setPayoutQueue: ["not-admin", "partner-not-found"],
  reviewPayout: ["not-admin", "installment-not-found", "not-reviewable"],
  // Clawback (program office): a paid installment found improper is taken back; repayments recorded until nothing is owed.
  openClawback: ["not-admin", "payout-not-found", "payout-not-paid", "clawback-exists", "program-year-not-configured"],
  recordRepayment: ["not-admin", "clawback-not-found", "clawback-repaid", "amount-exceeds-outstanding", "request-id-reused"],
  // Accounts linked for review (doubtful name, shared number) verified or refused; `account-not-in-review` carries the status found
  // (details.status). The reasons are named for payouts: `account-not-found` and `case-not-found` already mean the partner's
  // inquiry and the identity verification queue.
  reviewPayoutAccount: ["not-admin", "payout-account-not-found", "account-changed", "account-not-in-review", "request-id-reused"],
  // Participants' reports closed with what was found and a note they read on /insentif-saya.
  resolvePayoutCase: ["not-admin", "payout-case-not-found", "payout-case-resolved"],
  // The program office's console: a wave's plan before it is saved (createWave's checks, and the number already taken),
  // the record of role grants, and revoking a role (nobody their own; an applicant has none to revoke).
  planWave: [
    "not-admin",
    "wave-exists",
    "program-year-not-configured",
    "closes-in-the-past",
    "quota-invalid",
    "family-limit-invalid",
    "stratum-code-invalid",
    "shares-exceed-whole",
    "counts-exceed-quota",
    "priority-share-invalid",
    "wave-overlaps",
    "wave-draw-pending",
    "priority-list-unknown",
    "priority-list-not-imported",
  ],
  listRoleGrants: ["not-admin-or-auditor"],
  revokeRole: ["not-admin", "own-role", "no-such-account", "no-role-to-revoke", "request-id-reused"],
  // The desk (usecases/desk/): who registered a walk-in person's NIK; NIK dispute cases ("joki"); the operator's day; the person's receipt.
  // `registration-outside-region` names the province whose office holds the registration (details.provinceCode, details.provinceName)
  // and the regency or city (details.regencyCode, details.regencyName).
  lookupRegistration: ["not-operator-or-admin", "nik-not-registered", "registration-outside-region"],
  openNikDispute: [
    "not-operator-or-admin",
    "registration-not-found",
    "registration-outside-region",
    "claimant-account-not-found",
    "claimant-is-registrant",
    "claimant-registered",
    "request-id-reused",
    "claimant-is-staff",
    "claimant-is-actor",
  ],
  resolveNikDispute: [
    "not-operator-or-admin",
    "dispute-not-found",
    "registration-outside-region",
    "own-registration",
    "dispute-resolved",
    "documents-missing",
    "registration-moved",
    "registration-not-movable",
    "claimant-registered",
    "claimant-is-staff",
    "claimant-is-actor",
    "claimant-is-registrant",
  ],
  myDeskDay: ["not-operator"],
  sendDeskReceipt: ["not-operator-or-admin", "registration-not-found", "registration-outside-region", "request-id-reused"],
  // The personal-data vault (usecases/revealPersonalData.ts): one sealed field of one person, for a purpose, on the audit log.
  revealPersonalData: ["not-operator-or-admin", "registrant-not-found", "person-outside-region"],
  // The right of access: anyone signed in gets what is held about them (nothing held is an answer, not a refusal).
  downloadMyData: [],
  // Registrant lists and records (usecases/registrants/): operators see their region, admins and auditors everywhere; a person
  // outside the caller's region reads as not found, exactly as one never registered.
  listRegistrants: ["not-operator-admin-or-auditor", "region-outside-scope", "registrant-not-in-region"],
  getRegistrant: ["not-operator-admin-or-auditor", "registrant-not-in-region"],
  setRegionTarget: ["not-admin", "region-unknown"],
  // A wave's close (usecases/redriveClosePartition.ts): only a stalled partition is re-driven; each refusal says what was found.
  redriveClosePartition: [
    "not-admin",
    "wave-not-found",
    "close-not-found",
    "partition-not-found",
    "partition-done",
    "partition-not-stalled",
    "request-id-reused",
  ],
} as const satisfies Record<CallableName, readonly string[]>;

export type RefusalOf<N extends CallableName> = (typeof REFUSALS)[N][number];
/** Every refusal of every callable. */
export type Refusal = RefusalOf<CallableName>;

export type GrantRoleRefusal = RefusalOf<"grantRole">;
export type RegisterRefusal = RefusalOf<"register">;
export type AssistedRefusal = RefusalOf<"registerAssisted">;
export type StatusRefusal = RefusalOf<"getMyStatus">;
export type DiffRefusal = RefusalOf<"exclusionListDiff">;
export type CreateWaveRefusal = RefusalOf<"createWave">;
export type JoinWaveRefusal = RefusalOf<"joinWave">;
export type JoinOnBehalfRefusal = RefusalOf<"joinWaveOnBehalf">;
export type ListVerificationRefusal = RefusalOf<"listVerificationCases">;
export type DecideVerificationRefusal = RefusalOf<"decideVerification">;
export type SavePartnerRefusal = RefusalOf<"savePartner">;
export type SaveTrainingRefusal = RefusalOf<"saveTraining">;
export type SaveScheduleRefusal = RefusalOf<"saveSchedule">;
export type RevealPersonalDataRefusal = RefusalOf<"revealPersonalData">;
export type ListRegistrantsRefusal = RefusalOf<"listRegistrants">;
export type GetRegistrantRefusal = RefusalOf<"getRegistrant">;

export const CALLABLE_NAMES = Object.keys(REFUSALS) as CallableName[];

/** Whether a reason the server sent is one of this callable's (not Object.hasOwn: ES2020 browsers). */
export function isRefusalOf<N extends CallableName>(name: N, reason: string): reason is RefusalOf<N> {
  return (REFUSALS[name] as readonly string[]).includes(reason);
}

/**
 * The field of the registration form each registration refusal is about (the operator's
 * callable names it `person.<field>`); the others concern the whole registration.
 */
export const REGISTRATION_REFUSAL_FIELDS: Partial<Record<AssistedRefusal, keyof z.output<typeof registerInput>>> = {
  "nik-format": "nik",
  "nik-region-unknown": "nik",
  "nik-birth-date-invalid": "nik",
  "nik-serial-zero": "nik",
  "kk-format": "kk",
  "kk-equals-nik": "kk",
  "kk-region-unknown": "kk",
  "nik-registered": "nik",
  "outside-region": "districtCode",
};
