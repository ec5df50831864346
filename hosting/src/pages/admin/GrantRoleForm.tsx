import { useRef, useState } from "preact/hooks";
import { afterTap } from "../../components/afterTap.js";
import { Field } from "../../components/Field.js";
import { callable } from "../../data/callable.js";
import { useLang } from "../../i18n/index.js";
import { grantFailure } from "./grantFailure.js";
import { checkGrant, errorsByField, GRANT_FIELDS, ROLE_OPTIONS, submissionKey, type GrantErrors, type GrantField, type GrantValues } from "./grantRoleInput.js";
import { GrantResult, type Outcome } from "./GrantResult.js";
import { RegionPicker } from "./RegionPicker.js";

const callGrantRole = callable("grantRole");

export function GrantRoleForm({ onGranted }: { onGranted(): void }) {
  const { lang, t } = useLang();
  const [values, setValues] = useState<GrantValues>({ email: "", role: "operator", region: "", partner: "" });
  const [errors, setErrors] = useState<GrantErrors>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // The submission being attempted: retrying the same values reuses its request ID (idempotency).
  const attempt = useRef<{ key: string; requestId: string } | null>(null);

  const recheck = (next: GrantValues, fields: readonly GrantField[]) => {
    const checked = checkGrant(next, attempt.current?.requestId ?? crypto.randomUUID());
    const found = checked.ok ? {} : checked.errors;
    setErrors((shown) => ({ ...shown, ...Object.fromEntries(fields.map((field) => [field, found[field]])) }));
  };

  const change = (field: GrantField, value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    // A refusal was about what was typed before ("no such account" for another email): it goes.
    setOutcome((shown) => (shown?.kind === "failed" ? null : shown));
    // Once a field shows a problem, say as soon as it is fixed; a role change can fix the region.
    const shown = GRANT_FIELDS.filter((f) => errors[f] && (f === field || field === "role"));
    if (shown.length > 0) recheck(next, shown);
  };

  // Checked when the field is left, once the tap that left it is over (see afterTap).
  const current = useRef(values);
  current.current = values;
  const check = (field: GrantField) => afterTap(() => recheck(current.current, [field]));

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const key = submissionKey(values);
    if (attempt.current?.key !== key) attempt.current = { key, requestId: crypto.randomUUID() };
    const checked = checkGrant(values, attempt.current.requestId);
    setOutcome(null);
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = GRANT_FIELDS.find((field) => checked.errors[field]);
      if (first) document.getElementById(`grant-${first}`)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const result = await callGrantRole(checked.input);
      attempt.current = null;
      setOutcome({ kind: "done", result, email: checked.input.email });
      onGranted();
    } catch (error) {
      const failure = grantFailure(error);
      if (failure.kind === "fields") setErrors(errorsByField(failure.errors));
      else setOutcome({ kind: "failed", notice: failure });
      // A clash means the ID was used for something else: the next submission needs a new one.
      if (failure.kind === "refusal" && failure.reason === "request-id-reused") attempt.current = null;
    } finally {
      setBusy(false);
    }
  };

  const errorText = (field: GrantField | "form") => errors[field]?.message[lang];
  const hasErrors = Object.values(errors).some(Boolean);
  // A server message about the region while its field is hidden still has to be seen.
  const formError =
    errorText("form") ?? (values.role === "operator" ? undefined : errorText("region")) ?? (values.role === "partner" ? undefined : errorText("partner"));

  return (
    <section aria-labelledby="grant-title">
      <h2 id="grant-title">{t("grant.title")}</h2>
      <form class="form card" noValidate onSubmit={submit} aria-busy={busy} data-testid="grant-role-form">
        <Field id="grant-email" label={t("grant.email")} error={errorText("email")}>
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="off"
              spellcheck={false}
              value={values.email}
              onInput={(e) => change("email", e.currentTarget.value)}
              onBlur={() => check("email")}
            />
          )}
        </Field>
        <Field id="grant-role" label={t("grant.role")} error={errorText("role")}>
          {(control) => (
            <select {...control} value={values.role} onChange={(e) => change("role", e.currentTarget.value)} onBlur={() => check("role")}>
              {ROLE_OPTIONS.map((role) => (
                <option key={role} value={role}>
                  {t(`role.${role}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {values.role === "operator" && (
          <RegionPicker value={values.region} onChange={(code) => change("region", code)} error={errorText("region")} onBlur={() => check("region")} />
        )}
        {values.role === "partner" && (
          <Field id="grant-partner" label={t("grant.partner")} hint={t("grant.partnerHint")} error={errorText("partner")}>
            {(control) => (
              <input
                {...control}
                type="text"
                autoComplete="off"
                spellcheck={false}
                maxLength={64}
                value={values.partner}
                onInput={(e) => change("partner", e.currentTarget.value)}
                onBlur={() => check("partner")}
              />
            )}
          </Field>
        )}
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? t("grant.busy") : t("grant.submit")}
          </button>
        </div>
        {hasErrors && (
          <p role="alert" class="notice notice-error" data-testid="grant-form-error">
            {formError ?? t("grant.fixErrors")}
          </p>
        )}
        <GrantResult outcome={outcome} />
      </form>
    </section>
  );
}
