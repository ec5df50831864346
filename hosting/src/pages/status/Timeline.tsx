import { DOCUMENT_TEXT, REJECTION_TEXT } from "@schemas/verificationMessages.js";
import type { MyStatus } from "../../data/registration.js";
import { jakartaTime } from "../../format.js";
import { useRegistrationLang, type RegistrationMessageId } from "../../i18n/registration.js";
import { eligibilityLine } from "./timelineEntry.js";

type Entry = MyStatus["timeline"][number];

/** The entry's heading: joining a wave says when an operator did it for the person. */
const titleOf = (entry: Entry): RegistrationMessageId =>
  entry.kind === "joined-pool" && entry.by === "operator" ? "timeline.joined-pool.operator" : `timeline.${entry.kind}`;

/** What happened to the registration, newest last, each with its Jakarta time. */
export function Timeline({ events }: { events: MyStatus["timeline"] }) {
  const { lang, t } = useRegistrationLang();
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t("status.timeline")}</h2>
      <ol class="cards" data-testid="timeline">
        {events.map((event, index) => {
          const eligibility = eligibilityLine(event);
          const { documentsSeen, rejection } = event;
          return (
            <li key={`${event.at}-${index}`} class="card" data-kind={event.kind} data-by={event.by}>
              <h3>{t(titleOf(event))}</h3>
              <p class="muted">
                <time dateTime={event.at}>{jakartaTime(new Date(event.at), lang)}</time>
              </p>
              {rejection && <p data-testid="timeline-rejection">{t("timeline.rejection", { reason: REJECTION_TEXT[rejection][lang] })}</p>}
              {documentsSeen && documentsSeen.length > 0 && (
                <p data-testid="timeline-documents">
                  {t("timeline.documentsSeen", { documents: documentsSeen.map((document) => DOCUMENT_TEXT[document][lang]).join(", ") })}
                </p>
              )}
              {eligibility && <p data-testid="timeline-eligibility">{t(eligibility)}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
