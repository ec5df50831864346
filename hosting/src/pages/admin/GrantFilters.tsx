import { useMemo } from "preact/hooks";
import { RegionOptions } from "./RegionOptions.js";
import { allProvinces, regenciesOf } from "@domain/regions/index.js";
import type { Role } from "@schemas";
import { Field } from "../../components/Field.js";
import { useConsoleLang } from "../../i18n/console.js";
import { ROLE_OPTIONS } from "./grantRoleInput.js";

export interface GrantFilter {
  role: Role | "";
  /** A province or regency code, exactly as granted; "" for every region. */
  region: string;
}

/** Which grants to list: a role, and a region picked from the official list (province, then regency). */
export function GrantFilters({ filter, onChange }: { filter: GrantFilter; onChange(next: GrantFilter): void }) {
  const { t } = useConsoleLang();
  const province = filter.region.slice(0, 2);
  const provinces = useMemo(() => allProvinces(), []);
  const regencies = useMemo(() => regenciesOf(province), [province]);
  return (
    <div class="filters" data-testid="grant-filters">
      <Field id="grants-role" label={t("console.grants.byRole")}>
        {(control) => (
          <select {...control} value={filter.role} onChange={(e) => onChange({ ...filter, role: e.currentTarget.value as GrantFilter["role"] })}>
            <option value="">{t("console.grants.allRoles")}</option>
            {ROLE_OPTIONS.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="grants-province" label={t("console.grants.byProvince")}>
        {(control) => (
          <select {...control} value={province} onChange={(e) => onChange({ ...filter, region: e.currentTarget.value })}>
            <option value="">{t("console.grants.allRegions")}</option>
            <RegionOptions regions={provinces} />
          </select>
        )}
      </Field>
      {province !== "" && (
        <Field id="grants-regency" label={t("console.grants.byRegency")}>
          {(control) => (
            <select
              {...control}
              value={filter.region.length === 4 ? filter.region : ""}
              onChange={(e) => onChange({ ...filter, region: e.currentTarget.value || province })}
            >
              <option value="">{t("console.grants.provinceItself")}</option>
              <RegionOptions regions={regencies} />
            </select>
          )}
        </Field>
      )}
    </div>
  );
}
