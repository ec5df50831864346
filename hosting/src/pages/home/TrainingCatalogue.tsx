import { CATALOGUE_PAGE, loadCatalogue } from "../../data/program.js";
import { useLoad } from "../../data/useLoad.js";
import { Loaded } from "../../components/Loaded.js";
import { rupiah } from "../../format.js";
import { useLang } from "../../i18n/index.js";

export function TrainingCatalogue() {
  const { t } = useLang();
  const catalogue = useLoad(loadCatalogue, []);
  return (
    <section aria-labelledby="catalogue-title">
      <h2 id="catalogue-title">{t("catalogue.title")}</h2>
      <Loaded load={catalogue}>
        {(trainings) =>
          trainings.length === 0 ? (
            <p class="muted">{t("common.empty")}</p>
          ) : (
            <>
              <ul class="cards" data-testid="training-list">
                {trainings.map((training) => (
                  <li key={training.id} class="card">
                    <h3>{training.title}</h3>
                    <dl class="facts">
                      <dt>{t("catalogue.partner")}</dt>
                      <dd>{training.partnerName}</dd>
                      <dt>{t("catalogue.price")}</dt>
                      <dd class="amount">{rupiah(training.price)}</dd>
                    </dl>
                    <span class="badge">{t(`catalogue.${training.mode}`)}</span>
                  </li>
                ))}
              </ul>
              {trainings.length === CATALOGUE_PAGE && <p class="muted">{t("catalogue.more", { count: CATALOGUE_PAGE })}</p>}
            </>
          )
        }
      </Loaded>
    </section>
  );
}
