import type { FunctionComponent } from "preact";
import { useEffect, useState } from "preact/hooks";
import { NavLink } from "../../components/NavLink.js";
import { useLang } from "../../i18n/index.js";
import { PATHS } from "../../router.js";
import { useSession } from "../../session.js";
import type { AdminPageProps } from "./AdminPage.js";
import { Loading } from "../../components/Loading.js";

// The admin page (schemas, callable functions) is fetched only by the few who may see it,
// so applicants on cheap phones never download it.
const loadAdminPage = () => import("./AdminPage.js").then((module) => module.AdminPage);

export function AdminGate() {
  const { t } = useLang();
  const session = useSession();
  const allowed = session.state === "signed-in" && (session.role === "admin" || session.role === "auditor");
  const [Page, setPage] = useState<FunctionComponent<AdminPageProps> | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (allowed && !Page)
      loadAdminPage().then(
        (page) => setPage(() => page),
        () => setFailed(true),
      );
  }, [allowed, Page]);

  if (session.state === "loading") return <Loading />;
  if (session.state === "signed-out") {
    return (
      <section>
        <h1>{t("admin.title")}</h1>
        <p class="notice" data-testid="admin-refused">
          {t("admin.signInFirst")} <NavLink href={PATHS.account}>{t("nav.account")}</NavLink>
        </p>
      </section>
    );
  }
  if (!allowed) {
    return (
      <section>
        <h1>{t("admin.title")}</h1>
        <p class="notice notice-error" data-testid="admin-refused">
          {t("admin.notAllowed")}
        </p>
      </section>
    );
  }
  if (failed)
    return (
      <p role="alert" class="notice notice-error">
        {t("common.loadFailed")}
      </p>
    );
  if (!Page) return <Loading />;
  return <Page canGrant={session.role === "admin"} />;
}
