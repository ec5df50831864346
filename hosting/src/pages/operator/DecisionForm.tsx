import { useRef, useState } from "preact/hooks";
import type { IdentityDocument, RejectionReason } from "@schemas";
import { DOCUMENT_TEXT, REJECTION_TEXT } from "@schemas/verificationMessages.js";
import { Field } from "../../components/Field.js";
import { FieldMessage } from "../../components/FieldMessage.js";
import { RadioGroup } from "../../components/RadioGroup.js";
import { noticeText } from "../../data/refusals.js";
import { callDecideVerification, type DecideVerificationResult } from "../../data/verification.js";
import { useDeskLang } from "../../i18n/desk.js";
import {
  checkDecision,
  DECISION_FIELDS,
  decisionFailure,
  decisionKey,
  DOCUMENTS,
  emptyDecision,
  REJECTIONS,
  type DecisionErrors,
  type DecisionNotice,
  type DecisionValues,
} from "./decision.js";

interface Props {
  /** The form's ID, which starts its controls' IDs. */
  id: string;
  uid: string;
  onDecided(result: DecideVerificationResult): void;
}

/**
 * The operator's decision on a case, with the documents in hand: verified (the original KTP seen,
 * and what else) or rejected with a reason. Checked with decideVerification's own schema; sending
 * the same decision again reuses its request ID, so it is recorded once.
 */
export function DecisionForm({ id, uid, onDecided }: Props) {
  const { lang, t } = useDeskLang();
  const [values, setValues] = useState<DecisionValues>(emptyDecision);
  const [errors, setErrors] = useState<DecisionErrors>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<DecisionNotice | null>(null);
  const attempt = useRef<{ key: string; requestId: string } | null>(null);

  const change = (patch: Partial<DecisionValues>) => {
    setValues((shown) => ({ ...shown, ...patch }));
    // A message was about what was chosen before: it goes with the change.
    setErrors((shown) => ({ ...shown, ...Object.fromEntries(Object.keys(patch).map((field) => [field, undefined])), form: undefined }));
    setNotice(null);
  };
  const toggle = (document: IdentityDocument, seen: boolean) =>
    change({ documentsSeen: seen ? [...values.documentsSeen, document] : values.documentsSeen.filter((d) => d !== document) });

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const key = decisionKey(uid, values);
    if (attempt.current?.key !== key) attempt.current = { key, requestId: crypto.randomUUID() };
    const checked = checkDecision(uid, values, attempt.current.requestId);
    setNotice(null);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirst(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const result = await callDecideVerification(checked.input);
      attempt.current = null;
      onDecided(result);
    } catch (error) {
      const failure = decisionFailure(error);
      if (failure.kind === "fields") {
        setErrors(failure.errors);
        focusFirst(failure.errors);
      } else setNotice(failure);
      // A clash means the ID was used for another decision: the next one needs a new ID.
      if (failure.kind === "refusal" && failure.reason === "request-id-reused") attempt.current = null;
    } finally {
      setBusy(false);
    }
  };

  const focusFirst = (found: DecisionErrors) => {
    const first = DECISION_FIELDS.find((field) => found[field]);
    const control = { decision: `${id}-decision-verified`, documentsSeen: `${id}-documents-ktp`, rejection: `${id}-rejection` } as const;
    if (first) document.getElementById(control[first])?.focus();
  };

  const errorText = (field: keyof DecisionErrors) => errors[field]?.message[lang];
  const documentsError = errorText("documentsSeen");
  return (
    <form id={id} class="form decision" noValidate onSubmit={submit} aria-busy={busy} data-testid="decision-form">
      <RadioGroup
        name={`${id}-decision`}
        legend={t("desk.decision.legend")}
        options={[
          { value: "verified", label: t("desk.decision.verified") },
          { value: "rejected", label: t("desk.decision.rejected") },
        ]}
        value={values.decision}
        error={errorText("decision")}
        onChange={(decision) => change({ decision })}
        onBlur={() => undefined}
      />
      {values.decision !== "" && (
        <fieldset class={documentsError ? "field choices field-invalid" : "field choices"}>
          <legend>{t("desk.decision.documents")}</legend>
          {DOCUMENTS.map((document) => (
            <label key={document} class="choice">
              <input
                type="checkbox"
                id={`${id}-documents-${document}`}
                checked={values.documentsSeen.includes(document)}
                aria-invalid={documentsError ? "true" : undefined}
                aria-describedby={documentsError ? `${id}-documents-error` : undefined}
                onChange={(e) => toggle(document, e.currentTarget.checked)}
              />
              <span>{DOCUMENT_TEXT[document][lang]}</span>
            </label>
          ))}
          <FieldMessage id={`${id}-documents`} error={documentsError} />
        </fieldset>
      )}
      {values.decision === "rejected" && (
        <Field id={`${id}-rejection`} label={t("desk.decision.reason")} error={errorText("rejection")}>
          {(control) => (
            <select {...control} value={values.rejection} onChange={(e) => change({ rejection: e.currentTarget.value as RejectionReason | "" })}>
              <option value="">{t("desk.decision.choose")}</option>
              {REJECTIONS.map((reason) => (
                <option key={reason} value={reason}>
                  {REJECTION_TEXT[reason][lang]}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div class="actions">
        <button type="submit" disabled={busy}>
          {busy ? t("desk.decision.busy") : t("desk.decision.submit")}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="decision-outcome">
        {notice && <p class="notice notice-error">{noticeText(notice, lang, t)}</p>}
        {!notice && Object.values(errors).some(Boolean) && <p class="notice notice-error">{errorText("form") ?? t("desk.decision.fixErrors")}</p>}
      </div>
    </form>
  );
}
