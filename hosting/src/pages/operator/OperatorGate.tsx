import { LazyPage } from "../../components/LazyPage.js";
import { SignInFirst } from "../../components/SignInFirst.js";
import { useLang } from "../../i18n/index.js";
import { useSession } from "../../session.js";
import { Loading } from "../../components/Loading.js";

const loadOperatorPage = () => import("./OperatorPage.js").then((module) => module.OperatorPage);
const loadVerificationPage = () => import("./VerificationPage.js").then((module) => module.VerificationPage);

const TITLES = { register: "operator.title", verification: "verification.title" } as const;

/**
 * Only operators (with a region) may register others and verify their documents; the server
 * checks the same claims. `view`: assisted registration, or the verification queue.
 */
export function OperatorGate({ view }: { view: keyof typeof TITLES }) {
  const { t } = useLang();
  const session = useSession();
  if (session.state === "loading") return <Loading />;
  if (session.state === "signed-out") return <SignInFirst title={TITLES[view]} />;
  if (session.role !== "operator" || session.region === undefined) {
    return (
      <section>
        <h1>{t(TITLES[view])}</h1>
        <p class="notice notice-error" data-testid="operator-refused">
          {t("operator.notAllowed")}
        </p>
      </section>
    );
  }
  const props = { region: session.region };
  return view === "register" ? (
    <LazyPage key={session.user.uid} load={loadOperatorPage} props={props} />
  ) : (
    <LazyPage key={session.user.uid} load={loadVerificationPage} props={props} />
  );
}
