import type { Province } from "@domain/regions/index.js";
import { Field } from "../../components/Field.js";
import { regionName } from "../../format.js";
import { useRegistrationLang, type RegistrationMessageId } from "../../i18n/registration.js";
import { controlId, type SectionProps } from "./sectionProps.js";

interface RegionSelectProps {
  section: SectionProps;
  field: "provinceCode" | "regencyCode" | "districtCode";
  label: RegistrationMessageId;
  options: readonly Province[];
  /** What the empty choice says: "choose", or which choice has to come first. */
  empty: RegistrationMessageId;
  onChoose(code: string): void;
}

/** One level of the region choice, with names written the way people read them. */
export function RegionSelect({ section, field, label, options, empty, onChoose }: RegionSelectProps) {
  const { t } = useRegistrationLang();
  return (
    <Field id={controlId(section.prefix, field)} label={t(label)} error={section.errorOf(field)} space={section.spaceOf(field)}>
      {(control) => (
        <select {...control} value={section.values[field]} onChange={(e) => onChoose(e.currentTarget.value)} onBlur={() => section.check(field)}>
          <option value="">{t(empty)}</option>
          {options.map((region) => (
            <option key={region.code} value={region.code}>
              {regionName(region.name)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
