import { NavLink } from "../../components/NavLink.js";
import type { Wave } from "../../data/waves.js";
import { useRegistrationLang } from "../../i18n/registration.js";
import { PATHS } from "../../router.js";
import { nextStep } from "./nextStep.js";
import { NextStepNotice } from "./NextStepNotice.js";

export function NotRegistered({ waves }: { waves: readonly Wave[] }) {
  const { t } = useRegistrationLang();
  return (
    <div class="card stack" data-testid="status-empty">
      <p>{t("status.empty")}</p>
      <NextStepNotice step={nextStep({ status: null, waves, now: new Date() })} />
      <p>
        <NavLink href={PATHS.register}>{t("status.registerNow")}</NavLink>
      </p>
    </div>
  );
}
