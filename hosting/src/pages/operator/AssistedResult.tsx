import { useEffect, useRef } from "preact/hooks";
import { ReasonList } from "../../components/ReasonList.js";
import type { RegisterResult } from "../../data/registration.js";
import { useRegistrationLang } from "../../i18n/registration.js";

interface Props {
  result: RegisterResult;
  /** The phone number the person's account is tied to, as the server stored it (+62…). */
  phone: string;
  onAnother(): void;
}

/** What the operator tells the person after registering them: NIK (masked), eligibility, account. */
export function AssistedResult({ result, phone, onAnother }: Props) {
  const { t } = useRegistrationLang();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form this replaces had the focus: put it on the outcome so it is read out.
  useEffect(() => heading.current?.focus(), []);
  const { eligible, reasons } = result.eligibility;
  return (
    <section class="card" aria-labelledby="assisted-done" data-testid="assisted-result" data-eligible={String(eligible)}>
      <h2 id="assisted-done" ref={heading} tabIndex={-1}>
        {t(result.created ? "operator.done" : "operator.repeated")}
      </h2>
      <dl class="facts">
        <dt>{t("operator.nik")}</dt>
        <dd data-testid="assisted-nik">
          <code>{result.nikMasked}</code>
        </dd>
      </dl>
      <h3>{t("operator.result")}</h3>
      {eligible ? (
        <p class="notice notice-ok">{t("operator.eligible")}</p>
      ) : (
        <>
          <p class="notice notice-error">{t("operator.notEligible")}</p>
          <ReasonList reasons={reasons} />
        </>
      )}
      <p data-testid="assisted-account">{t("operator.account", { phone })}</p>
      <div class="actions">
        <button type="button" onClick={onAnother}>
          {t("operator.another")}
        </button>
      </div>
    </section>
  );
}
