import { signOut } from "firebase/auth";
import { auth } from "../../firebase.js";
import { useLang } from "../../i18n/index.js";
import type { Session } from "../../session.js";

type SignedIn = Extract<Session, { state: "signed-in" }>;

export function AccountSummary({ session }: { session: SignedIn }) {
  const { t } = useLang();
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">{t("account.signedInTitle")}</h1>
      <dl class="facts card">
        <dt>{t("account.signedInAs")}</dt>
        <dd data-testid="account-email">{session.email || session.user.phoneNumber}</dd>
        <dt>{t("account.role")}</dt>
        <dd data-testid="account-role">{t(`role.${session.role}`)}</dd>
        {session.region !== undefined && (
          <>
            <dt>{t("account.region")}</dt>
            <dd data-testid="account-region">{session.region}</dd>
          </>
        )}
      </dl>
      <button type="button" class="button-secondary" onClick={() => void signOut(auth)}>
        {t("account.signOut")}
      </button>
    </section>
  );
}
