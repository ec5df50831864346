import { LazyPage } from "../../components/LazyPage.js";
import { Loading } from "../../components/Loading.js";
import { StaffOnly } from "../../components/StaffOnly.js";
import { useLang } from "../../i18n/index.js";
import { useSession } from "../../session.js";

// Fetched only by those who may see it, with its charting library: applicants on cheap phones never download either.
const loadDashboardPage = () => import("./DashboardPage.js").then((module) => module.DashboardPage);

/**
 * /dasbor: an operator opens their region's dashboard (their province or regency); the program
 * office and auditors start from the whole country. Auditors read it without the target form.
 */
export function DashboardGate() {
  const { t } = useLang();
  const session = useSession();
  if (session.state === "loading") return <Loading />;
  const home =
    session.state !== "signed-in"
      ? null
      : session.role === "operator"
        ? (session.region ?? null)
        : session.role === "admin" || session.role === "auditor"
          ? "ID"
          : null;
  if (session.state !== "signed-in" || home === null) {
    return (
      <StaffOnly
        title={t("dashboard.title")}
        signedOut={session.state === "signed-out"}
        signInFirst={t("dashboard.signInFirst")}
        notAllowed={t("dashboard.notAllowed")}
        testId="dashboard-refused"
      />
    );
  }
  return (
    <LazyPage key={session.user.uid} load={loadDashboardPage} props={{ home, canSetTarget: session.role === "admin", readOnly: session.role === "auditor" }} />
  );
}
