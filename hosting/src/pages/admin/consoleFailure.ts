import type { FieldError } from "@schemas";
import { isRefusalOf, type CallableName } from "@schemas/contract.js";
import { REFUSAL_TEXT } from "@schemas/refusalMessages.js";
import { callableFailure } from "../../data/callableError.js";

/** What the console shows for an error thrown by one of its callables. */
export type ConsoleFailure =
  | { kind: "fields"; errors: FieldError[] }
  | { kind: "refusal"; reason: string; text: { id: string; en: string } }
  | { kind: "message"; message: "console.unauthenticated" | "console.unavailable" | "console.other" };

const BY_CODE = {
  unauthenticated: "console.unauthenticated",
  aborted: "console.unavailable",
  unavailable: "console.unavailable",
  "deadline-exceeded": "console.unavailable",
} as const;

export function consoleFailure(name: CallableName, error: unknown): ConsoleFailure {
  const { code, reason, fields } = callableFailure(error);
  if (fields.length > 0) return { kind: "fields", errors: fields };
  if (isRefusalOf(name, reason)) return { kind: "refusal", reason, text: REFUSAL_TEXT[reason] };
  return { kind: "message", message: code in BY_CODE ? BY_CODE[code as keyof typeof BY_CODE] : "console.other" };
}
