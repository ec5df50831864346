import type { FieldError } from "@schemas";
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

function isFieldError(value: unknown): value is FieldError {
  if (value === null || typeof value !== "object") return false;
  const { field, message } = value as Partial<FieldError>;
  return typeof field === "string" && typeof message?.id === "string" && typeof message.en === "string";
}

function property(value: unknown, key: string): unknown {
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
}

/** What to show for an error thrown by the grantRole callable (a FunctionsError, or anything). */
export function grantFailure(error: unknown): GrantFailure {
  const code = String(property(error, "code") ?? "").replace(/^functions\//, "");
  const details = property(error, "details");
  const fields = property(details, "fields");
  if (code === "invalid-argument" && Array.isArray(fields) && fields.every(isFieldError)) {
    return { kind: "fields", errors: fields };
  }
  const reason = String(property(details, "reason") ?? "");
  return { kind: "message", message: BY_REASON[reason] ?? BY_CODE[code] ?? "grant.other" };
}
