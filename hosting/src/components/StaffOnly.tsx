import { useLang } from "../i18n/index.js";
import { PATHS } from "../router.js";
import { NavLink } from "./NavLink.js";

interface StaffOnlyProps {
  /** The page's title, translated. */
  title: string;
  /** Who is looking: signed out (offered the way to sign in) or signed in without the role. */
  signedOut: boolean;
  /** What a signed-out visitor is told, and what someone without the role is told, translated. */
  signInFirst: string;
  notAllowed: string;
  testId: string;
}

/** A staff page (payments, dashboard, audit log) seen by someone it is not for: why, and, signed out, the way to sign in. */
export function StaffOnly({ title, signedOut, signInFirst, notAllowed, testId }: StaffOnlyProps) {
  const { t } = useLang();
  return (
    <section>
      <h1>{title}</h1>
      {signedOut ? (
        <p class="notice" data-testid={testId}>
          {signInFirst} <NavLink href={PATHS.account}>{t("nav.account")}</NavLink>
        </p>
      ) : (
        <p class="notice notice-error" data-testid={testId}>
          {notAllowed}
        </p>
      )}
    </section>
  );
}
