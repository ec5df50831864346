import { findProvince, findRegency } from "@domain/regions/index.js";
import { regionName } from "../../format.js";
import { useRegistrationLang } from "../../i18n/registration.js";

const nameOf = (code: string) => (code.length === 2 ? findProvince(code) : findRegency(code))?.name;

/** The operator's region claim, named: a province (2 digits) or regency/city (4 digits). */
export function OperatorRegion({ region }: { region: string }) {
  const { t } = useRegistrationLang();
  const name = nameOf(region);
  return (
    <dl class="facts">
      <dt>{t("operator.region")}</dt>
      <dd data-testid="operator-region">{name ? `${regionName(name)} (${region})` : region}</dd>
    </dl>
  );
}
