import { OCCUPATIONS } from "@domain/eligibility.js";
import { OCCUPATION_TEXT } from "@schemas/registrationMessages.js";
import { Field } from "../../components/Field.js";
import { RadioGroup, type RadioOption } from "../../components/RadioGroup.js";
import { useRegistrationLang } from "../../i18n/registration.js";
import type { YesNo } from "./personForm.js";
import { controlId, type SectionProps } from "./sectionProps.js";

/** School, occupation and social aid: the facts the eligibility rules ask about. */
export function SituationFields({ prefix, values, errorOf, spaceOf, update, check }: SectionProps) {
  const { lang, t } = useRegistrationLang();
  const yesNo: readonly RadioOption<Exclude<YesNo, "">>[] = [
    { value: "yes", label: t("answer.yes") },
    { value: "no", label: t("answer.no") },
  ];
  const occupationId = controlId(prefix, "occupation");
  return (
    <>
      <RadioGroup
        name={controlId(prefix, "inFormalEducation")}
        legend={t("person.inFormalEducation")}
        options={yesNo}
        value={values.inFormalEducation}
        error={errorOf("inFormalEducation")}
        space={spaceOf("inFormalEducation")}
        onChange={(inFormalEducation) => update({ inFormalEducation })}
        onBlur={() => check("inFormalEducation")}
      />
      <Field id={occupationId} label={t("person.occupation")} error={errorOf("occupation")} space={spaceOf("occupation")}>
        {(control) => (
          <select {...control} value={values.occupation} onChange={(e) => update({ occupation: e.currentTarget.value })} onBlur={() => check("occupation")}>
            <option value="">{t("person.choose")}</option>
            {OCCUPATIONS.map((occupation) => (
              <option key={occupation} value={occupation}>
                {OCCUPATION_TEXT[occupation][lang]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <RadioGroup
        name={controlId(prefix, "receivesSocialAid")}
        legend={t("person.receivesSocialAid")}
        options={yesNo}
        value={values.receivesSocialAid}
        error={errorOf("receivesSocialAid")}
        space={spaceOf("receivesSocialAid")}
        onChange={(receivesSocialAid) => update({ receivesSocialAid })}
        onBlur={() => check("receivesSocialAid")}
      />
    </>
  );
}
