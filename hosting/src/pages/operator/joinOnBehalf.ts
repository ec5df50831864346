import type { FieldError } from "@schemas";
import type { ReasonCode } from "@domain/eligibility.js";
import { isRefusalOf, type JoinOnBehalfRefusal } from "@schemas/contract.js";
import { VERIFICATION_MESSAGES } from "@schemas/verificationMessages.js";
import { callableFailure } from "../../data/callableError.js";
import { isReasonCode } from "../../data/reasons.js";
import { refusalNotice, type Notice } from "../../data/refusals.js";
import type { DeskMessageId } from "../../i18n/desk.js";

/**
 * Joining a person to the open wave at the desk (joinWaveOnBehalf): the consent the operator
 * records, one request ID per person and wave (a retry is answered as the first call), and what
 * each failure says.
 */

/** The message shown when the consent box is not ticked: the schema's own. */
export const CONSENT_REQUIRED: FieldError = { field: "consent", code: "join-consent-required", message: VERIFICATION_MESSAGES["join-consent-required"] };

/** Same person, same wave: the same request, whatever else happens on the page. */
export const joinKey = (uid: string, waveId: string): string => `${uid} ${waveId}`;

export type JoinNotice = Notice<JoinOnBehalfRefusal, DeskMessageId>;
export type JoinOnBehalfFailure =
  /** Not eligible now: every unmet rule, in the words written for the operator ("this person …"). */
  { kind: "reasons"; reasons: ReasonCode[] } | { kind: "consent"; error: FieldError } | JoinNotice;

// Codes that came without a refusal reason. Contention and outages were already retried once.
const REASON_BY_CODE: Partial<Record<string, JoinOnBehalfRefusal>> = {
  "permission-denied": "not-operator",
  "not-found": "person-not-registered",
};
const BY_CODE: Partial<Record<string, DeskMessageId>> = {
  unauthenticated: "desk.join.unauthenticated",
  aborted: "desk.join.unavailable",
  unavailable: "desk.join.unavailable",
  "deadline-exceeded": "desk.join.unavailable",
};

/** What to show for an error thrown by the joinWaveOnBehalf callable. */
export function joinOnBehalfFailure(error: unknown): JoinOnBehalfFailure {
  const { code, reason, fields, reasons } = callableFailure(error);
  if (isReasonCode(reason)) {
    const all = reasons.filter(isReasonCode);
    return { kind: "reasons", reasons: all.length > 0 ? all : [reason] };
  }
  const consent = fields.find((field) => field.field === "consent");
  if (code === "invalid-argument" && consent) return { kind: "consent", error: consent };
  const refusal = isRefusalOf("joinWaveOnBehalf", reason) ? reason : REASON_BY_CODE[code];
  return refusal ? refusalNotice(refusal) : { kind: "message", message: BY_CODE[code] ?? "desk.join.other" };
}
