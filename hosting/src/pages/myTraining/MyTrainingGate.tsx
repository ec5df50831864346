import { LazyPage } from "../../components/LazyPage.js";
import { SignInFirst } from "../../components/SignInFirst.js";
import { useLang } from "../../i18n/index.js";
import { useSession } from "../../session.js";

const loadMyTrainingPage = () => import("./MyTrainingPage.js").then((module) => module.MyTrainingPage);

/** /pelatihan-saya: signed in only; the page itself is fetched when opened. */
export function MyTrainingGate() {
  const { t } = useLang();
  const session = useSession();
  if (session.state === "loading")
    return (
      <p role="status" class="muted">
        {t("common.loading")}
      </p>
    );
  if (session.state === "signed-out") return <SignInFirst title="myTraining.title" />;
  // Keyed by account: another account signing in on this phone must not see the last one's codes.
  return <LazyPage key={session.user.uid} load={loadMyTrainingPage} props={{}} />;
}
