import { Field } from "../../components/Field.js";
import { RadioGroup } from "../../components/RadioGroup.js";
import { useRegistrationLang } from "../../i18n/registration.js";
import type { PersonField } from "./personForm.js";
import { controlId, type SectionProps } from "./sectionProps.js";

/**
 * NIK, KK, name, birth date, sex and phone: the details on the person's KTP and KK. The NIK and KK
 * take no maximum length: typed as printed, with spaces or dots, they are longer than 16, and a
 * field that cut them off would lose digits without a word. The form drops the separators.
 */
export function IdentityFields({ prefix, values, assisted, errorOf, noteOf, spaceOf, update, check }: SectionProps) {
  const { t } = useRegistrationLang();
  const id = (field: PersonField) => controlId(prefix, field);
  // Autofill would offer the operator's own name and phone for someone else's registration.
  const auto = (hint: string) => (assisted ? "off" : hint);
  // The date picker offers no future dates ("en-CA" writes the local date as YYYY-MM-DD).
  const today = new Date().toLocaleDateString("en-CA");
  return (
    <>
      <Field id={id("nik")} label={t("person.nik")} hint={t("person.nikHint")} error={errorOf("nik")} note={noteOf("nik")} space={spaceOf("nik")}>
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellcheck={false}
            value={values.nik}
            onInput={(e) => update({ nik: e.currentTarget.value })}
            onBlur={() => check("nik")}
          />
        )}
      </Field>
      <Field id={id("kk")} label={t("person.kk")} hint={t("person.kkHint")} error={errorOf("kk")} note={noteOf("kk")} space={spaceOf("kk")}>
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellcheck={false}
            value={values.kk}
            onInput={(e) => update({ kk: e.currentTarget.value })}
            onBlur={() => check("kk")}
          />
        )}
      </Field>
      <Field id={id("fullName")} label={t("person.fullName")} hint={t("person.fullNameHint")} error={errorOf("fullName")} space={spaceOf("fullName")}>
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete={auto("name")}
            spellcheck={false}
            value={values.fullName}
            onInput={(e) => update({ fullName: e.currentTarget.value })}
            onBlur={() => check("fullName")}
          />
        )}
      </Field>
      <Field id={id("birthDate")} label={t("person.birthDate")} error={errorOf("birthDate")} space={spaceOf("birthDate")}>
        {(control) => (
          <input
            {...control}
            type="date"
            min="1900-01-01"
            max={today}
            autoComplete={auto("bday")}
            value={values.birthDate}
            onInput={(e) => update({ birthDate: e.currentTarget.value })}
            onBlur={() => check("birthDate")}
          />
        )}
      </Field>
      <RadioGroup
        name={id("sex")}
        legend={t("person.sex")}
        options={[
          { value: "male", label: t("sex.male") },
          { value: "female", label: t("sex.female") },
        ]}
        value={values.sex}
        error={errorOf("sex")}
        space={spaceOf("sex")}
        onChange={(sex) => update({ sex })}
        onBlur={() => check("sex")}
      />
      <Field id={id("phone")} label={t("person.phone")} hint={t("person.phoneHint")} error={errorOf("phone")} space={spaceOf("phone")}>
        {(control) => (
          <input
            {...control}
            type="tel"
            autoComplete={auto("tel-national")}
            value={values.phone}
            onInput={(e) => update({ phone: e.currentTarget.value })}
            onBlur={() => check("phone")}
          />
        )}
      </Field>
    </>
  );
}
