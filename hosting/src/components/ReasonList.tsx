import type { ReasonCode } from "@domain/eligibility.js";
import { REASON_TEXT } from "@schemas/registrationMessages.js";
import { useRegistrationLang } from "../i18n/registration.js";

interface Props {
  reasons: readonly ReasonCode[];
  /** For the applicant: what they can do about each reason. */
  withNextSteps?: boolean;
}

/** Why someone is not eligible, in the plain words written for applicants. */
export function ReasonList({ reasons, withNextSteps = false }: Props) {
  const { lang, t } = useRegistrationLang();
  return (
    <ul class="reasons" data-testid="reasons">
      {reasons.map((reason) => (
        <li key={reason} data-reason={reason}>
          <p>{REASON_TEXT[reason][lang]}</p>
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
