import { useTransparencyLang } from "../../i18n/transparency.js";
import type { ProvinceRow } from "./provinceRows.js";

/**
 * Each province's share of the pool next to its share of the winners: with no regional quota the
 * two bars should be about as long. Bars are scaled to the largest share so small provinces show.
 * Plain CSS, no chart library; screen readers get the label and the table below it instead.
 */
export function ProvinceChart({ rows }: { rows: ProvinceRow[] }) {
  const { t } = useTransparencyLang();
  const largest = Math.max(...rows.flatMap((row) => [row.poolShare, row.winnersShare]), Number.MIN_VALUE);
  const width = (value: number) => `${(100 * value) / largest}%`;
  return (
    <figure class="bar-chart">
      <ul class="bar-legend" aria-hidden="true">
        <li>
          <span class="swatch swatch-pool" />
          {t("transparency.sharePool")}
        </li>
        <li>
          <span class="swatch swatch-winners" />
          {t("transparency.shareWinners")}
        </li>
      </ul>
      <div role="img" aria-label={t("transparency.chartLabel")} data-testid="province-chart">
        {rows.map((row) => (
          <div key={row.code} class="bar-row">
            <span class="bar-name">{row.name}</span>
            <span class="bar-track">
              <span class="bar bar-pool" style={{ width: width(row.poolShare) }} />
            </span>
            <span class="bar-value">{row.poolShareText}</span>
            <span class="bar-track">
              <span class="bar bar-winners" style={{ width: width(row.winnersShare) }} />
            </span>
            <span class="bar-value">{row.winnersShareText}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}
