import type { DeskDay, NikDisputeView, RegistrationLookup } from "@schemas/desk.js";
import { REFUSAL_TEXT } from "@schemas/refusalMessages.js";
import { isRefusalOf, type CallableName } from "@schemas/contract.js";
import type { Lang } from "@schemas";
import { callable } from "./callable.js";
import { callableFailure } from "./callableError.js";

/** The desk's callables (functions/src/usecases/desk/): lookup, NIK disputes, the operator's day, the receipt. */

export type { DeskDay, NikDisputeView, RegistrationLookup };

export const callLookupRegistration = callable("lookupRegistration");
export const callOpenNikDispute = callable("openNikDispute");
export const callResolveNikDispute = callable("resolveNikDispute");
export const callMyDeskDay = callable("myDeskDay");
export const callSendDeskReceipt = callable("sendDeskReceipt");

/** The province a `registration-outside-region` refusal names (details.provinceName), if it named one. */
function provinceNamed(error: unknown): string | null {
  const details = error instanceof Object && "details" in error ? error.details : undefined;
  const name = details instanceof Object && "provinceName" in details ? details.provinceName : undefined;
  return typeof name === "string" ? name : null;
}

/**
 * What to tell the operator about a desk call that failed: the refusal in the functions' own words
 * (with the province that holds a registration of another region), the first field message, or
 * null for a failure without either (offline, session ended: the page's own message).
 */
export function deskFailureText(name: CallableName, error: unknown, lang: Lang): string | null {
  const { reason, fields } = callableFailure(error);
  if (isRefusalOf(name, reason)) {
    const text = REFUSAL_TEXT[reason][lang];
    const province = reason === "registration-outside-region" ? provinceNamed(error) : null;
    return province === null ? text : `${text} (${province})`;
  }
  return fields[0]?.message[lang] ?? null;
}
