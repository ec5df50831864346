import type { FieldError } from "@schemas";
import { callableFailure } from "../../data/callableError.js";
import type { MessageId } from "../../i18n/index.js";

export type GrantFailure = { kind: "fields"; errors: FieldError[] } | { kind: "message"; message: MessageId };

// The reasons grantRole refuses with (details.reason), and the transport codes that carry them.
const BY_REASON: Record<string, MessageId> = {
  "not-admin": "grant.not-admin",
  "own-role": "grant.own-role",
  "unknown-account": "grant.unknown-account",
  "request-id-reused": "grant.request-id-reused",
};
const BY_CODE: Record<string, MessageId> = {
  "permission-denied": "grant.not-admin",
  "failed-precondition": "grant.own-role",
  "not-found": "grant.unknown-account",
  "already-exists": "grant.request-id-reused",
  unauthenticated: "grant.unauthenticated",
  unavailable: "grant.unavailable",
  "deadline-exceeded": "grant.unavailable",
};

/** What to show for an error thrown by the grantRole callable (a FunctionsError, or anything). */
export function grantFailure(error: unknown): GrantFailure {
  const { code, reason, fields } = callableFailure(error);
  if (code === "invalid-argument" && fields.length > 0) return { kind: "fields", errors: fields };
  return { kind: "message", message: BY_REASON[reason] ?? BY_CODE[code] ?? "grant.other" };
}
