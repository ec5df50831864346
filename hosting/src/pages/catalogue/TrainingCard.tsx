import type { CatalogueTraining } from "@schemas/catalogue.js";
import { NavLink } from "../../components/NavLink.js";
import { jakartaTime, regionName, rupiah } from "../../format.js";
import { useCatalogueLang } from "../../i18n/catalogue.js";
import { trainingPath } from "../../router.js";
import { hoursText } from "./trainingText.js";

interface Props {
  training: CatalogueTraining;
  /** Filters the list by this training's category. */
  onCategory(category: string): void;
}

/** One training in the list: what a person compares before opening it. */
export function TrainingCard({ training, onCategory }: Props) {
  const { t, lang } = useCatalogueLang();
  const next = training.schedules[0];
  return (
    <li class="card" data-testid="catalogue-training" data-course-code={training.courseCode}>
      <h3>
        <NavLink href={trainingPath(training.courseCode)}>{training.title}</NavLink>
      </h3>
      <dl class="facts">
        <dt>{t("catalogue.institution")}</dt>
        <dd>{training.institutionName}</dd>
        <dt>{t("catalogue.price")}</dt>
        <dd class="amount" data-testid="training-price">
          {rupiah(training.price)}
        </dd>
        <dt>{t("catalogue.hours")}</dt>
        <dd>{t("catalogue.hoursValue", { hours: hoursText(training.hours, lang) })}</dd>
        {training.provinceName !== undefined && (
          <>
            <dt>{t("catalogue.place")}</dt>
            <dd>{regionName(training.provinceName)}</dd>
          </>
        )}
        <dt>{t("catalogue.nextStart")}</dt>
        <dd>{next === undefined ? t("catalogue.noSchedule") : jakartaTime(new Date(next.startsAt), lang)}</dd>
      </dl>
      <p>
        <span class="badge">{t(`catalogue.method.${training.method}`)}</span>{" "}
        <button
          type="button"
          class="button-quiet"
          onClick={() => onCategory(training.category)}
          aria-label={t("catalogue.categoryPick", { category: training.category })}
        >
          {training.category}
        </button>
      </p>
    </li>
  );
}
