import { Fragment } from "preact";
import type { DrawManifestDoc } from "@schemas/draw.js";
import type { ProvinceName } from "../../data/provinces.js";
import { count, jakartaTime } from "../../format.js";
import { useTransparencyLang } from "../../i18n/transparency.js";

interface Props {
  manifest: DrawManifestDoc;
  provinceName: ProvinceName;
}

/** The draw's headline numbers, then its seats round by round (docs/draw.md §7). */
export function DrawResult({ manifest, provinceName }: Props) {
  const { lang, t } = useTransparencyLang();
  const { national, strata, skippedForFamilyLimit } = manifest.result;
  const ofSeats = (outcome: { selected: number; seats: number }) =>
    t("transparency.ofSeats", { selected: count(outcome.selected), seats: count(outcome.seats) });
  return (
    <section aria-labelledby="result-title" data-testid="draw-result">
      <h2 id="result-title">{t("transparency.result")}</h2>
      <dl class="figures figures-pair">
        <div>
          <dt>{t("transparency.poolSize")}</dt>
          <dd data-testid="draw-pool-size">{count(manifest.poolSize)}</dd>
        </div>
        <div>
          <dt>{t("transparency.winners")}</dt>
          <dd data-testid="draw-winners">{count(manifest.winners.count)}</dd>
        </div>
        <div>
          <dt>{t("waves.quota")}</dt>
          <dd data-testid="draw-quota">{count(manifest.quota)}</dd>
        </div>
        <div>
          <dt>{t("transparency.skipped")}</dt>
          <dd data-testid="draw-skipped">{count(skippedForFamilyLimit)}</dd>
        </div>
      </dl>
      <dl class="facts facts-stacked card">
        {Object.entries(strata).map(([code, outcome]) => (
          <Fragment key={code}>
            <dt>{t("transparency.strataSeats", { name: provinceName(code) })}</dt>
            <dd data-stratum={code}>{ofSeats(outcome)}</dd>
          </Fragment>
        ))}
        <dt>{t("transparency.nationalSeats")}</dt>
        <dd data-testid="draw-national-seats">{ofSeats(national)}</dd>
        <dt>{t("transparency.nationalCutoff")}</dt>
        <dd>{national.cutoff === null ? t("transparency.noCutoff") : <code>{national.cutoff.rank}</code>}</dd>
        <dt>{t("transparency.publishedAt")}</dt>
        <dd>{jakartaTime(new Date(manifest.createdAt), lang)}</dd>
      </dl>
    </section>
  );
}
