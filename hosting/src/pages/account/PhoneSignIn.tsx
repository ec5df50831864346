import { RecaptchaVerifier, signInWithPhoneNumber, type ConfirmationResult } from "firebase/auth";
import { useEffect, useRef, useState } from "preact/hooks";
import { REGISTRATION_MESSAGES } from "@schemas/registrationMessages.js";
import { Field } from "../../components/Field.js";
import { auth } from "../../firebase.js";
import { useLang, type MessageId } from "../../i18n/index.js";
import { navigate, PATHS } from "../../router.js";
import { authErrorMessage } from "./authErrors.js";
import { landingAfterSignIn } from "./landing.js";
import { signInNumber } from "./phoneNumber.js";

type Problem = { field: "number" | "code" | "form"; message: MessageId | "phone-format" };

/**
 * Sign-in with a mobile number and the code Auth sends to it by SMS: the way in for people an
 * operator registered at the labor office (their account is tied to the number recorded there),
 * and for anyone who prefers it. An invisible reCAPTCHA guards the SMS; on the local emulators
 * Auth skips it and lists the codes it "sent" instead of sending them.
 */
export function PhoneSignIn() {
  const { lang, t } = useLang();
  const [typed, setTyped] = useState("");
  const [code, setCode] = useState("");
  const [sentTo, setSentTo] = useState<{ e164: string; confirmation: ConfirmationResult } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const verifierBox = useRef<HTMLDivElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (sentTo) codeInput.current?.focus();
  }, [sentTo]);

  const say = (field: Problem["field"], error: unknown) => setProblem({ field, message: authErrorMessage(error) });

  const sendCode = async (event?: Event) => {
    event?.preventDefault();
    const e164 = signInNumber(typed);
    if (e164 === null) return setProblem({ field: "number", message: "phone-format" });
    setBusy(true);
    setProblem(null);
    // A verifier (and its widget's element) serves one attempt: new ones for each code asked for.
    const box = document.createElement("div");
    verifierBox.current!.replaceChildren(box);
    const verifier = new RecaptchaVerifier(auth, box, { size: "invisible" });
    // The SMS in the page's language.
    auth.languageCode = lang;
    try {
      setSentTo({ e164, confirmation: await signInWithPhoneNumber(auth, e164, verifier) });
      setCode("");
    } catch (error) {
      say(sentTo === null ? "number" : "code", error);
    } finally {
      verifier.clear();
      setBusy(false);
    }
  };

  const confirm = async (event: Event) => {
    event.preventDefault();
    if (!sentTo) return;
    setBusy(true);
    setProblem(null);
    try {
      const { user } = await sentTo.confirmation.confirm(code.replace(/\s/g, ""));
      const next = await landingAfterSignIn(user);
      if (next !== null && location.pathname === PATHS.account) navigate(next);
    } catch (error) {
      say("code", error);
      setBusy(false);
    }
  };

  const text = (found: Problem | null, field: Problem["field"]) =>
    found?.field !== field ? undefined : found.message === "phone-format" ? REGISTRATION_MESSAGES["phone-format"][lang] : t(found.message);

  return (
    <div class="stack">
      {sentTo === null ? (
        <form class="form card" noValidate onSubmit={sendCode} aria-busy={busy} data-testid="phone-form">
          <Field id="phone-number" label={t("phone.number")} hint={t("phone.numberHint")} error={text(problem, "number")}>
            {(control) => (
              <input
                {...control}
                type="tel"
                autoComplete="tel-national"
                value={typed}
                onInput={(e) => {
                  setTyped(e.currentTarget.value);
                  setProblem(null);
                }}
              />
            )}
          </Field>
          <div class="actions">
            <button type="submit" disabled={busy}>
              {busy ? t("phone.sending") : t("phone.send")}
            </button>
          </div>
        </form>
      ) : (
        <form class="form card" noValidate onSubmit={confirm} aria-busy={busy} data-testid="phone-code-form">
          <p role="status" class="notice" data-testid="phone-sent">
            {t("phone.sent", { phone: sentTo.e164 })}
          </p>
          <Field id="phone-code" label={t("phone.code")} hint={t("phone.codeHint")} error={text(problem, "code")}>
            {(control) => (
              <input
                {...control}
                ref={codeInput}
                type="text"
                inputMode="numeric"
                autoComplete="one-time-code"
                spellcheck={false}
                value={code}
                onInput={(e) => {
                  setCode(e.currentTarget.value);
                  setProblem(null);
                }}
              />
            )}
          </Field>
          <div class="actions">
            <button type="submit" disabled={busy}>
              {busy ? t("account.busy") : t("phone.confirm")}
            </button>
            <button type="button" class="button-secondary" disabled={busy} onClick={() => void sendCode()}>
              {t("phone.resend")}
            </button>
            <button
              type="button"
              class="button-secondary"
              disabled={busy}
              onClick={() => {
                setSentTo(null);
                setProblem(null);
              }}
            >
              {t("phone.otherNumber")}
            </button>
          </div>
        </form>
      )}
      <div ref={verifierBox} />
    </div>
  );
}
