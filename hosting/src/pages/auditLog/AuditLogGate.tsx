import { LazyPage } from "../../components/LazyPage.js";
import { Loading } from "../../components/Loading.js";
import { NavLink } from "../../components/NavLink.js";
import { useLang } from "../../i18n/index.js";
import { PATHS } from "../../router.js";
import { useSession } from "../../session.js";

// Fetched only by auditors and admins: the chain module (SHA-256) never reaches anyone else's phone.
const loadAuditLogPage = () => import("./AuditLogPage.js").then((module) => module.AuditLogPage);

/** /jejak-audit: auditors and program admins read the audit log and check its hashes here (firestore.rules lets them read it). */
export function AuditLogGate() {
  const { t } = useLang();
  const session = useSession();
  if (session.state === "loading") return <Loading />;
  if (session.state !== "signed-in" || (session.role !== "admin" && session.role !== "auditor")) {
    return (
      <section>
        <h1>{t("auditLog.title")}</h1>
        {session.state === "signed-out" ? (
          <p class="notice" data-testid="audit-log-refused">
            {t("auditLog.signInFirst")} <NavLink href={PATHS.account}>{t("nav.account")}</NavLink>
          </p>
        ) : (
          <p class="notice notice-error" data-testid="audit-log-refused">
            {t("auditLog.notAllowed")}
          </p>
        )}
      </section>
    );
  }
  return <LazyPage key={session.user.uid} load={loadAuditLogPage} props={{}} />;
}
