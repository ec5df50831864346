import { NavLink } from "../../components/NavLink.js";
import { useRegistrationLang } from "../../i18n/registration.js";
import { PATHS } from "../../router.js";

export function NotRegistered() {
  const { t } = useRegistrationLang();
  return (
    <div class="card" data-testid="status-empty">
      <p>{t("status.empty")}</p>
      <p>
        <NavLink href={PATHS.register}>{t("status.registerNow")}</NavLink>
      </p>
    </div>
  );
}
