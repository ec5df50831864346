import { LazyPage } from "../../components/LazyPage.js";
import { Loading } from "../../components/Loading.js";
import { StaffOnly } from "../../components/StaffOnly.js";
import { useLang } from "../../i18n/index.js";
import { useSession } from "../../session.js";

// Fetched only by the few who may see it (as the admin page), so applicants on cheap phones never download it.
const loadPaymentsPage = () => import("./PaymentsPage.js").then((module) => module.PaymentsPage);

/** /pembayaran: program admins act on payouts; auditors read the same page without its buttons. */
export function PaymentsGate() {
  const { t } = useLang();
  const session = useSession();
  if (session.state === "loading") return <Loading />;
  if (session.state !== "signed-in" || (session.role !== "admin" && session.role !== "auditor")) {
    return (
      <StaffOnly
        title={t("payments.title")}
        signedOut={session.state === "signed-out"}
        signInFirst={t("payments.signInFirst")}
        notAllowed={t("payments.notAllowed")}
        testId="payments-refused"
      />
    );
  }
  return <LazyPage key={session.user.uid} load={loadPaymentsPage} props={{ canAct: session.role === "admin" }} />;
}
