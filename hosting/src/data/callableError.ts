import type { FieldError } from "@schemas";

/** What the page needs from an error thrown by a callable function (a FunctionsError, or anything). */
export interface CallableFailure {
  /** The transport code without the SDK's "functions/" prefix, e.g. "already-exists". */
  code: string;
  /** The use case's stable refusal reason (details.reason), "" when there is none. */
  reason: string;
  /** Per-field messages in both languages (details.fields), as the edge sends them. */
  fields: FieldError[];
  /** Every unmet eligibility rule of a joining refusal (details.reasons), [] when there are none. */
  reasons: string[];
}

function property(value: unknown, key: string): unknown {
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
}

function isFieldError(value: unknown): value is FieldError {
  if (value === null || typeof value !== "object") return false;
  const { field, message } = value as Partial<FieldError>;
  return typeof field === "string" && typeof message?.id === "string" && typeof message.en === "string";
}

export function callableFailure(error: unknown): CallableFailure {
  const details = property(error, "details");
  const fields = property(details, "fields");
  const reasons = property(details, "reasons");
  return {
    code: text(property(error, "code")).replace(/^functions\//, ""),
    reason: text(property(details, "reason")),
    fields: Array.isArray(fields) ? fields.filter(isFieldError) : [],
    reasons: Array.isArray(reasons) ? reasons.filter((entry): entry is string => typeof entry === "string") : [],
  };
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");
