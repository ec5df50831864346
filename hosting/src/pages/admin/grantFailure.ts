import type { FieldError } from "@schemas";
import { isRefusalOf, type GrantRoleRefusal } from "@schemas/contract.js";
import { callableFailure } from "../../data/callableError.js";
import { refusalNotice, type Notice } from "../../data/refusals.js";
import type { MessageId } from "../../i18n/index.js";

export type GrantNotice = Notice<GrantRoleRefusal, MessageId>;
export type GrantFailure = { kind: "fields"; errors: FieldError[] } | GrantNotice;

// Codes that came without a refusal reason: the grantRole refusal each code carries, or a
// message of this app. Contention and outages were already retried once.
const REASON_BY_CODE: Partial<Record<string, GrantRoleRefusal>> = {
  "permission-denied": "not-admin",
  "failed-precondition": "own-role",
  "not-found": "unknown-account",
  "already-exists": "request-id-reused",
};
const BY_CODE: Partial<Record<string, MessageId>> = {
  unauthenticated: "grant.unauthenticated",
  aborted: "grant.unavailable",
  unavailable: "grant.unavailable",
  "deadline-exceeded": "grant.unavailable",
};

/** What to show for an error thrown by the grantRole callable (a FunctionsError, or anything). */
export function grantFailure(error: unknown): GrantFailure {
  const { code, reason, fields } = callableFailure(error);
  if (code === "invalid-argument" && fields.length > 0) return { kind: "fields", errors: fields };
  const refusal = isRefusalOf("grantRole", reason) ? reason : REASON_BY_CODE[code];
  return refusal ? refusalNotice(refusal) : { kind: "message", message: BY_CODE[code] ?? "grant.other" };
}
