import { NavLink } from "../../components/NavLink.js";
import type { MyStatus } from "../../data/registration.js";
import { useWaveStatusLang } from "../../i18n/waveStatus.js";
import { transparencyPath } from "../../router.js";
import type { WaveLike } from "./nextStep.js";

type Latest = NonNullable<NonNullable<MyStatus["draw"]>["latest"]>;

// Twelve hex digits (48 bits) fit a phone's line, and a rank and a cut-off agree on all of them
// about once in 280 trillion: enough to see which comes first.
const SHOWN_DIGITS = 12;
const short = (hex: string) => `${hex.slice(0, SHOWN_DIGITS)}…`;

/** Where the person stood in the latest draw (named by its wave): drawn or not, their rank against the cut-off ranks. */
export function LatestDraw({ latest, wave }: { latest: Latest; wave: WaveLike | null }) {
  const { t } = useWaveStatusLang();
  const { selected, rank, cutoff, withinCutoff } = latest;
  return (
    <div class="latest-draw" data-testid="latest-draw" data-selected={String(selected)}>
      <h3>{wave ? t("latest.titleWave", { number: wave.number }) : t("latest.title")}</h3>
      <p class={selected ? "notice notice-ok" : "notice"}>{t(selected ? "latest.selected" : "latest.notSelected")}</p>
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
      {withinCutoff && !selected && <p>{t("latest.withinButSkipped")}</p>}
      <p>
        <NavLink href={transparencyPath(latest.waveId)}>{t("latest.seeWave")}</NavLink>
      </p>
    </div>
  );
}
