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

/** The refusal's text and number details (a wave's ID and times: never personal data), to fill its `{name}` places. */
function detailsOf(error: unknown): Record<string, string> {
  const details = error instanceof Object && "details" in error ? error.details : undefined;
  if (!(details instanceof Object)) return {};
  return Object.fromEntries(
    Object.entries(details).flatMap(([key, value]) => (typeof value === "string" || typeof value === "number" ? [[key, String(value)]] : [])),
  );
}

const filled = (text: string, details: Record<string, string>) => text.replace(/\{(\w+)\}/g, (whole: string, name: string) => details[name] ?? whole);

export function consoleFailure(name: CallableName, error: unknown): ConsoleFailure {
  const { code, reason, fields } = callableFailure(error);
  if (fields.length > 0) return { kind: "fields", errors: fields };
  if (isRefusalOf(name, reason)) {
    const details = detailsOf(error);
    return { kind: "refusal", reason, text: { id: filled(REFUSAL_TEXT[reason].id, details), en: filled(REFUSAL_TEXT[reason].en, details) } };
  }
  return { kind: "message", message: code in BY_CODE ? BY_CODE[code as keyof typeof BY_CODE] : "console.other" };
}
