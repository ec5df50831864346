import { createUserWithEmailAndPassword, signInWithEmailAndPassword } from "firebase/auth";
import { useState } from "preact/hooks";
import { auth } from "../../firebase.js";
import { useLang, type MessageId } from "../../i18n/index.js";
import { navigate, PATHS } from "../../router.js";
import { authErrorMessage } from "./authErrors.js";
import { landingAfterSignIn } from "./landing.js";

type Intent = "sign-in" | "sign-up";

export function SignInForm() {
  const { t } = useLang();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageId | null>(null);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    // Two submit buttons share one form, so Enter in a field signs in (the first button).
    const intent: Intent = event instanceof SubmitEvent && event.submitter?.getAttribute("value") === "sign-up" ? "sign-up" : "sign-in";
    setBusy(true);
    setError(null);
    try {
      const act = intent === "sign-up" ? createUserWithEmailAndPassword : signInWithEmailAndPassword;
      const { user } = await act(auth, email.trim(), password);
      // A new account has registered nothing yet: straight to the registration form.
      const next = intent === "sign-up" ? PATHS.register : await landingAfterSignIn(user);
      // Unless the person already went elsewhere while the answer was on its way.
      if (next !== null && location.pathname === PATHS.account) navigate(next);
    } catch (failure) {
      setError(authErrorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t("account.title")}</h1>
      <form class="form card" onSubmit={onSubmit} aria-busy={busy}>
        <div class="field">
          <label for="sign-in-email">{t("account.email")}</label>
          <input id="sign-in-email" type="email" autoComplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="sign-in-password">{t("account.password")}</label>
          <input
            id="sign-in-password"
            type="password"
            autoComplete="current-password"
            required
            minLength={6}
            aria-describedby="sign-in-password-hint"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          <p id="sign-in-password-hint" class="hint">
            {t("account.passwordHint")}
          </p>
        </div>
        {error && (
          <p role="alert" class="notice notice-error" data-testid="sign-in-error">
            {t(error)}
          </p>
        )}
        <div class="actions">
          <button type="submit" value="sign-in" disabled={busy}>
            {busy ? t("account.busy") : t("account.signIn")}
          </button>
          <button type="submit" value="sign-up" class="button-secondary" disabled={busy}>
            {t("account.signUp")}
          </button>
        </div>
      </form>
    </section>
  );
}
