import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { FieldError, RegisterInput } from "@schemas";
import { REGISTRATION_MESSAGES } from "@schemas/registrationMessages.js";
import { afterTap } from "../../components/afterTap.js";
import { useRegistrationLang } from "../../i18n/registration.js";
import { ConsentField } from "./ConsentField.js";
import { IdentityFields } from "./IdentityFields.js";
import {
  CARD_NUMBER_FIELDS,
  CHECK_MESSAGES,
  checkPerson,
  PERSON_FIELDS,
  withCardNumberDigits,
  type CardNumberField,
  type PersonErrors,
  type PersonField,
  type PersonValues,
} from "./personForm.js";
import { RegionFields } from "./RegionFields.js";
import { controlId, type SectionProps } from "./sectionProps.js";
import { SituationFields } from "./SituationFields.js";

interface Props {
  /** Starts every control's ID (and test ID). */
  prefix: string;
  /** Filled by an operator for someone else (different consent wording, no autofill). */
  assisted: boolean;
  initial: PersonValues;
  submitLabel: string;
  /** Sends a checked registration; resolves to the server's field problems, or null. */
  send(input: RegisterInput, values: PersonValues): Promise<PersonErrors | null>;
  /** The caller's outcome of the last submission, shown under the button. */
  children?: ComponentChildren;
}

const isCardNumberField = (field: PersonField): field is CardNumberField => (CARD_NUMBER_FIELDS as readonly PersonField[]).includes(field);

/** The one registration form, used by applicants (/daftar) and by operators (/operator). */
export function RegistrationForm({ prefix, assisted, initial, submitLabel, send, children }: Props) {
  const { lang, t } = useRegistrationLang();
  const [values, setValues] = useState<PersonValues>(initial);
  // The form's own check of the fields (each re-checked when left).
  const [errors, setErrors] = useState<PersonErrors>({});
  // What the server refused in the last submission, and the values it was sent. A refusal (a NIK
  // already registered…) is about the value sent: it is shown while its field still holds that
  // value, whatever the form's own check says of it when the field is left again (as when the
  // language toggle is tapped). Kept as the server sent it, a code with its words in both
  // languages: the reader's are picked as it is shown, so the toggle rewords it.
  const [refused, setRefused] = useState<{ errors: PersonErrors; values: PersonValues } | null>(null);
  // NIK and KK fields whose spaces and dots the form dropped, until they are typed in again.
  const [stripped, setStripped] = useState<Partial<Record<CardNumberField, true>>>({});
  const [busy, setBusy] = useState(false);
  // A new object each failed submission, so the focus moves again even to the same field.
  const [focusRequest, setFocusRequest] = useState<{ field: PersonField } | null>(null);
  // A check that waited for a tap to end (afterTap) reads the values as they are then.
  const current = useRef(values);
  current.current = values;

  useEffect(() => {
    if (!focusRequest) return;
    const id = controlId(prefix, focusRequest.field);
    // A radio group has no element of its own ID: its first radio takes the focus.
    const control = document.getElementById(id) ?? document.querySelector<HTMLInputElement>(`input[name="${id}"]`);
    control?.focus();
  }, [focusRequest]);

  const recheck = (next: PersonValues, fields: readonly PersonField[]) => {
    const checked = checkPerson(next);
    const found = checked.ok ? {} : checked.errors;
    setErrors((shown) => ({ ...shown, ...Object.fromEntries(fields.map((field) => [field, found[field]])) }));
  };

  /** Drops the spaces and dots typed in a NIK or KK, and remembers to say so. */
  const stripCardNumbers = (from: PersonValues, fields?: readonly CardNumberField[]): PersonValues => {
    const { values: next, changed } = withCardNumberDigits(from, fields);
    if (changed.length === 0) return from;
    current.current = next;
    setValues(next);
    setStripped((shown) => ({ ...shown, ...Object.fromEntries(changed.map((field) => [field, true])) }));
    return next;
  };

  const errorIn = (field: PersonField | "form"): FieldError | undefined => {
    if (errors[field]) return errors[field];
    if (!refused || (field !== "form" && refused.values[field] !== values[field])) return undefined;
    return refused.errors[field];
  };

  const update = (patch: Partial<PersonValues>) => {
    const next = { ...values, ...patch };
    setValues(next);
    setStripped((shown) => Object.fromEntries(Object.entries(shown).filter(([field]) => !(field in patch))));
    // Once a field shows a problem, say as soon as it is fixed (or, for a cleared region, what is missing now).
    const shown = PERSON_FIELDS.filter((field) => errorIn(field) && field in patch);
    if (shown.length > 0) recheck(next, shown);
  };

  const check = (field: PersonField) =>
    afterTap(() => {
      const next = isCardNumberField(field) ? stripCardNumbers(current.current, [field]) : current.current;
      recheck(next, [field]);
    });

  const focusFirst = (found: PersonErrors) => {
    const first = PERSON_FIELDS.find((field) => found[field]);
    if (first) setFocusRequest({ field: first });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const sent = stripCardNumbers(values);
    const checked = checkPerson(sent);
    if (!checked.ok) {
      setErrors(checked.errors);
      return focusFirst(checked.errors);
    }
    setErrors({});
    setRefused(null);
    setBusy(true);
    try {
      const found = await send(checked.input, sent);
      if (found) {
        setRefused({ errors: found, values: sent });
        focusFirst(found);
      }
    } finally {
      setBusy(false);
    }
  };

  const section: SectionProps = {
    prefix,
    values,
    assisted,
    errorOf: (field) => errorIn(field)?.message[lang],
    noteOf: (field) => (stripped[field] ? t("person.separatorsRemoved") : ""),
    spaceOf: (field) => ({
      errors: CHECK_MESSAGES[field].map((key) => REGISTRATION_MESSAGES[key][lang]),
      note: isCardNumberField(field) ? t("person.separatorsRemoved") : undefined,
    }),
    update,
    check,
  };
  const formError = errorIn("form");
  const hasErrors = formError !== undefined || PERSON_FIELDS.some((field) => errorIn(field));

  // The summary goes under the button: appearing or going, it never moves the button.
  return (
    <form class="form card" noValidate onSubmit={submit} aria-busy={busy} data-testid={`${prefix}-form`}>
      <h2>{t("person.sectionIdentity")}</h2>
      <IdentityFields {...section} />
      <h2>{t("person.sectionAddress")}</h2>
      <p class="hint">{t("person.addressHint")}</p>
      <RegionFields {...section} />
      <h2>{t("person.sectionSituation")}</h2>
      <SituationFields {...section} />
      <h2>{t("person.sectionConsent")}</h2>
      <ConsentField {...section} />
      <div class="actions">
        <button type="submit" disabled={busy}>
          {busy ? t("register.busy") : submitLabel}
        </button>
      </div>
      {hasErrors && (
        <p role="alert" class="notice notice-error" data-testid={`${prefix}-form-error`}>
          {formError?.message[lang] ?? t("register.fixErrors")}
        </p>
      )}
      {children}
    </form>
  );
}
