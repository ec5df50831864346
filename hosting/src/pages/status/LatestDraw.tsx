import { NavLink } from "../../components/NavLink.js";
import type { MyStatus } from "../../data/registration.js";
import { count } from "../../format.js";
import { useWaveStatusLang } from "../../i18n/waveStatus.js";
import { transparencyPath } from "../../router.js";
import type { WaveLike } from "./nextStep.js";

type Draw = NonNullable<NonNullable<MyStatus["draw"]>["latest"]>;

// Twelve hex digits (48 bits) fit a phone's line, and a rank and a cut-off agree on all of them
// about once in 280 trillion: enough to see which comes first.
const SHOWN_DIGITS = 12;
const short = (hex: string) => `${hex.slice(0, SHOWN_DIGITS)}…`;

/** The wave's number from its ID ("2026-3" → 3) when the wave itself is not among those loaded. */
const numberOf = (waveId: string) => waveId.slice(waveId.lastIndexOf("-") + 1);

/**
 * Where the person stood in one draw (named by its wave): drawn or not, their place as a position
 * ("about number 1.234 of 56.789; seats went to about the first 15.000"), and for experts the
 * ranks themselves in hexadecimal, folded away.
 */
export function LatestDraw({ latest, wave }: { latest: Draw; wave: WaveLike | null }) {
  const { t } = useWaveStatusLang();
  const { selected, rank, cutoff, withinCutoff, position, cutoffPosition, poolSize, stratumPool } = latest;
  return (
    <div class="latest-draw" data-testid="latest-draw" data-wave={latest.waveId} data-selected={String(selected)}>
      <h3>{t("latest.titleWave", { number: wave?.number ?? numberOf(latest.waveId) })}</h3>
      <p class={selected ? "notice notice-ok" : "notice"}>{t(selected ? "latest.selected" : "latest.notSelected")}</p>
      <p data-testid="latest-position">{t("latest.position", { position: count(position.national), pool: count(poolSize) })}</p>
      <p data-testid="latest-cutoff-position">
        {cutoffPosition.national === null ? t("latest.noNationalSeats") : t("latest.seatsWent", { cutoff: count(cutoffPosition.national) })}
      </p>
      {position.stratum !== null && stratumPool !== null && (
        <p>
          {t("latest.stratumPosition", { position: count(position.stratum), pool: count(stratumPool) })}{" "}
          {cutoffPosition.stratum !== null && t("latest.stratumSeatsWent", { cutoff: count(cutoffPosition.stratum) })}
        </p>
      )}
      {latest.priorityRound !== undefined && (
        <p data-testid="latest-priority-position">
          {t("latest.priorityPosition", {
            seats: count(latest.priorityRound.seats),
            pool: count(latest.priorityRound.pool),
            position: count(latest.priorityRound.position),
          })}{" "}
          {latest.priorityRound.cutoffPosition === null
            ? t("latest.priorityNobody")
            : t("latest.prioritySeatsWent", { cutoff: count(latest.priorityRound.cutoffPosition) })}
        </p>
      )}
      <p class="muted">{t("latest.aboutPositions")}</p>
      {withinCutoff && !selected && <p>{t("latest.withinButSkipped")}</p>}
      <details>
        <summary>{t("latest.ranksForExperts")}</summary>
        <dl class="facts facts-stacked">
          <dt>{t("latest.yourRank")}</dt>
          <dd>
            <code data-testid="latest-rank">{short(rank)}</code>
          </dd>
          {cutoff.stratum !== null && (
            <>
              <dt>{t("latest.stratumCutoff")}</dt>
              <dd>
                <code>{short(cutoff.stratum)}</code>
              </dd>
            </>
          )}
          <dt>{t("latest.nationalCutoff")}</dt>
          <dd>{cutoff.national === null ? t("latest.noCutoff") : <code data-testid="latest-cutoff">{short(cutoff.national)}</code>}</dd>
        </dl>
        <p class="muted">{t("latest.howToRead")}</p>
      </details>
      <p>
        <NavLink href={transparencyPath(latest.waveId)}>{t("latest.seeWave")}</NavLink>
      </p>
    </div>
  );
}
