import { useRef, useState } from "preact/hooks";
import type { RegisterInput } from "@schemas";
import { callRegisterAssisted, type RegisterResult } from "../../data/registration.js";
import { deskFieldErrors } from "../../data/deskFailure.js";
import { noticeText } from "../../data/refusals.js";
import { NavLink } from "../../components/NavLink.js";
import { useDeskLang } from "../../i18n/desk.js";
import { PATHS } from "../../router.js";
import { emptyPerson, submissionKey, type PersonErrors, type PersonValues } from "../registration/personForm.js";
import { sendRegistration, type RegistrationNotice } from "../registration/registrationFailure.js";
import { RegistrationForm } from "../registration/RegistrationForm.js";
import { AssistedResult } from "./AssistedResult.js";
import { DeskDayCount } from "./DeskDayCount.js";
import { NikLookup } from "./NikLookup.js";
import { JoinByAccount } from "./JoinByAccount.js";
import { OperatorRegion } from "./OperatorRegion.js";

export interface OperatorPageProps {
  /** The operator's region claim: a province (2 digits) or regency/city (4 digits). */
  region: string;
}

/** /operator: a regional operator registers a person who came for help, or joins a registered person to the open wave. */
export function OperatorPage({ region }: OperatorPageProps) {
  const { lang, t } = useDeskLang();
  const [done, setDone] = useState<{ result: RegisterResult; phone: string } | null>(null);
  const [failure, setFailure] = useState<RegistrationNotice | null>(null);
  // Registrations made on this page: each reloads today's count.
  const [registered, setRegistered] = useState(0);
  // A NIK the form was refused for as already registered: the lookup below starts from it.
  const [takenNik, setTakenNik] = useState("");
  // The submission being attempted: retrying the same values reuses its request ID, so a retry
  // after a lost answer registers the person once and counts once against the daily limit.
  const attempt = useRef<{ key: string; requestId: string } | null>(null);

  const send = async (input: RegisterInput, values: PersonValues): Promise<PersonErrors | null> => {
    const key = submissionKey(values);
    if (attempt.current?.key !== key) attempt.current = { key, requestId: crypto.randomUUID() };
    const { requestId } = attempt.current;
    const errors = await sendRegistration(async () => {
      const result = await callRegisterAssisted({ requestId, person: input });
      attempt.current = null;
      setDone({ result, phone: input.phone });
      setRegistered((n) => n + 1);
    }, setFailure);
    if (errors?.nik?.code === "nik-registered") setTakenNik(input.nik);
    return errors === null ? null : deskFieldErrors(errors);
  };

  const another = () => {
    setDone(null);
    // The form comes back empty: start the next person at its first field (after it renders).
    requestAnimationFrame(() => document.getElementById("assisted-nik")?.focus());
  };

  return (
    <section aria-labelledby="operator-title">
      <h1 id="operator-title">{t("operator.title")}</h1>
      <OperatorRegion region={region} />
      <DeskDayCount version={registered} />
      <p>{t("operator.intro")}</p>
      <p>
        {t("desk.toQueue")} <NavLink href={PATHS.verification}>{t("desk.openQueue")}</NavLink>
      </p>
      {done ? (
        <AssistedResult result={done.result} phone={done.phone} region={region} onAnother={another} />
      ) : (
        <RegistrationForm prefix="assisted" assisted initial={emptyPerson(region)} submitLabel={t("register.submit")} send={send}>
          <div role="status" aria-live="polite" data-testid="assisted-outcome">
            {failure && <p class="notice notice-error">{noticeText(failure, lang, t)}</p>}
          </div>
        </RegistrationForm>
      )}
      <NikLookup key={takenNik} nik={takenNik} region={region} />
      <JoinByAccount />
    </section>
  );
}
