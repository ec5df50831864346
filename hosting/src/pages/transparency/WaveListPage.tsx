import { Loaded } from "../../components/Loaded.js";
import { loadProvinceNames } from "../../data/provinces.js";
import { useLoad } from "../../data/useLoad.js";
import { loadWaveList } from "../../data/waves.js";
import { useTransparencyLang } from "../../i18n/transparency.js";
import { WaveCard } from "./WaveCard.js";

// Province names are for the strata of the plans; both are fetched at once.
async function loadList() {
  const [waves, provinceName] = await Promise.all([loadWaveList(), loadProvinceNames()]);
  return { waves, provinceName };
}

/** /transparansi: every wave with the draw plan it published in advance. */
export function WaveListPage() {
  const { t } = useTransparencyLang();
  const list = useLoad(loadList, []);
  return (
    <section aria-labelledby="transparency-title">
      <h1 id="transparency-title">{t("transparency.title")}</h1>
      <p>{t("transparency.intro")}</p>
      <h2>{t("transparency.waves")}</h2>
      <Loaded load={list}>
        {({ waves, provinceName }) =>
          waves.length === 0 ? (
            <p class="muted">{t("common.empty")}</p>
          ) : (
            <ul class="cards" data-testid="transparency-waves">
              {waves.map((wave) => (
                <WaveCard key={wave.id} wave={wave} provinceName={provinceName} />
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
