import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { RegisterInput } from "@schemas";
import { useRegistrationLang } from "../../i18n/registration.js";
import { ConsentField } from "./ConsentField.js";
import { IdentityFields } from "./IdentityFields.js";
import { checkPerson, PERSON_FIELDS, type PersonErrors, type PersonField, type PersonValues } from "./personForm.js";
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

/** The one registration form, used by applicants (/daftar) and by operators (/operator). */
export function RegistrationForm({ prefix, assisted, initial, submitLabel, send, children }: Props) {
  const { lang, t } = useRegistrationLang();
  const [values, setValues] = useState<PersonValues>(initial);
  const [errors, setErrors] = useState<PersonErrors>({});
  const [busy, setBusy] = useState(false);
  // A new object each failed submission, so the focus moves again even to the same field.
  const [focusRequest, setFocusRequest] = useState<{ field: PersonField } | null>(null);

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

  const update = (patch: Partial<PersonValues>) => {
    const next = { ...values, ...patch };
    setValues(next);
    // Once a field shows a problem, say as soon as it is fixed (or, for a cleared region, what is missing now).
    const shown = PERSON_FIELDS.filter((field) => errors[field] && field in patch);
    if (shown.length > 0) recheck(next, shown);
  };

  const showErrors = (found: PersonErrors) => {
    setErrors(found);
    const first = PERSON_FIELDS.find((field) => found[field]);
    if (first) setFocusRequest({ field: first });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkPerson(values);
    if (!checked.ok) return showErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      const found = await send(checked.input, values);
      if (found) showErrors(found);
    } finally {
      setBusy(false);
    }
  };

  const section: SectionProps = {
    prefix,
    values,
    assisted,
    errorOf: (field) => errors[field]?.message[lang],
    update,
    check: (field) => recheck(values, [field]),
  };
  const hasErrors = Object.values(errors).some(Boolean);

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
      {hasErrors && (
        <p role="alert" class="notice notice-error" data-testid={`${prefix}-form-error`}>
          {errors.form?.message[lang] ?? t("register.fixErrors")}
        </p>
      )}
      <div class="actions">
        <button type="submit" disabled={busy}>
          {busy ? t("register.busy") : submitLabel}
        </button>
      </div>
      {children}
    </form>
  );
}
