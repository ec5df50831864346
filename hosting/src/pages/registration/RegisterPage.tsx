import { useState } from "preact/hooks";
import type { RegisterInput } from "@schemas";
import { Loaded } from "../../components/Loaded.js";
import { NavLink } from "../../components/NavLink.js";
import { callRegister, loadMyStatus } from "../../data/registration.js";
import { noticeText } from "../../data/refusals.js";
import { useLoad } from "../../data/useLoad.js";
import { useRegistrationLang } from "../../i18n/registration.js";
import { navigate, PATHS } from "../../router.js";
import { AlreadyRegistered } from "./AlreadyRegistered.js";
import { emptyPerson, type PersonErrors } from "./personForm.js";
import { sendRegistration, type RegistrationNotice } from "./registrationFailure.js";
import { RegistrationForm } from "./RegistrationForm.js";

const initial = emptyPerson();

/** /daftar: the signed-in person registers themself, then sees their status; once registered, what is on record. */
export function RegisterPage() {
  const { t } = useRegistrationLang();
  const status = useLoad(loadMyStatus, []);
  return (
    <Loaded load={status}>
      {(found) =>
        found === null ? (
          <section aria-labelledby="register-title">
            <h1 id="register-title">{t("register.title")}</h1>
            <p>{t("register.intro")}</p>
            <SelfRegistration />
          </section>
        ) : (
          <section aria-labelledby="registered-title">
            <h1 id="registered-title">{t("registered.title")}</h1>
            <AlreadyRegistered status={found} />
          </section>
        )
      }
    </Loaded>
  );
}

function SelfRegistration() {
  const { lang, t } = useRegistrationLang();
  const [failure, setFailure] = useState<RegistrationNotice | null>(null);

  // Sending the same form again from this account is safe: the server answers as before.
  const send = (input: RegisterInput): Promise<PersonErrors | null> =>
    sendRegistration(async () => {
      await callRegister(input);
      navigate(PATHS.status);
    }, setFailure);

  return (
    <RegistrationForm prefix="reg" assisted={false} initial={initial} submitLabel={t("register.submit")} send={send}>
      <div role="status" aria-live="polite" data-testid="reg-outcome">
        {failure && (
          <p class="notice notice-error">
            {noticeText(failure, lang, t)}{" "}
            {failure.kind === "refusal" && failure.reason === "account-registered" && <NavLink href={PATHS.status}>{t("register.seeStatus")}</NavLink>}
          </p>
        )}
      </div>
    </RegistrationForm>
  );
}
