import { isRefusalOf, REGISTRATION_REFUSAL_FIELDS, type AssistedRefusal } from "@schemas/contract.js";
import { callableFailure } from "../../data/callableError.js";
import { refusalNotice, type Notice } from "../../data/refusals.js";
import type { RegistrationMessageId } from "../../i18n/registration.js";
import { errorsByField, type PersonErrors } from "./personForm.js";

/** What the form shows below itself: a refusal of register or registerAssisted, or this app's message. */
export type RegistrationNotice = Notice<AssistedRefusal, RegistrationMessageId>;
export type RegistrationFailure = { kind: "fields"; errors: PersonErrors } | RegistrationNotice;

// Codes that came without a refusal reason. Contention and outages were already retried once.
const REASON_BY_CODE: Partial<Record<string, AssistedRefusal>> = {
  "permission-denied": "not-operator",
  "resource-exhausted": "daily-limit-reached",
};
const BY_CODE: Partial<Record<string, RegistrationMessageId>> = {
  unauthenticated: "register.unauthenticated",
  aborted: "register.unavailable",
  unavailable: "register.unavailable",
  "deadline-exceeded": "register.unavailable",
};

/** What to show for an error thrown by the register or registerAssisted callable. */
export function registrationFailure(error: unknown): RegistrationFailure {
  const { code, reason, fields } = callableFailure(error);
  if (isRefusalOf("registerAssisted", reason)) {
    // A refusal about one field (the NIK, the district…) is shown next to that field.
    const field = REGISTRATION_REFUSAL_FIELDS[reason];
    const notice = refusalNotice(reason);
    return field ? { kind: "fields", errors: { [field]: { field, code: reason, message: notice.text } } } : notice;
  }
  // The schema's own field messages, as the form's check words them.
  if (fields.length > 0) return { kind: "fields", errors: errorsByField(fields) };
  const byCode = REASON_BY_CODE[code];
  return byCode ? refusalNotice(byCode) : { kind: "message", message: BY_CODE[code] ?? "register.other" };
}

/**
 * Sends a registration the way both forms do: on success runs `onDone`; a refusal that concerns
 * fields goes back to the form, any other becomes the form's notice.
 */
export async function sendRegistration(call: () => Promise<void>, setFailure: (notice: RegistrationNotice | null) => void): Promise<PersonErrors | null> {
  setFailure(null);
  try {
    await call();
    return null;
  } catch (error) {
    const found = registrationFailure(error);
    if (found.kind === "fields") return found.errors;
    setFailure(found);
    return null;
  }
}
