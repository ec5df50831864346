import { useLang, type MessageId } from "../i18n/index.js";
import { PATHS } from "../router.js";
import { NavLink } from "./NavLink.js";

/** A page that needs an account, seen by someone signed out: the way to sign in or sign up. */
export function SignInFirst({ title }: { title: MessageId }) {
  const { t } = useLang();
  return (
    <section>
      <h1>{t(title)}</h1>
      <p class="notice" data-testid="sign-in-first">
        {t("gate.signInFirst")} <NavLink href={PATHS.account}>{t("nav.account")}</NavLink>
      </p>
    </section>
  );
}
