import { ReasonList } from "../../components/ReasonList.js";
import type { MyStatus } from "../../data/registration.js";
import { jakartaTime } from "../../format.js";
import { useRegistrationLang } from "../../i18n/registration.js";

/** The answer the person came for, first: eligible or not, why, and what they can do. */
export function EligibilityResult({ eligibility }: { eligibility: MyStatus["eligibility"] }) {
  const { lang, t } = useRegistrationLang();
  const { eligible, reasons, checkedAt } = eligibility;
  return (
    <section aria-labelledby="eligibility-title" class="card" data-testid="eligibility" data-eligible={String(eligible)}>
      <h2 id="eligibility-title">{t("status.eligibility")}</h2>
      {eligible ? (
        <p class="notice notice-ok">{t("status.eligible")}</p>
      ) : (
        <>
          <p class="notice notice-error">{t("status.notEligible")}</p>
          <ReasonList reasons={reasons} withNextSteps />
        </>
      )}
      <p class="muted">{t("status.checkedAt", { time: jakartaTime(new Date(checkedAt), lang) })}</p>
    </section>
  );
}
