import { useMemo, useState } from "preact/hooks";
import { RegionOptions } from "./RegionOptions.js";
import { allProvinces, findProvince, regenciesOf } from "@domain/regions/index.js";
import { Field } from "../../components/Field.js";
import { useConsoleLang } from "../../i18n/console.js";
import { provincesFor, regenciesFor } from "./regionSearch.js";

interface Props {
  /** A province (2 digits) or regency/city (4 digits) code; "" when none is chosen. */
  value: string;
  onChange(code: string): void;
  /** Already in the reader's language. */
  error?: string;
  onBlur?(): void;
}

/**
 * An operator's region from the official list (today's decree, see functions/src/domain/regions):
 * a province, then optionally one of its regencies or cities. The search box narrows both lists by
 * name or code, so "Jawa Barat" is found whole and "Bandung" leads to its province.
 */
export function RegionPicker({ value, onChange, error, onBlur }: Props) {
  const { t } = useConsoleLang();
  const [query, setQuery] = useState("");
  const provinceCode = value.slice(0, 2);
  const regencyCode = value.length === 4 ? value : "";
  const provinces = useMemo(() => provincesFor(query, allProvinces(), regenciesOf, provinceCode), [query, provinceCode]);
  const regencies = useMemo(() => regenciesFor(query, findProvince(provinceCode), regenciesOf(provinceCode), regencyCode), [query, provinceCode, regencyCode]);
  return (
    <fieldset class="region-picker" data-testid="region-picker">
      <legend>{t("console.region.legend")}</legend>
      <Field id="grant-region-search" label={t("console.region.search")} hint={t("console.region.searchHint")}>
        {(control) => <input {...control} type="search" autoComplete="off" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />}
      </Field>
      <Field id="grant-region" label={t("console.region.province")} error={error}>
        {(control) => (
          <select {...control} value={provinceCode} onChange={(e) => onChange(e.currentTarget.value)} onBlur={onBlur}>
            <option value="">{t(provinces.length === 0 ? "console.region.noMatch" : "console.region.choose")}</option>
            <RegionOptions regions={provinces} />
          </select>
        )}
      </Field>
      <Field id="grant-regency" label={t("console.region.regency")} hint={t("console.region.regencyHint")}>
        {(control) => (
          <select {...control} value={regencyCode} disabled={provinceCode === ""} onChange={(e) => onChange(e.currentTarget.value || provinceCode)}>
            <option value="">{t("console.region.wholeProvince")}</option>
            <RegionOptions regions={regencies} />
          </select>
        )}
      </Field>
    </fieldset>
  );
}
