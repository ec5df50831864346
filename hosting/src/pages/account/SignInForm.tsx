import { createUserWithEmailAndPassword, sendPasswordResetEmail, signInWithEmailAndPassword } from "firebase/auth";
import { useState } from "preact/hooks";
import { auth } from "../../firebase.js";
import { useLang, type MessageId } from "../../i18n/index.js";
import { navigate, PATHS } from "../../router.js";
import { authErrorMessage } from "./authErrors.js";
import { landingAfterSignIn } from "./landing.js";

type Intent = "sign-in" | "sign-up";
type Outcome = { kind: "error"; message: MessageId } | { kind: "reset-sent"; email: string };

// Whether an email has an account is not told to whoever asks for a reset: the answer is the same.
const RESET_SAME_ANSWER = ["auth/user-not-found", "auth/invalid-credential"];

export function SignInForm() {
  const { t } = useLang();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  // Shown, the password is checked by eye as it is typed: what a second "repeat password" field is for.
  const [showPassword, setShowPassword] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    // Two submit buttons share one form, so Enter in a field signs in (the first button).
    const intent: Intent = event instanceof SubmitEvent && event.submitter?.getAttribute("value") === "sign-up" ? "sign-up" : "sign-in";
    setBusy(true);
    setOutcome(null);
    try {
      const act = intent === "sign-up" ? createUserWithEmailAndPassword : signInWithEmailAndPassword;
      const { user } = await act(auth, email.trim(), password);
      // A new account has registered nothing yet: straight to the registration form.
      const next = intent === "sign-up" ? PATHS.register : await landingAfterSignIn(user);
      // Unless the person already went elsewhere while the answer was on its way.
      if (next !== null && location.pathname === PATHS.account) navigate(next);
    } catch (failure) {
      setOutcome({ kind: "error", message: authErrorMessage(failure) });
    } finally {
      setBusy(false);
    }
  };

  const resetPassword = async () => {
    const address = email.trim();
    if (address === "") return setOutcome({ kind: "error", message: "account.resetNeedsEmail" });
    setBusy(true);
    setOutcome(null);
    try {
      await sendPasswordResetEmail(auth, address);
      setOutcome({ kind: "reset-sent", email: address });
    } catch (failure) {
      const code = (failure as { code?: unknown }).code;
      if (typeof code === "string" && RESET_SAME_ANSWER.includes(code)) setOutcome({ kind: "reset-sent", email: address });
      else setOutcome({ kind: "error", message: authErrorMessage(failure) });
    } finally {
      setBusy(false);
    }
  };

  // A message is about what was typed: typing again clears it.
  const typed = (set: (value: string) => void) => (event: Event) => {
    set((event.currentTarget as HTMLInputElement).value);
    setOutcome(null);
  };

  return (
    <form class="form card" onSubmit={onSubmit} aria-busy={busy} data-testid="email-form">
      <div class="field">
        <label for="sign-in-email">{t("account.email")}</label>
        <input id="sign-in-email" type="email" autoComplete="username" required value={email} onInput={typed(setEmail)} />
      </div>
      <div class="field">
        <label for="sign-in-password">{t("account.password")}</label>
        <input
          id="sign-in-password"
          type={showPassword ? "text" : "password"}
          autoComplete="current-password"
          required
          minLength={6}
          spellcheck={false}
          aria-describedby="sign-in-password-hint"
          value={password}
          onInput={typed(setPassword)}
        />
        <p id="sign-in-password-hint" class="hint">
          {t("account.passwordHint")}
        </p>
        <label class="choice" for="sign-in-show-password">
          <input type="checkbox" id="sign-in-show-password" checked={showPassword} onChange={(e) => setShowPassword(e.currentTarget.checked)} />
          <span>{t("account.showPassword")}</span>
        </label>
      </div>
      <div class="actions">
        <button type="submit" value="sign-in" disabled={busy}>
          {busy ? t("account.busy") : t("account.signIn")}
        </button>
        <button type="submit" value="sign-up" class="button-secondary" disabled={busy}>
          {t("account.signUp")}
        </button>
        <button type="button" class="button-quiet" disabled={busy} onClick={resetPassword}>
          {t("account.forgot")}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="sign-in-outcome">
        {outcome?.kind === "error" && (
          <p class="notice notice-error" data-testid="sign-in-error">
            {t(outcome.message)}
          </p>
        )}
        {outcome?.kind === "reset-sent" && (
          <p class="notice notice-ok" data-testid="reset-sent">
            {t("account.resetSent", { email: outcome.email })}
          </p>
        )}
      </div>
    </form>
  );
}
