import type { MyStatus } from "../../data/registration.js";
import { jakartaTime } from "../../format.js";
import { useRegistrationLang } from "../../i18n/registration.js";

/** What happened to the registration, newest last, each with its Jakarta time. */
export function Timeline({ events }: { events: MyStatus["timeline"] }) {
  const { t } = useRegistrationLang();
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t("status.timeline")}</h2>
      <ol class="cards" data-testid="timeline">
        {events.map((event, index) => (
          <li key={`${event.at}-${index}`} class="card" data-kind={event.kind}>
            <h3>{t(`timeline.${event.kind}`)}</h3>
            <p class="muted">
              <time dateTime={event.at}>{jakartaTime(new Date(event.at))}</time>
            </p>
            {event.eligible !== undefined && <p>{t(event.eligible ? "timeline.eligible" : "timeline.notEligible")}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
