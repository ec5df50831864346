import { LazyPage } from "../../components/LazyPage.js";
import { Loading } from "../../components/Loading.js";
import { SignInFirst } from "../../components/SignInFirst.js";
import { useLang } from "../../i18n/index.js";
import { useSession } from "../../session.js";

// Fetched only by those who may see it, so applicants on cheap phones never download it.
const loadRegistrantsPage = () => import("./RegistrantsPage.js").then((module) => module.RegistrantsPage);

/**
 * /operator/pendaftar: operators (their region), admins and auditors (everywhere) list registrants,
 * open a record and export CSV; the server checks the same claims. Auditors read and export, and
 * are not offered reveals (the server refuses them anyway).
 */
export function RegistrantsGate() {
  const { t } = useLang();
  const session = useSession();
  if (session.state === "loading") return <Loading />;
  if (session.state === "signed-out") return <SignInFirst title="registrants.title" />;
  const allowed = (session.role === "operator" && session.region !== undefined) || session.role === "admin" || session.role === "auditor";
  if (!allowed) {
    return (
      <section>
        <h1>{t("registrants.title")}</h1>
        <p class="notice notice-error" data-testid="registrants-refused">
          {t("registrants.notAllowed")}
        </p>
      </section>
    );
  }
  const props = { region: session.region ?? null, canReveal: session.role !== "auditor" };
  return <LazyPage key={session.user.uid} load={loadRegistrantsPage} props={props} />;
}
