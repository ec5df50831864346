import { count, jakartaTime } from "../../format.js";
import { loadWaves } from "../../data/program.js";
import { useLoad } from "../../data/useLoad.js";
import { Loaded } from "../../components/Loaded.js";
import { useLang } from "../../i18n/index.js";

export function WaveList({ year }: { year: number }) {
  const { lang, t } = useLang();
  const waves = useLoad(() => loadWaves(year), [year]);
  return (
    <section aria-labelledby="waves-title">
      <h2 id="waves-title">{t("waves.title")}</h2>
      <Loaded load={waves}>
        {(list) =>
          list.length === 0 ? (
            <p class="muted">{t("common.empty")}</p>
          ) : (
            <ul class="cards" data-testid="wave-list">
              {list.map((wave) => (
                <li key={wave.id} class="card">
                  <h3>
                    {t("waves.item", { number: wave.number })} <span class={`badge badge-${wave.state}`}>{t(`wave.${wave.state}`)}</span>
                  </h3>
                  <dl class="facts">
                    <dt>{t("waves.opens")}</dt>
                    <dd>{jakartaTime(wave.opensAt, lang)}</dd>
                    <dt>{t("waves.closes")}</dt>
                    <dd>{jakartaTime(wave.closesAt, lang)}</dd>
                    <dt>{t("waves.quota")}</dt>
                    <dd>{t("waves.quotaValue", { count: count(wave.quota) })}</dd>
                  </dl>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
