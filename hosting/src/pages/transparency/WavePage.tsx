import { Loaded } from "../../components/Loaded.js";
import { NavLink } from "../../components/NavLink.js";
import { loadPublication } from "../../data/draws.js";
import { loadProvinceNames } from "../../data/provinces.js";
import { useLoad } from "../../data/useLoad.js";
import { loadWave, loadWaveNumbered } from "../../data/waves.js";
import { useTransparencyLang } from "../../i18n/transparency.js";
import { transparencyPath } from "../../router.js";
import { PriorityInvitations } from "./PriorityInvitations.js";
import { PublicationView } from "./PublicationView.js";
import { WaveFacts } from "./WaveFacts.js";
import { WavePlan } from "./WavePlan.js";

// Only a drawn wave has a manifest to fetch; asking earlier would only ever answer 404.
// "/transparansi/12" names wave 12 of the latest program year that has one; "/transparansi/2026-12" names it exactly.
async function loadWavePage(waveId: string) {
  const [wave, provinceName] = await Promise.all([/^\d{1,9}$/.test(waveId) ? loadWaveNumbered(Number(waveId)) : loadWave(waveId), loadProvinceNames()]);
  const publication = wave?.state === "drawn" ? await loadPublication(wave.id) : null;
  return { wave, provinceName, publication };
}

/** /transparansi/<waveId>: a wave's plan fixed in advance and, once drawn, its published draw. */
export function WavePage({ waveId }: { waveId: string }) {
  const { t } = useTransparencyLang();
  const page = useLoad(() => loadWavePage(waveId), [waveId]);
  return (
    <section aria-labelledby="transparency-title">
      <p>
        <NavLink href={transparencyPath()}>{t("transparency.allWaves")}</NavLink>
      </p>
      <h1 id="transparency-title">{t("transparency.title")}</h1>
      <Loaded load={page}>
        {({ wave, provinceName, publication }) =>
          wave === null ? (
            <p class="notice" data-testid="wave-not-found">
              {t("transparency.notFound")}
            </p>
          ) : (
            <>
              <section aria-labelledby="wave-title" class="card" data-testid="wave-detail" data-state={wave.state}>
                <h2 id="wave-title">
                  {t("waves.item", { number: wave.number })} <span class={`badge badge-${wave.state}`}>{t(`wave.${wave.state}`)}</span>
                </h2>
                <WaveFacts wave={wave} />
                <h3>{t("transparency.plan")}</h3>
                <WavePlan wave={wave} provinceName={provinceName} />
                {wave.draw?.priority !== undefined && <PriorityInvitations priority={wave.draw.priority} quota={wave.quota} />}
              </section>
              {wave.draw !== undefined && (
                <PublicationView waveId={wave.id} publication={publication} provinceName={provinceName} round={wave.draw.beacon.round} />
              )}
            </>
          )
        }
      </Loaded>
    </section>
  );
}
