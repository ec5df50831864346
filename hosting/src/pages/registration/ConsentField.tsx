import { FieldMessage } from "../../components/FieldMessage.js";
import { useRegistrationLang } from "../../i18n/registration.js";
import { controlId, type SectionProps } from "./sectionProps.js";

/**
 * Consent (UU PDP): what the data is for, where it is kept, and the person's rights, then one
 * box to tick. An operator confirms that they explained it and that the person agreed.
 */
export function ConsentField({ prefix, values, assisted, errorOf, spaceOf, update, check }: SectionProps) {
  const { t } = useRegistrationLang();
  const id = controlId(prefix, "consent");
  const error = errorOf("consent");
  const describedBy = [`${id}-text`, error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class={error ? "field consent field-invalid" : "field consent"}>
      <p id={`${id}-text`} class="consent-text">
        {t(assisted ? "consent.assistedText" : "consent.text")}
      </p>
      <label class="choice" for={id}>
        <input
          type="checkbox"
          id={id}
          checked={values.consent}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={describedBy}
          onChange={(e) => update({ consent: e.currentTarget.checked })}
          onBlur={() => check("consent")}
        />
        <span>{t(assisted ? "consent.assistedLabel" : "consent.label")}</span>
      </label>
      <FieldMessage id={id} error={error} space={spaceOf("consent")} />
    </div>
  );
}
