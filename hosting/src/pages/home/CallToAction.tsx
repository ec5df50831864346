import { NavLink } from "../../components/NavLink.js";
import { useLang } from "../../i18n/index.js";
import { PATHS } from "../../router.js";
import { useSession } from "../../session.js";

/** Where to start: sign up (or, registered at an office, sign in with the phone); an applicant's own status. */
export function CallToAction() {
  const { t } = useLang();
  const session = useSession();
  if (session.state === "loading") return null;
  if (session.state === "signed-in")
    return session.role === "applicant" ? (
      <p class="cta" data-testid="home-cta">
        <NavLink href={PATHS.status}>{t("home.ctaStatus")}</NavLink>
      </p>
    ) : null;
  return (
    <div class="cta" data-testid="home-cta">
      <p>
        <NavLink href={PATHS.account}>{t("home.ctaSignUp")}</NavLink>
      </p>
      <p class="muted">{t("home.ctaAssisted")}</p>
    </div>
  );
}
