import { NavLink } from "../../components/NavLink.js";
import { useLang } from "../../i18n/index.js";
import { PATHS } from "../../router.js";

/** The way into the training catalogue (/pelatihan): the home page itself loads none of it. */
export function TrainingCatalogue() {
  const { t } = useLang();
  return (
    <section aria-labelledby="catalogue-title">
      <h2 id="catalogue-title">{t("catalogue.title")}</h2>
      <p>{t("catalogue.teaser")}</p>
      <p>
        <NavLink href={PATHS.catalogue}>{t("catalogue.open")}</NavLink>
      </p>
    </section>
  );
}
