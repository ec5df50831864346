import { useLang } from "../../i18n/index.js";
import { useSession } from "../../session.js";
import { AccountSummary } from "./AccountSummary.js";
import { SignInForm } from "./SignInForm.js";

export function AccountPage() {
  const { t } = useLang();
  const session = useSession();
  if (session.state === "loading")
    return (
      <p role="status" class="muted">
        {t("common.loading")}
      </p>
    );
  if (session.state === "signed-in") return <AccountSummary session={session} />;
  return <SignInForm />;
}
