import { Loaded } from "../../components/Loaded.js";
import { NavLink } from "../../components/NavLink.js";
import { loadTraining } from "../../data/catalogue.js";
import { useLoad } from "../../data/useLoad.js";
import { jakartaTime, regionName, rupiah } from "../../format.js";
import { useCatalogueLang } from "../../i18n/catalogue.js";
import { PATHS } from "../../router.js";
import { hoursText } from "./trainingText.js";

/** /pelatihan/<course code>: one training, where to buy it, and its next runs with the seats left. */
export function TrainingPage({ courseCode }: { courseCode: string }) {
  const { t, lang } = useCatalogueLang();
  const training = useLoad(() => loadTraining(courseCode), [courseCode]);
  return (
    <section aria-labelledby="training-title">
      <p>
        <NavLink href={PATHS.catalogue}>← {t("catalogue.all")}</NavLink>
      </p>
      <Loaded load={training}>
        {(found) =>
          found === null ? (
            <>
              <h1 id="training-title">{t("catalogue.title")}</h1>
              <p class="notice">{t("catalogue.notFound")}</p>
            </>
          ) : (
            <article data-testid="training-detail" data-course-code={found.courseCode}>
              <h1 id="training-title">{found.title}</h1>
              <dl class="facts">
                <dt>{t("catalogue.institution")}</dt>
                <dd>{found.institutionName}</dd>
                <dt>{t("catalogue.price")}</dt>
                <dd class="amount" data-testid="training-price">
                  {rupiah(found.price)}
                </dd>
                <dt>{t("catalogue.hours")}</dt>
                <dd>{t("catalogue.hoursValue", { hours: hoursText(found.hours, lang) })}</dd>
                <dt>{t("catalogue.method")}</dt>
                <dd>{t(`catalogue.method.${found.method}`)}</dd>
                {found.provinceName !== undefined && (
                  <>
                    <dt>{t("catalogue.place")}</dt>
                    <dd>{regionName(found.provinceName)}</dd>
                  </>
                )}
                <dt>{t("catalogue.category")}</dt>
                <dd>{found.category}</dd>
              </dl>
              {found.description !== "" && (
                <>
                  <h2>{t("catalogue.description")}</h2>
                  <p>{found.description}</p>
                </>
              )}
              <h2>{t("catalogue.schedules")}</h2>
              {found.schedules.length === 0 ? (
                <p class="muted">{t("catalogue.noSchedule")}</p>
              ) : (
                <ul class="cards" data-testid="training-schedules">
                  {found.schedules.map((schedule) => (
                    <li key={schedule.scheduleCode} class="card" data-testid="training-schedule">
                      <dl class="facts">
                        <dt>{t("catalogue.starts")}</dt>
                        <dd>{jakartaTime(new Date(schedule.startsAt), lang)}</dd>
                        <dt>{t("catalogue.ends")}</dt>
                        <dd>{jakartaTime(new Date(schedule.endsAt), lang)}</dd>
                        <dt>{t("catalogue.seats")}</dt>
                        <dd data-testid="schedule-seats">
                          {schedule.seatsLeft === null
                            ? t("catalogue.seatsUnlimited")
                            : schedule.seatsLeft === 0
                              ? t("catalogue.seatsFull")
                              : t("catalogue.seatsLeft", { count: schedule.seatsLeft })}
                        </dd>
                      </dl>
                    </li>
                  ))}
                </ul>
              )}
              <h2>{t("catalogue.platforms")}</h2>
              {found.platforms.length === 0 ? (
                <p class="muted">{t("catalogue.platformsNone")}</p>
              ) : (
                <ul data-testid="training-platforms">
                  {found.platforms.map((platform) => (
                    <li key={platform.code}>{platform.name}</li>
                  ))}
                </ul>
              )}
              <p class="muted">{t("catalogue.howToBuy")}</p>
            </article>
          )
        }
      </Loaded>
    </section>
  );
}
