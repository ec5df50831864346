import { Fragment } from "preact";
import { estimatedPosition } from "@domain/draw/estimate.js";
import type { DrawManifestDoc } from "@schemas/draw.js";
import type { ProvinceName } from "../../data/provinces.js";
import { count, jakartaTime } from "../../format.js";
import { useTransparencyLang } from "../../i18n/transparency.js";

interface Props {
  manifest: DrawManifestDoc;
  provinceName: ProvinceName;
}

/**
 * The draw's headline numbers, its seats round by round (docs/draw.md §7) reconciled in words
 * (the priority list's seats, when the wave has one, then provinces' seats + national seats = the
 * rest of the quota; unfilled seats go national), and how far each round reached as a position in
 * the draw's order; the hexadecimal ranks folded away.
 */
export function DrawResult({ manifest, provinceName }: Props) {
  const { lang, t } = useTransparencyLang();
  const { national, strata, skippedForFamilyLimit, priority } = manifest.result;
  const ofSeats = (outcome: { selected: number; seats: number }) =>
    t("transparency.ofSeats", { selected: count(outcome.selected), seats: count(outcome.seats) });
  const withSeats = Object.entries(strata).filter(([, outcome]) => outcome.seats > 0);
  const reserved = withSeats.reduce((sum, [, o]) => sum + o.seats, 0);
  const filled = withSeats.reduce((sum, [, o]) => sum + o.selected, 0);
  const returned = reserved - filled;
  // The seats the provincial and national rounds drew: the quota less the priority list's winners.
  const later = manifest.quota - (priority?.selected ?? 0);
  const others = manifest.winners.count - (priority?.selected ?? 0);
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
        {priority !== undefined && (
          <>
            <dt>{t("transparency.prioritySeats")}</dt>
            <dd data-testid="draw-priority-seats">{ofSeats(priority)}</dd>
          </>
        )}
        {Object.entries(strata).map(([code, outcome]) => (
          <Fragment key={code}>
            <dt>{t("transparency.strataSeats", { name: provinceName(code) })}</dt>
            <dd data-stratum={code}>{ofSeats(outcome)}</dd>
          </Fragment>
        ))}
        <dt>{t("transparency.nationalSeats")}</dt>
        <dd data-testid="draw-national-seats">{ofSeats(national)}</dd>
        <dt>{t("transparency.publishedAt")}</dt>
        <dd>{jakartaTime(new Date(manifest.createdAt), lang)}</dd>
      </dl>
      <h3>{t("transparency.inWords")}</h3>
      {priority !== undefined && (
        <p data-testid="draw-reconciled-priority">
          {t("transparency.reconcilePriority", {
            quota: count(manifest.quota),
            seats: count(priority.seats),
            pool: count(priority.pool),
            selected: count(priority.selected),
            returned: count(priority.seats - priority.selected),
            later: count(later),
          })}
        </p>
      )}
      <p data-testid="draw-reconciled">
        {withSeats.length === 0
          ? t("transparency.reconcileNational", {
              quota: count(later),
              nationalSelected: count(national.selected),
              winners: count(others),
            })
          : t("transparency.reconcileStrata", {
              quota: count(later),
              reserved: count(reserved),
              nationalShare: count(later - reserved),
              filled: count(filled),
              returned: count(returned),
              nationalSeats: count(national.seats),
              nationalSelected: count(national.selected),
              winners: count(others),
            })}
      </p>
      {priority !== undefined && (
        <p data-testid="draw-reconciled-total">
          {t("transparency.reconcileWithPriority", {
            prioritySelected: count(priority.selected),
            others: count(others),
            winners: count(manifest.winners.count),
          })}
        </p>
      )}
      {priority?.cutoff && (
        <p data-testid="draw-priority-reach">
          {t("transparency.priorityReach", {
            seats: count(priority.seats),
            reach: count(estimatedPosition(priority.cutoff.rank, priority.pool)),
            pool: count(priority.pool),
          })}
        </p>
      )}
      {national.cutoff !== null && (
        <p data-testid="draw-national-reach">
          {t("transparency.nationalReach", { reach: count(estimatedPosition(national.cutoff.rank, manifest.poolSize)), pool: count(manifest.poolSize) })}
        </p>
      )}
      {withSeats.map(([code, outcome]) =>
        outcome.cutoff === null ? null : (
          <p key={code} data-stratum-reach={code}>
            {t("transparency.stratumReach", {
              name: provinceName(code),
              seats: count(outcome.seats),
              reach: count(estimatedPosition(outcome.cutoff.rank, outcome.pool)),
              pool: count(outcome.pool),
            })}
          </p>
        ),
      )}
      <p class="muted">{t("transparency.aboutReach")}</p>
      <details>
        <summary>{t("transparency.ranksForExperts")}</summary>
        <dl class="facts facts-stacked">
          {priority !== undefined && (
            <>
              <dt>{t("transparency.priorityCutoff")}</dt>
              <dd>{priority.cutoff === null ? t("transparency.noCutoff") : <code>{priority.cutoff.rank}</code>}</dd>
            </>
          )}
          <dt>{t("transparency.nationalCutoff")}</dt>
          <dd>{national.cutoff === null ? t("transparency.noCutoff") : <code>{national.cutoff.rank}</code>}</dd>
          {withSeats.map(([code, outcome]) => (
            <Fragment key={code}>
              <dt>{t("transparency.strataSeats", { name: provinceName(code) })}</dt>
              <dd>{outcome.cutoff === null ? t("transparency.noCutoff") : <code>{outcome.cutoff.rank}</code>}</dd>
            </Fragment>
          ))}
        </dl>
      </details>
    </section>
  );
}
