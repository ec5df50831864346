import type { ProgramYearDoc } from "@schemas";
import { count, rupiah } from "../../format.js";
import { useLang } from "../../i18n/index.js";

export function ProgramYearFigures({ year }: { year: ProgramYearDoc }) {
  const { t } = useLang();
  const { incentive } = year;
  return (
    <section aria-labelledby="year-title" data-testid="program-year">
      <h2 id="year-title">{t("year.title", { year: year.year })}</h2>
      <dl class="figures">
        <div>
          <dt>{t("year.balance")}</dt>
          <dd class="amount">{rupiah(year.trainingBalance)}</dd>
        </div>
        <div>
          <dt>{t("year.incentive")}</dt>
          <dd class="amount">{t("year.incentiveValue", { amount: rupiah(incentive.amountPerInstallment), count: incentive.installments })}</dd>
        </div>
        {incentive.surveys > 0 && (
          <div>
            <dt>{t("year.survey")}</dt>
            <dd class="amount">{t("year.incentiveValue", { amount: rupiah(incentive.surveyAmount), count: incentive.surveys })}</dd>
          </div>
        )}
        <div>
          <dt>{t("year.firstPurchase")}</dt>
          <dd>{t("year.days", { count: year.firstPurchaseDays })}</dd>
        </div>
        <div>
          <dt>{t("year.familyLimit")}</dt>
          <dd>{t("year.people", { count: count(year.familyLimit) })}</dd>
        </div>
      </dl>
    </section>
  );
}
