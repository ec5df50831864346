import type { ProgramYearDoc } from "@schemas";
import { useLang } from "../../i18n/index.js";
import { joinCriteria } from "./criteria.js";

/** The program's requirements, before signing up: nobody should register to learn they cannot join. */
export function WhoCanJoin({ year }: { year: ProgramYearDoc }) {
  const { t } = useLang();
  return (
    <section aria-labelledby="who-title" data-testid="who-can-join">
      <h2 id="who-title">{t("who.title")}</h2>
      <p>{t("who.intro")}</p>
      <ul class="criteria">
        {joinCriteria(year).map(([key, params]) => (
          <li key={key} data-criterion={key}>
            {t(key, params)}
          </li>
        ))}
      </ul>
      <p class="muted">{t("who.checked")}</p>
    </section>
  );
}
