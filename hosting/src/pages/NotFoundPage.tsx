import { NavLink } from "../components/NavLink.js";
import { useLang } from "../i18n/index.js";
import { PATHS } from "../router.js";

export function NotFoundPage() {
  const { t } = useLang();
  return (
    <section>
      <h1>{t("notFound.title")}</h1>
      <p>
        <NavLink href={PATHS.home}>{t("notFound.home")}</NavLink>
      </p>
    </section>
  );
}
