import { count } from "../../format.js";
import { useTransparencyLang } from "../../i18n/transparency.js";
import type { ProvinceRow } from "./provinceRows.js";

/** The chart's numbers as a table: counts with their shares, for reading aloud and copying. */
export function ProvinceTable({ rows }: { rows: ProvinceRow[] }) {
  const { t } = useTransparencyLang();
  return (
    <div class="table-scroll">
      <table data-testid="province-table">
        <caption>{t("transparency.tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("transparency.province")}</th>
            <th scope="col" class="number">
              {t("transparency.poolColumn")}
            </th>
            <th scope="col" class="number">
              {t("transparency.winners")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code} data-province={row.code}>
              <th scope="row">{row.name}</th>
              <td class="number" data-testid="province-pool">
                {count(row.pool)} <span class="share muted">({row.poolShareText})</span>
              </td>
              <td class="number" data-testid="province-winners">
                {count(row.winners)} <span class="share muted">({row.winnersShareText})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
