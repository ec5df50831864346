import { useRef, useState } from "preact/hooks";
import { PAYOUT_CASE_RESOLUTIONS } from "@schemas/payouts.js";
import type { OpenCaseView } from "@schemas/payoutViews.js";
import { Field } from "../../components/Field.js";
import { callResolvePayoutCase } from "../../data/payouts.js";
import { noticeText } from "../../data/refusals.js";
import { jakartaDate } from "../../format.js";
import { usePaymentsLang } from "../../i18n/payments.js";
import { paymentsFailure } from "./actionFailure.js";

type Resolution = (typeof PAYOUT_CASE_RESOLUTIONS)[number];

interface Props {
  /** The open reports, as the table above lists them. */
  cases: OpenCaseView[];
  onResolved(text: string): void;
}

/** The option chosen, as one of the findings the callable accepts ("" for none). */
const resolutionOf = (value: string): Resolution | "" => PAYOUT_CASE_RESOLUTIONS.find((resolution) => resolution === value) ?? "";

/** The shortest note the callable accepts (schemas/payouts.ts: 3 characters once trimmed). */
const MIN_NOTE = 3;

type FieldName = "case" | "resolution" | "note";

/**
 * Closing one participant's report (admins): which report, what was found against the partner's
 * statement, and a note the participant reads on "my incentives". Each missing choice is said at
 * its field, the first of them takes the focus; a refusal is said above the button.
 */
export function CaseResolveForm({ cases, onResolved }: Props) {
  const { lang, t } = usePaymentsLang();
  const [chosen, setChosen] = useState("");
  const [resolution, setResolution] = useState<Resolution | "">("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Kept until the server answers: a retried tap after a lost answer resolves the report once.
  const requestId = useRef<string | null>(null);
  const id = "case-resolve";
  const entry = cases.find((open) => open.id === chosen);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const found: Partial<Record<FieldName, string>> = {
      ...(entry === undefined ? { case: t("payments.cases.chooseCase") } : {}),
      ...(resolution === "" ? { resolution: t("payments.cases.chooseResolution") } : {}),
      ...(note.trim().length < MIN_NOTE ? { note: t("payments.noteRequired") } : {}),
    };
    setErrors(found);
    const first = (["case", "resolution", "note"] as const).find((field) => found[field] !== undefined);
    if (first !== undefined || entry === undefined || resolution === "") {
      if (first !== undefined) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setFailed(null);
    setBusy(true);
    requestId.current ??= crypto.randomUUID();
    try {
      await callResolvePayoutCase({ id: entry.id, resolution, note: note.trim(), requestId: requestId.current });
      requestId.current = null;
      setNote("");
      setResolution("");
      onResolved(t("payments.cases.resolved", { installment: entry.installmentId }));
    } catch (error) {
      const failure = paymentsFailure("resolvePayoutCase", error);
      if (failure.kind === "refusal") requestId.current = null;
      setFailed(failure.kind === "fields" ? (failure.errors[0]?.message[lang] ?? "") : noticeText(failure, lang, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form card" noValidate onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`} data-testid="case-resolve-form">
      <h3 id={`${id}-title`}>{t("payments.cases.resolveTitle")}</h3>
      <Field id={`${id}-case`} label={t("payments.cases.case")} error={errors.case}>
        {(control) => (
          <select
            {...control}
            value={entry?.id ?? ""}
            onChange={(e) => {
              setChosen(e.currentTarget.value);
              requestId.current = null;
            }}
          >
            <option value="">{t("payments.cases.choose")}</option>
            {cases.map((open) => (
              <option key={open.id} value={open.id}>
                {t("payments.cases.option", {
                  installment: open.installmentId,
                  kind: t(`payments.cases.kind.${open.kind}`),
                  opened: jakartaDate(new Date(open.openedAt), lang),
                })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-resolution`} label={t("payments.cases.resolution")} error={errors.resolution}>
        {(control) => (
          <select {...control} value={resolution} onChange={(e) => setResolution(resolutionOf(e.currentTarget.value))}>
            <option value="">{t("payments.cases.choose")}</option>
            {PAYOUT_CASE_RESOLUTIONS.map((value) => (
              <option key={value} value={value}>
                {t(`payments.cases.resolution.${value}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-note`} label={t("payments.cases.note")} hint={t("payments.cases.noteHint")} error={errors.note}>
        {(control) => <textarea {...control} rows={3} maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
      </Field>
      {failed && (
        <p role="alert" class="notice notice-error" data-testid="case-resolve-error">
          {failed}
        </p>
      )}
      <div class="actions">
        <button type="submit" disabled={busy}>
          {busy ? t("payments.busy") : t("payments.cases.resolve")}
        </button>
      </div>
    </form>
  );
}
