import type { VerificationView } from "@schemas";
import { DISCREPANCY_TEXT, DOCUMENT_TEXT, REJECTION_TEXT, VERIFICATION_STATE_TEXT } from "@schemas/verificationMessages.js";
import { jakartaTime, regionName } from "../../format.js";
import { useRegistrationLang } from "../../i18n/registration.js";

/**
 * For a person whose NIK's digits differ from their KTP: that nothing is wrong with them, what to
 * bring to which labor office, that they cannot join a wave until then, and the latest decision.
 * The state's sentence is the functions' own (schemas/verificationMessages.ts).
 */
export function VerificationNotice({ verification }: { verification: VerificationView }) {
  const { lang, t } = useRegistrationLang();
  const { state, reasons, bring, office, decision } = verification;
  const regency = regionName(office.regency);
  const documents = (list: readonly (keyof typeof DOCUMENT_TEXT)[]) => list.map((document) => DOCUMENT_TEXT[document][lang]).join(", ");
  const verified = state === "verified";
  return (
    <section aria-labelledby="verification-title" class="card verification" data-testid="verification" data-state={state}>
      <h2 id="verification-title">{t(`verify.title.${state}`)}</h2>
      <p class={verified ? "notice notice-ok" : "notice"} data-testid="verification-state">
        {VERIFICATION_STATE_TEXT[state][lang].replace("{regency}", regency)}
      </p>
      {decision?.decision === "rejected" && decision.rejection !== undefined && (
        <div data-testid="verification-rejection">
          <p>{t("verify.rejectedAt", { time: jakartaTime(new Date(decision.at), lang) })}</p>
          <p>
            <strong>{REJECTION_TEXT[decision.rejection][lang]}</strong>
          </p>
        </div>
      )}
      {verified && decision !== undefined && (
        <p class="muted">{t("verify.verifiedAt", { time: jakartaTime(new Date(decision.at), lang), documents: documents(decision.documentsSeen) })}</p>
      )}
      {!verified && (
        <>
          <h3>{t("verify.why")}</h3>
          <ul class="plain-list" data-testid="verification-reasons">
            {reasons.map((reason) => (
              <li key={reason}>{DISCREPANCY_TEXT[reason][lang]}</li>
            ))}
          </ul>
          <p>{t("verify.notYourFault")}</p>
          <dl class="facts facts-stacked">
            <dt>{t("verify.bring")}</dt>
            <dd data-testid="verification-bring">{documents(bring)}</dd>
            <dt>{t("verify.where")}</dt>
            <dd data-testid="verification-office">{t("verify.office", { regency, province: regionName(office.province) })}</dd>
          </dl>
          <p class="notice notice-error" data-testid="verification-until">
            {t("verify.untilThen")}
          </p>
        </>
      )}
    </section>
  );
}
