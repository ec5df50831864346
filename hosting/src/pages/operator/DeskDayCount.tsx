import { useEffect, useState } from "preact/hooks";
import { callMyDeskDay, type DeskDay } from "../../data/desk.js";
import { useDeskDisputeLang } from "../../i18n/deskDispute.js";

/**
 * How many people the operator registered today and how many more the daily limit allows
 * (`myDeskDay`). `version` changes after each registration, which reloads it.
 */
export function DeskDayCount({ version }: { version: number }) {
  const { t } = useDeskDisputeLang();
  const [day, setDay] = useState<DeskDay | "loading" | "failed">("loading");
  useEffect(() => {
    let current = true;
    callMyDeskDay({})
      .then((loaded) => current && setDay(loaded))
      .catch(() => current && setDay("failed"));
    return () => {
      current = false;
    };
  }, [version]);

  return (
    <section class="card desk-day" aria-labelledby="desk-day-title" data-testid="desk-day">
      <h2 id="desk-day-title">{t("deskDay.title")}</h2>
      <p role="status" aria-live="polite" data-testid="desk-day-counts">
        {day === "loading"
          ? t("deskDay.loading")
          : day === "failed"
            ? t("deskDay.failed")
            : day.remaining === 0
              ? t("deskDay.full", { limit: day.limit })
              : t("deskDay.counts", { registered: day.registered, remaining: day.remaining, limit: day.limit })}
      </p>
    </section>
  );
}
