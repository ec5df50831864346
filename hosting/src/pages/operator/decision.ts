import type { DecideVerificationInput, FieldError, IdentityDocument, RejectionReason } from "@schemas";
import { isRefusalOf, type DecideVerificationRefusal } from "@schemas/contract.js";
import { fieldErrors } from "@schemas/messages.js";
import { decideVerificationInput } from "@schemas/verification.js";
import { DOCUMENT_TEXT, REJECTION_TEXT } from "@schemas/verificationMessages.js";
import { callableFailure } from "../../data/callableError.js";
import { refusalNotice, type Notice } from "../../data/refusals.js";
import type { DeskMessageId } from "../../i18n/desk.js";

/** An operator's decision on one verification case, checked with the very schema decideVerification parses. */

/** In the order the form lists them (the schema's own order). */
export const DOCUMENTS = Object.keys(DOCUMENT_TEXT) as IdentityDocument[];
export const REJECTIONS = Object.keys(REJECTION_TEXT) as RejectionReason[];

export const DECISION_FIELDS = ["decision", "documentsSeen", "rejection"] as const;
export type DecisionField = (typeof DECISION_FIELDS)[number];
/** Problems that belong to no field of the form (the request ID, the person) are shown for the whole form. */
export type DecisionErrors = Partial<Record<DecisionField | "form", FieldError>>;

export interface DecisionValues {
  /** "" until chosen: the form never decides for the operator. */
  decision: "" | "verified" | "rejected";
  documentsSeen: IdentityDocument[];
  rejection: "" | RejectionReason;
}

export const emptyDecision = (): DecisionValues => ({ decision: "", documentsSeen: [], rejection: "" });

export type CheckedDecision = { ok: true; input: DecideVerificationInput } | { ok: false; errors: DecisionErrors };

const isDecisionField = (field: string): field is DecisionField => (DECISION_FIELDS as readonly string[]).includes(field);

/** One message per field (the first); `documentsSeen.0` is the documents' field. */
export function errorsByField(list: readonly FieldError[]): DecisionErrors {
  const errors: DecisionErrors = {};
  for (const error of list) {
    const field = error.field.split(".")[0] ?? "";
    errors[isDecisionField(field) ? field : "form"] ??= error;
  }
  return errors;
}

export function checkDecision(uid: string, values: DecisionValues, requestId: string): CheckedDecision {
  const parsed = decideVerificationInput.safeParse({
    requestId,
    uid,
    decision: values.decision === "" ? undefined : values.decision,
    documentsSeen: values.documentsSeen,
    rejection: values.rejection === "" ? undefined : values.rejection,
  });
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, errors: errorsByField(fieldErrors(parsed.error)) };
}

/**
 * Same key, same decision: sending it again (after a lost answer) reuses its request ID, so it is
 * recorded once. What the form shows but does not send (the reason of a verification) is left out.
 */
export function decisionKey(uid: string, values: DecisionValues): string {
  const documents = DOCUMENTS.filter((document) => values.documentsSeen.includes(document));
  return JSON.stringify([uid, values.decision, documents, values.decision === "rejected" ? values.rejection : ""]);
}

export type DecisionNotice = Notice<DecideVerificationRefusal, DeskMessageId>;
export type DecisionFailure = { kind: "fields"; errors: DecisionErrors } | DecisionNotice;

// Codes that came without a refusal reason. Contention and outages were already retried once.
const REASON_BY_CODE: Partial<Record<string, DecideVerificationRefusal>> = {
  "permission-denied": "not-operator-or-admin",
  "not-found": "case-not-found",
  "already-exists": "request-id-reused",
};
const BY_CODE: Partial<Record<string, DeskMessageId>> = {
  unauthenticated: "desk.decision.unauthenticated",
  aborted: "desk.decision.unavailable",
  unavailable: "desk.decision.unavailable",
  "deadline-exceeded": "desk.decision.unavailable",
};

/** What to show for an error thrown by the decideVerification callable. */
export function decisionFailure(error: unknown): DecisionFailure {
  const { code, reason, fields } = callableFailure(error);
  if (code === "invalid-argument" && fields.length > 0) return { kind: "fields", errors: errorsByField(fields) };
  const refusal = isRefusalOf("decideVerification", reason) ? reason : REASON_BY_CODE[code];
  return refusal ? refusalNotice(refusal) : { kind: "message", message: BY_CODE[code] ?? "desk.decision.other" };
}
