import type { ReasonCode } from "@domain/eligibility.js";
import { OPERATOR_REASON_TEXT, REASON_TEXT } from "@schemas/registrationMessages.js";
import { useRegistrationLang } from "../i18n/registration.js";

interface Props {
  reasons: readonly ReasonCode[];
  /** For the applicant: what they can do about each reason. */
  withNextSteps?: boolean;
  /** Who reads: the applicant ("you …", the default) or an operator at the desk ("this person …"). */
  reader?: "applicant" | "operator";
}

/** Why someone is not eligible, in plain words written for whoever reads them. */
export function ReasonList({ reasons, withNextSteps = false, reader = "applicant" }: Props) {
  const { lang, t } = useRegistrationLang();
  const texts = reader === "operator" ? OPERATOR_REASON_TEXT : REASON_TEXT;
  return (
    <ul class="reasons" data-testid="reasons">
      {reasons.map((reason) => (
        <li key={reason} data-reason={reason}>
          <p>{texts[reason][lang]}</p>
          {withNextSteps && (
            <p class="next-step">
              <strong>{t("status.whatToDo")}</strong> {t(`next.${reason}`)}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
