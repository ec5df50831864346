import { useLang } from "../i18n/index.js";
import { PATHS, type Page } from "../router.js";
import { useSession } from "../session.js";
import { LanguageToggle } from "./LanguageToggle.js";
import { NavLink } from "./NavLink.js";

export function Header({ page }: { page: Page | null }) {
  const { t } = useLang();
  const session = useSession();
  const signedIn = session.state === "signed-in";
  // Only the program office and auditors have anything on the admin page.
  const showAdmin = signedIn && (session.role === "admin" || session.role === "auditor");
  return (
    <header class="site-header">
      <div class="site-header-top">
        <NavLink href={PATHS.home}>
          <span class="brand">{t("app.title")}</span>
        </NavLink>
        <LanguageToggle />
      </div>
      <nav aria-label={t("nav.label")}>
        <ul class="nav">
          <li>
            <NavLink href={PATHS.home} current={page === "home"}>{t("nav.home")}</NavLink>
          </li>
          <li>
            <NavLink href={PATHS.account} current={page === "account"}>
              {signedIn ? t("nav.accountSignedIn") : t("nav.account")}
            </NavLink>
          </li>
          {showAdmin && (
            <li>
              <NavLink href={PATHS.admin} current={page === "admin"}>{t("nav.admin")}</NavLink>
            </li>
          )}
        </ul>
      </nav>
    </header>
  );
}
