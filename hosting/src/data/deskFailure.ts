import { REFUSAL_TEXT } from "@schemas/refusalMessages.js";
import { isRefusalOf, type CallableName } from "@schemas/contract.js";
import type { FieldError, Lang } from "@schemas";
import { DESK_MESSAGES } from "@schemas/desk.js";
import { regionName } from "../format.js";
import { callableFailure } from "./callableError.js";

/** What the desk says about a refused call (no Firebase here: unit-tested as it is). */

/** The refusal's details (codes and official region names, never personal data), as far as they are texts or numbers. */
function detailsOf(error: unknown): Record<string, string> {
  const details = error instanceof Object && "details" in error ? error.details : undefined;
  if (!(details instanceof Object)) return {};
  return Object.fromEntries(
    Object.entries(details).flatMap(([key, value]) =>
      typeof value === "string" || typeof value === "number" ? [[key, key.endsWith("Name") ? regionName(String(value)) : String(value)]] : [],
    ),
  );
}

/** A text's `{name}` places filled from the refusal's details; a place in parentheses without its detail is left out. */
function filledText(text: string, details: Record<string, string>): string {
  return text
    .replace(/ \(\{(\w+)\}\)/g, (_, name: string) => (details[name] === undefined ? "" : ` (${details[name]})`))
    .replace(/\{(\w+)\}/g, (whole: string, name: string) => details[name] ?? whole);
}

/**
 * What to tell the operator about a desk call that failed: the refusal in the functions' own words
 * (a registration of another region names the regency or city and the province holding it), the
 * first field message, or null for a failure without either (offline, session ended: the page's own message).
 */
export function deskFailureText(name: CallableName, error: unknown, lang: Lang): string | null {
  const { reason, fields } = callableFailure(error);
  if (isRefusalOf(name, reason)) return filledText(REFUSAL_TEXT[reason][lang], detailsOf(error));
  return fields[0]?.message[lang] ?? null;
}

/**
 * The registration form's field errors as the desk shows them: `nik-registered` in the applicant's
 * words sends people to their local labor office, which at the desk is the operator; the desk's
 * own words send them to the lookup below instead.
 */
export function deskFieldErrors<E extends { nik?: FieldError }>(errors: E): E {
  if (errors.nik?.code !== "nik-registered") return errors;
  return { ...errors, nik: { ...errors.nik, message: { ...DESK_MESSAGES["desk-nik-registered"] } } };
}
