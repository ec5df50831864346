import { z } from "zod";
import { REASON_CODES } from "../domain/eligibility.js";
import { NIK_DISCREPANCIES, SEXES } from "../domain/nik.js";
import { IDENTITY_DOCUMENTS, REJECTION_REASONS, VERIFICATION_STATES } from "../domain/verification.js";
import { documentId } from "./ids.js";
import { regionScope } from "./region.js";

/**
 * Identity verification at the labor office (domain/verification.ts): what the person is told,
 * the operators' queue and their decisions. Times are ISO strings; the NIK is only ever masked.
 */

/** The labor office (Disnaker) of the regency the person lives in, by today's regions: "Disnaker {regency}". */
export const laborOffice = z.object({ provinceCode: z.string(), regencyCode: z.string(), province: z.string(), regency: z.string() });

/** A decision as the person and the operators see it. */
export const verificationDecisionView = z.object({
  decision: z.enum(["verified", "rejected"]),
  at: z.string(),
  documentsSeen: z.array(z.enum(IDENTITY_DOCUMENTS)),
  rejection: z.enum(REJECTION_REASONS).optional(),
});

/**
 * What a person is told about their verification case (`register`, `registerAssisted`,
 * `getMyStatus`, `decideVerification`): its state, the reasons (which digits of the NIK differ
 * from the KTP), what to bring (empty once verified) and to which office, and the latest decision.
 */
export const verificationView = z.object({
  state: z.enum(VERIFICATION_STATES),
  reasons: z.array(z.enum(NIK_DISCREPANCIES)),
  bring: z.array(z.enum(IDENTITY_DOCUMENTS)),
  office: laborOffice,
  requestedAt: z.string(),
  decision: verificationDecisionView.optional(),
});
export type VerificationView = z.infer<typeof verificationView>;

/** The states an operator lists: the open cases, or those rejected (the person may come back). */
export const QUEUE_STATES = ["needs-verification", "rejected"] as const;
export const VERIFICATION_PAGE_SIZE = { default: 20, max: 50 } as const;

/** Where the next page starts: the `next` of the previous page, as it came. */
export const verificationCursor = z.object(
  { requestedAt: z.iso.datetime({ offset: true, message: "verification-cursor" }), uid: documentId },
  { message: "verification-cursor" },
);

/**
 * Input of `listVerificationCases`. `region`: a province or regency inside the operator's own
 * scope (default: the whole scope; admins: everywhere). Oldest request first.
 */
export const listVerificationCasesInput = z.object({
  state: z.enum(QUEUE_STATES, { message: "verification-queue-state" }).default("needs-verification"),
  region: regionScope.optional(),
  pageSize: z
    .number({ message: "verification-page-size" })
    .int({ message: "verification-page-size" })
    .min(1, { message: "verification-page-size" })
    .max(VERIFICATION_PAGE_SIZE.max, { message: "verification-page-size" })
    .default(VERIFICATION_PAGE_SIZE.default),
  after: verificationCursor.optional(),
});
export type ListVerificationCasesInput = z.infer<typeof listVerificationCasesInput>;

/** One case in the queue: enough to recognise the person at the desk, never the full NIK. */
export const verificationCase = z.object({
  uid: z.string(),
  nikMasked: z.string(),
  /** "Siti N*********": enough to recognise the person at the desk; the full name goes through the vault's reveal. */
  nameMasked: z.string(),
  /** What the person declared from their KTP that is not personal data in clear (the birth date is sealed: the KTP in hand shows it). */
  declared: z.object({ sex: z.enum(SEXES) }),
  /** "+62812****7890". */
  phoneMasked: z.string(),
  /** Where the person lives (codes and today's names). */
  region: z.object({
    provinceCode: z.string(),
    regencyCode: z.string(),
    districtCode: z.string(),
    province: z.string(),
    regency: z.string(),
    district: z.string(),
  }),
  registeredBy: z.enum(["self", "operator"]),
  state: z.enum(VERIFICATION_STATES),
  reasons: z.array(z.enum(NIK_DISCREPANCIES)),
  requestedAt: z.string(),
  /** The latest decision, with the operator's uid (a rejected case). */
  decision: verificationDecisionView.extend({ by: z.string() }).optional(),
});
export type VerificationCase = z.infer<typeof verificationCase>;

/** What `listVerificationCases` answers: a page, and where the next one starts (null: the last page). */
export const verificationCasesPage = z.object({ cases: z.array(verificationCase), next: verificationCursor.nullable() });
export type VerificationCasesPage = z.infer<typeof verificationCasesPage>;

/** The documents seen, each once, in IDENTITY_DOCUMENTS order. */
const documentsSeen = z
  .array(z.enum(IDENTITY_DOCUMENTS, { message: "verification-document-unknown" }))
  .max(IDENTITY_DOCUMENTS.length * 2)
  .transform((seen) => IDENTITY_DOCUMENTS.filter((document) => seen.includes(document)));

const decisionBase = {
  /** Idempotency key chosen by the operator's page: a retry records the decision once. */
  requestId: z.uuid(),
  /** The person's uid (a case of the queue). */
  uid: documentId,
};

/**
 * Input of `decideVerification`: `verified` with the documents seen (the KTP among them), or
 * `rejected` with a reason (and, optionally, what was seen).
 */
export const decideVerificationInput = z.discriminatedUnion(
  "decision",
  [
    z.object({
      ...decisionBase,
      decision: z.literal("verified"),
      documentsSeen: documentsSeen.refine((seen) => seen.includes("ktp"), { message: "verification-ktp-required" }),
    }),
    z.object({
      ...decisionBase,
      decision: z.literal("rejected"),
      rejection: z.enum(REJECTION_REASONS, { message: "verification-rejection-required" }),
      documentsSeen: documentsSeen.default([]),
    }),
  ],
  { message: "verification-decision-required" },
);
export type DecideVerificationInput = z.infer<typeof decideVerificationInput>;

/** What `decideVerification` answers: the case as it now stands and eligibility decided as usual. */
export const decideVerificationResult = z.object({
  uid: z.string(),
  verification: verificationView,
  eligibility: z.object({ eligible: z.boolean(), reasons: z.array(z.enum(REASON_CODES)) }),
  /** False when this request had already been recorded (a retry): nothing new was written. */
  decided: z.boolean(),
});
export type DecideVerificationResult = z.infer<typeof decideVerificationResult>;

/**
 * `verificationDecisions/{requestId}`: every decision, once, for audit (who, when, what was seen,
 * whose case, in which district). No NIK, no name.
 */
export const verificationDecisionDoc = z.object({
  uid: z.string().min(1),
  districtCode: z.string(),
  decision: z.enum(["verified", "rejected"]),
  by: z.string().min(1),
  at: z.date(),
  documentsSeen: z.array(z.enum(IDENTITY_DOCUMENTS)),
  rejection: z.enum(REJECTION_REASONS).optional(),
});
export type VerificationDecisionDoc = z.infer<typeof verificationDecisionDoc>;
