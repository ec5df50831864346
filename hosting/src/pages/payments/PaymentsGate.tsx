import { LazyPage } from "../../components/LazyPage.js";
import { Loading } from "../../components/Loading.js";
import { NavLink } from "../../components/NavLink.js";
import { useLang } from "../../i18n/index.js";
import { PATHS } from "../../router.js";
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
      <section>
        <h1>{t("payments.title")}</h1>
        {session.state === "signed-out" ? (
          <p class="notice" data-testid="payments-refused">
            {t("payments.signInFirst")} <NavLink href={PATHS.account}>{t("nav.account")}</NavLink>
          </p>
        ) : (
          <p class="notice notice-error" data-testid="payments-refused">
            {t("payments.notAllowed")}
          </p>
        )}
      </section>
    );
  }
  return <LazyPage key={session.user.uid} load={loadPaymentsPage} props={{ canAct: session.role === "admin" }} />;
}
