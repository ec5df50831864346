import { LazyPage } from "../../components/LazyPage.js";
import { Loading } from "../../components/Loading.js";
import { StaffOnly } from "../../components/StaffOnly.js";
import { useLang } from "../../i18n/index.js";
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
      <StaffOnly
        title={t("auditLog.title")}
        signedOut={session.state === "signed-out"}
        signInFirst={t("auditLog.signInFirst")}
        notAllowed={t("auditLog.notAllowed")}
        testId="audit-log-refused"
      />
    );
  }
  return <LazyPage key={session.user.uid} load={loadAuditLogPage} props={{}} />;
}
