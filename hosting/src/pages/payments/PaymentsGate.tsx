import type { FunctionComponent } from "preact";
import { useEffect, useState } from "preact/hooks";
import { Loading } from "../../components/Loading.js";
import { NavLink } from "../../components/NavLink.js";
import { useLang } from "../../i18n/index.js";
import { PATHS } from "../../router.js";
import { useSession } from "../../session.js";
import type { PaymentsPageProps } from "./PaymentsPage.js";

// Fetched only by the few who may see it (as the admin page), so applicants on cheap phones never download it.
const loadPaymentsPage = () => import("./PaymentsPage.js").then((module) => module.PaymentsPage);

/** /pembayaran: program admins act on payouts; auditors read the same page without its buttons. */
export function PaymentsGate() {
  const { t } = useLang();
  const session = useSession();
  const allowed = session.state === "signed-in" && (session.role === "admin" || session.role === "auditor");
  const [Page, setPage] = useState<FunctionComponent<PaymentsPageProps> | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (allowed && !Page)
      loadPaymentsPage().then(
        (page) => setPage(() => page),
        () => setFailed(true),
      );
  }, [allowed, Page]);

  if (session.state === "loading") return <Loading />;
  if (!allowed) {
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
  if (failed)
    return (
      <p role="alert" class="notice notice-error">
        {t("common.loadFailed")}
      </p>
    );
  if (!Page) return <Loading />;
  return <Page key={session.user.uid} canAct={session.role === "admin"} />;
}
