import { callableFailure } from "../../data/callableError.js";
import { registrationTranslator, type RegistrationMessageId } from "../../i18n/registration.js";
import { errorsByField, type PersonErrors, type PersonField } from "./personForm.js";

export type RegistrationFailure = { kind: "fields"; errors: PersonErrors } | { kind: "message"; message: RegistrationMessageId };

/**
 * Refusals about one field that the server sends without a wording of its own: shown next
 * to that field in this app's words. (`nik-registered` arrives with its bare code as the
 * message; `outside-region` concerns the district the operator chose.)
 */
const AT_FIELD: Record<string, [PersonField, RegistrationMessageId]> = {
  "nik-registered": ["nik", "register.nik-registered"],
  "outside-region": ["districtCode", "register.outside-region"],
};

// Refusals of register and registerAssisted (details.reason), then the transport codes alone.
const BY_REASON: Record<string, RegistrationMessageId> = {
  "account-registered": "register.account-registered",
  "program-year-not-configured": "register.program-year-not-configured",
  "not-operator": "register.not-operator",
  "daily-limit-reached": "register.daily-limit-reached",
};
const BY_CODE: Record<string, RegistrationMessageId> = {
  unauthenticated: "register.unauthenticated",
  "permission-denied": "register.not-operator",
  "resource-exhausted": "register.daily-limit-reached",
  unavailable: "register.unavailable",
  "deadline-exceeded": "register.unavailable",
};

const inBothLanguages = (key: RegistrationMessageId) => ({ id: registrationTranslator("id")(key), en: registrationTranslator("en")(key) });

/** What to show for an error thrown by the register or registerAssisted callable. */
export function registrationFailure(error: unknown): RegistrationFailure {
  const { code, reason, fields } = callableFailure(error);
  const atField = AT_FIELD[reason];
  if (atField) {
    const [field, message] = atField;
    return { kind: "fields", errors: { [field]: { field, code: reason, message: inBothLanguages(message) } } };
  }
  // NIK and KK problems found by the server come as field messages, like the schema's own.
  if (fields.length > 0) return { kind: "fields", errors: errorsByField(fields) };
  return { kind: "message", message: BY_REASON[reason] ?? BY_CODE[code] ?? "register.other" };
}

/**
 * Sends a registration the way both forms do: on success runs `onDone`; a refusal that concerns
 * fields goes back to the form, any other becomes the form's message.
 */
export async function sendRegistration(
  call: () => Promise<void>,
  setFailure: (message: RegistrationMessageId | null) => void,
): Promise<PersonErrors | null> {
  setFailure(null);
  try {
    await call();
    return null;
  } catch (error) {
    const found = registrationFailure(error);
    if (found.kind === "fields") return found.errors;
    setFailure(found.message);
    return null;
  }
}
