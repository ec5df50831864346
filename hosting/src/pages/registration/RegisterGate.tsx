import { LazyPage } from "../../components/LazyPage.js";
import { SignInFirst } from "../../components/SignInFirst.js";
import { useLang } from "../../i18n/index.js";
import { useSession } from "../../session.js";

// The form brings the region table (~55 KB compressed): fetched only when the form is opened.
const loadRegisterPage = () => import("./RegisterPage.js").then((module) => module.RegisterPage);

export function RegisterGate() {
  const { t } = useLang();
  const session = useSession();
  if (session.state === "loading")
    return (
      <p role="status" class="muted">
        {t("common.loading")}
      </p>
    );
  if (session.state === "signed-out") return <SignInFirst title="register.title" />;
  // Keyed by account: a form half filled by one account is not left for the next one.
  return <LazyPage key={session.user.uid} load={loadRegisterPage} props={{}} />;
}
