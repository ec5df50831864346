import { useEffect, useRef } from "preact/hooks";
import { NavLink } from "../../components/NavLink.js";
import { ReasonList } from "../../components/ReasonList.js";
import type { RegisterResult } from "../../data/registration.js";
import { useDeskLang } from "../../i18n/desk.js";
import { PATHS } from "../../router.js";
import { DeskReceipt } from "./DeskReceipt.js";
import { JoinOnBehalf } from "./JoinOnBehalf.js";

interface Props {
  result: RegisterResult;
  /** The phone number the person's account is tied to, as the server stored it (+62…). */
  phone: string;
  /** The operator's region claim, which names their office on the receipt. */
  region: string;
  onAnother(): void;
}

/**
 * What the operator tells the person after registering them: NIK (masked), eligibility, account;
 * then, while the person is still at the desk, joining the open wave for them, or, when their NIK
 * differs from their KTP, the verification queue where their documents are checked first.
 */
export function AssistedResult({ result, phone, region, onAnother }: Props) {
  const { t } = useDeskLang();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form this replaces had the focus: put it on the outcome so it is read out.
  useEffect(() => heading.current?.focus(), []);
  const { eligible, reasons } = result.eligibility;
  const { verification } = result;
  const waitsForVerification = verification !== undefined && verification !== null && verification.state !== "verified";
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
          <ReasonList reasons={reasons} reader="operator" />
        </>
      )}
      {waitsForVerification && (
        <div class="notice" data-testid="assisted-verification">
          {verification.reasons.map((reason) => (
            <p key={reason}>{t(`desk.assisted.differs.${reason}`)}</p>
          ))}
          <p>
            {t("desk.join.afterVerification")} <NavLink href={PATHS.verification}>{t("desk.openQueue")}</NavLink>
          </p>
        </div>
      )}
      <p data-testid="assisted-account">{t("operator.account", { phone })}</p>
      {eligible && <JoinOnBehalf uid={result.uid} />}
      <DeskReceipt uid={result.uid} nikMasked={result.nikMasked} region={region} after="registration" />
      <div class="actions">
        <button type="button" onClick={onAnother}>
          {t("operator.another")}
        </button>
      </div>
    </section>
  );
}
