import { LazyPage } from "../../components/LazyPage.js";
import { SignInFirst } from "../../components/SignInFirst.js";
import { useLang } from "../../i18n/index.js";
import { useSession } from "../../session.js";

const loadOperatorPage = () => import("./OperatorPage.js").then((module) => module.OperatorPage);

/** Only operators (with a region) may register others; the server checks the same claims. */
export function OperatorGate() {
  const { t } = useLang();
  const session = useSession();
  if (session.state === "loading")
    return (
      <p role="status" class="muted">
        {t("common.loading")}
      </p>
    );
  if (session.state === "signed-out") return <SignInFirst title="operator.title" />;
  if (session.role !== "operator" || session.region === undefined) {
    return (
      <section>
        <h1>{t("operator.title")}</h1>
        <p class="notice notice-error" data-testid="operator-refused">
          {t("operator.notAllowed")}
        </p>
      </section>
    );
  }
  return <LazyPage key={session.user.uid} load={loadOperatorPage} props={{ region: session.region }} />;
}
