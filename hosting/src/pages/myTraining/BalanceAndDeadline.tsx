import { jakartaTime, rupiah } from "../../format.js";
import { useMyTrainingLang } from "../../i18n/myTraining.js";
import { daysLeft } from "./myTrainingView.js";
import { useNow } from "./useNow.js";

const MINUTE = 60_000;

/**
 * The participant's Prakerja number (what a platform asks for), the training balance and, until the
 * first purchase, the deadline for it and what missing it means.
 */
export function BalanceAndDeadline({ balance, deadline, prakerjaId }: { balance: number; deadline: string | null; prakerjaId: string }) {
  const { lang, t } = useMyTrainingLang();
  const now = useNow(MINUTE);
  const due = deadline === null ? null : new Date(deadline);
  const days = due === null ? 0 : daysLeft(due, now);
  return (
    <section aria-labelledby="balance-title" class="card" data-testid="balance-card">
      <h2 id="balance-title">{t("myTraining.balance.title")}</h2>
      <p class="big-figure" data-testid="balance">
        {rupiah(balance)}
      </p>
      <p class="muted">{t("myTraining.balance.hint")}</p>
      {prakerjaId !== "" && (
        <p data-testid="prakerja-id">
          {t("myTraining.prakerjaId")} <code>{prakerjaId}</code>
        </p>
      )}
      {due !== null && (
        <div class="notice deadline" data-testid="deadline">
          <h3>{t("myTraining.deadline.title")}</h3>
          <p>
            <strong data-testid="deadline-days">{days > 0 ? t("myTraining.deadline.daysLeft", { days }) : t("myTraining.deadline.passed")}</strong>
          </p>
          <p>{t("myTraining.deadline.explain", { deadline: jakartaTime(due, lang) })}</p>
        </div>
      )}
    </section>
  );
}
