import { useLang, type MessageId } from "../i18n/index.js";
import { PATHS, type Page } from "../router.js";
import { useSession, type Session } from "../session.js";
import { LanguageToggle } from "./LanguageToggle.js";
import { NavLink } from "./NavLink.js";

type Linked = Exclude<Page, "home" | "account">;

/**
 * The pages each role works on (the server refuses the others anyway). The draws' transparency
 * page and the training catalogue are for everyone, signed in or not: checking a draw or looking
 * at trainings must not need an account.
 */
function pagesFor(session: Session): readonly Linked[] {
  if (session.state !== "signed-in") return ["catalogue", "transparency"];
  switch (session.role) {
    case "applicant":
      return ["register", "status", "myTraining", "myPayouts", "catalogue", "transparency"];
    case "operator":
      return ["operator", "dashboard", "verification", "registrants", "catalogue", "transparency"];
    case "admin":
    case "auditor":
      return ["admin", "dashboard", "payments", "registrants", "auditLog", "catalogue", "transparency"];
    case "partner":
      return ["catalogue", "transparency"];
  }
}

const LABELS: Record<Linked, MessageId> = {
  register: "nav.register",
  status: "nav.status",
  operator: "nav.operator",
  verification: "nav.verification",
  admin: "nav.admin",
  transparency: "nav.transparency",
  catalogue: "nav.catalogue",
  myTraining: "nav.myTraining",
  myPayouts: "nav.myPayouts",
  payments: "nav.payments",
  dashboard: "nav.dashboard",
  registrants: "nav.registrants",
  auditLog: "nav.auditLog",
};

export function Header({ page }: { page: Page | null }) {
  const { t } = useLang();
  const session = useSession();
  const signedIn = session.state === "signed-in";
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
            <NavLink href={PATHS.home} current={page === "home"}>
              {t("nav.home")}
            </NavLink>
          </li>
          {pagesFor(session).map((linked) => (
            <li key={linked}>
              <NavLink href={PATHS[linked]} current={page === linked}>
                {t(LABELS[linked])}
              </NavLink>
            </li>
          ))}
          <li>
            <NavLink href={PATHS.account} current={page === "account"}>
              {signedIn ? t("nav.accountSignedIn") : t("nav.account")}
            </NavLink>
          </li>
        </ul>
      </nav>
    </header>
  );
}
