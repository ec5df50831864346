import { useState } from "preact/hooks";
import { Field } from "../../components/Field.js";
import { groupedCode, typedCode } from "../../data/accountCode.js";
import { useDeskLang } from "../../i18n/desk.js";
import { JoinOnBehalf } from "./JoinOnBehalf.js";

/**
 * A person registered earlier (by themself, or at an office) comes to the desk to join the open
 * wave: the operator types the account code their status page shows (their account's ID, which
 * joinWaveOnBehalf takes), then asks for their consent and joins them.
 */
export function JoinByAccount() {
  const { t } = useDeskLang();
  const [typed, setTyped] = useState("");
  const [error, setError] = useState(false);
  const [uid, setUid] = useState<string | null>(null);

  const next = (event: Event) => {
    event.preventDefault();
    const code = typedCode(typed);
    setError(code === null);
    setUid(code);
    if (code === null) document.getElementById("by-account-code")?.focus();
  };

  return (
    <section aria-labelledby="by-account-title" class="card desk-section" data-testid="join-by-account">
      <h2 id="by-account-title">{t("desk.byAccount.title")}</h2>
      <p>{t("desk.byAccount.intro")}</p>
      <form class="form" noValidate onSubmit={next}>
        <Field
          id="by-account-code"
          label={t("desk.byAccount.code")}
          hint={t("desk.byAccount.codeHint")}
          error={error ? t("desk.byAccount.invalid") : undefined}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              autoCapitalize="off"
              spellcheck={false}
              value={typed}
              onInput={(e) => {
                setTyped(e.currentTarget.value);
                // Another code is another person: what was shown for the last one goes.
                setUid(null);
                setError(false);
              }}
            />
          )}
        </Field>
        <div class="actions">
          <button type="submit" class="button-secondary">
            {t("desk.byAccount.next")}
          </button>
        </div>
      </form>
      {uid !== null && (
        <div data-testid="by-account-person">
          <p class="muted">{t("desk.byAccount.for", { code: groupedCode(uid) })}</p>
          <JoinOnBehalf key={uid} uid={uid} />
        </div>
      )}
    </section>
  );
}
