import type { ProvinceName } from "../../data/provinces.js";
import { useTransparencyLang } from "../../i18n/transparency.js";
import { ProvinceChart } from "./ProvinceChart.js";
import { ProvinceTable } from "./ProvinceTable.js";
import { provinceRows } from "./provinceRows.js";

interface Props {
  byProvince: Record<string, { pool: number; winners: number }>;
  provinceName: ProvinceName;
}

/** Where the pool and the winners live: a chart to see it at a glance, the table with the numbers. */
export function ProvinceBreakdown({ byProvince, provinceName }: Props) {
  const { t } = useTransparencyLang();
  const rows = provinceRows(byProvince, provinceName);
  return (
    <section aria-labelledby="provinces-title">
      <h2 id="provinces-title">{t("transparency.provinces")}</h2>
      {rows.length === 0 ? (
        <p class="muted">{t("common.empty")}</p>
      ) : (
        <>
          <ProvinceChart rows={rows} />
          <ProvinceTable rows={rows} />
        </>
      )}
    </section>
  );
}
