import { useState } from "preact/hooks";
import { allProvinces, districtsOf, regenciesOf } from "@domain/regions/index.js";
import { APPLICANT_STATUSES } from "@schemas/applicant.js";
import type { RegistrantFilters } from "@schemas/registrants.js";
import { Field } from "../../components/Field.js";
import { useRegistrantsLang } from "../../i18n/registrants.js";

interface Props {
  /** The operator's own region (2 or 4 digits); null for admins and auditors (everywhere). */
  region: string | null;
  filters: RegistrantFilters;
  onApply: (filters: RegistrantFilters) => void;
}

const regionSelect = (value: string, options: ReadonlyArray<{ code: string; name: string }>, any: string, onChange: (code: string) => void) =>
  function Select(control: { id: string }) {
    return (
      <select {...control} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{any}</option>
        {options.map((option) => (
          <option key={option.code} value={option.code}>
            {option.name}
          </option>
        ))}
      </select>
    );
  };

/**
 * The list's filters: the region from the caller's own down to a district (province → regency →
 * district, each within the one above), the status and the wave joined. Applied together.
 */
export function Filters({ region, filters, onApply }: Props) {
  const { t } = useRegistrantsLang();
  const own = region ?? "";
  const initial = filters.districtCode ?? filters.scope ?? own;
  const [province, setProvince] = useState(initial.slice(0, 2));
  const [regency, setRegency] = useState(initial.length >= 4 ? initial.slice(0, 4) : "");
  const [district, setDistrict] = useState(filters.districtCode ?? "");
  const [status, setStatus] = useState(filters.status ?? "");
  const [waveId, setWaveId] = useState(filters.waveId ?? "");

  const apply = (event: Event) => {
    event.preventDefault();
    const scope = regency !== "" ? regency : province;
    onApply({
      ...(scope !== "" && scope !== own ? { scope } : {}),
      ...(district !== "" ? { districtCode: district } : {}),
      ...(status !== "" ? { status: APPLICANT_STATUSES.find((s) => s === status) ?? "registered" } : {}),
      ...(waveId.trim() !== "" ? { waveId: waveId.trim() } : {}),
    });
  };

  return (
    <form class="form card" noValidate onSubmit={apply} aria-labelledby="registrant-filters" data-testid="registrant-filters">
      <h2 id="registrant-filters">{t("registrants.filters")}</h2>
      {own.length < 2 && (
        <Field id="filter-province" label={t("registrants.province")}>
          {regionSelect(province, allProvinces(), t("registrants.anyRegion"), (code) => {
            setProvince(code);
            setRegency("");
            setDistrict("");
          })}
        </Field>
      )}
      {own.length < 4 && province !== "" && (
        <Field id="filter-regency" label={t("registrants.regency")}>
          {regionSelect(regency, regenciesOf(province), t("registrants.anyRegion"), (code) => {
            setRegency(code);
            setDistrict("");
          })}
        </Field>
      )}
      {regency !== "" && (
        <Field id="filter-district" label={t("registrants.district")}>
          {regionSelect(district, districtsOf(regency), t("registrants.anyRegion"), setDistrict)}
        </Field>
      )}
      <Field id="filter-status" label={t("registrants.status")}>
        {(control) => (
          <select {...control} value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value="">{t("registrants.anyStatus")}</option>
            {APPLICANT_STATUSES.map((option) => (
              <option key={option} value={option}>
                {t(`registrants.status.${option}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="filter-wave" label={t("registrants.wave")} hint={t("registrants.waveHint")}>
        {(control) => <input {...control} type="text" inputMode="text" value={waveId} onInput={(e) => setWaveId(e.currentTarget.value)} />}
      </Field>
      <button type="submit">{t("registrants.apply")}</button>
    </form>
  );
}
