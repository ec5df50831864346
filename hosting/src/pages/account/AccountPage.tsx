import { LazyPage } from "../../components/LazyPage.js";
import { useLang } from "../../i18n/index.js";
import { useSession } from "../../session.js";
import { AccountSummary } from "./AccountSummary.js";
import { SignInForm } from "./SignInForm.js";
import { Loading } from "../../components/Loading.js";

// The phone sign-in brings the number rule (zod) and the reCAPTCHA code: fetched with this page only.
const loadPhoneSignIn = () => import("./PhoneSignIn.js").then((module) => module.PhoneSignIn);

/** /masuk: sign in with a mobile number (how people registered at an office get in) or with email. */
export function AccountPage() {
  const { t } = useLang();
  const session = useSession();
  if (session.state === "loading") return <Loading />;
  if (session.state === "signed-in") return <AccountSummary session={session} />;
  return (
    <>
      <h1>{t("account.title")}</h1>
      <section aria-labelledby="phone-title">
        <h2 id="phone-title">{t("phone.title")}</h2>
        <p>{t("phone.intro")}</p>
        <LazyPage load={loadPhoneSignIn} props={{}} />
      </section>
      <section aria-labelledby="email-title">
        <h2 id="email-title">{t("email.title")}</h2>
        <SignInForm />
      </section>
    </>
  );
}
