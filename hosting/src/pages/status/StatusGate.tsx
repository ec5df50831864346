import { LazyPage } from "../../components/LazyPage.js";
import { SignInFirst } from "../../components/SignInFirst.js";
import { useLang } from "../../i18n/index.js";
import { useSession } from "../../session.js";

const loadStatusPage = () => import("./StatusPage.js").then((module) => module.StatusPage);

export function StatusGate() {
  const { t } = useLang();
  const session = useSession();
  if (session.state === "loading")
    return (
      <p role="status" class="muted">
        {t("common.loading")}
      </p>
    );
  if (session.state === "signed-out") return <SignInFirst title="status.title" />;
  // Keyed by account: another account signing in on this phone must not see the last one's status.
  return <LazyPage key={session.user.uid} load={loadStatusPage} props={{ uid: session.user.uid }} />;
}
