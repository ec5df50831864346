import { NavLink } from "../../components/NavLink.js";
import type { MyStatus } from "../../data/registration.js";
import { regionName } from "../../format.js";
import { useRegistrationLang } from "../../i18n/registration.js";
import { PATHS } from "../../router.js";
import { ProfileSummary } from "../status/ProfileSummary.js";

/**
 * /daftar for someone already registered: what is on record (the NIK masked), and how to have it
 * corrected, instead of an empty form that would make them think the registration was lost.
 */
export function AlreadyRegistered({ status }: { status: MyStatus }) {
  const { t } = useRegistrationLang();
  return (
    <div class="stack" data-testid="already-registered">
      <p class="notice notice-ok">{t("registered.done")}</p>
      <ProfileSummary status={status} />
      <section aria-labelledby="correction-title" class="card" data-testid="correction">
        <h2 id="correction-title">{t("registered.correctionTitle")}</h2>
        <p>{t("registered.correction", { regency: regionName(status.profile.region.regency) })}</p>
      </section>
      <p>
        <NavLink href={PATHS.status}>{t("register.seeStatus")}</NavLink>
      </p>
    </div>
  );
}
