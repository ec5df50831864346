import { useEffect, useRef, useState } from "preact/hooks";
import { Field } from "../../components/Field.js";
import { callReportPayout, type MyInstallment, type MyPayoutCase } from "../../data/payouts.js";
import { noticeText, refusalNotice } from "../../data/refusals.js";
import { jakartaTime } from "../../format.js";
import { useMyPayoutsLang } from "../../i18n/myPayouts.js";
import { actionFailure, type ActionFailure } from "./actionFailure.js";
import { typedRupiah } from "./payoutView.js";

interface Props {
  /** The card's ID, the start of the controls' IDs. */
  id: string;
  installment: MyInstallment;
  latestCase: MyPayoutCase | null;
  /** Whether the buttons are offered (paid, no report open). */
  offered: boolean;
  onReported(opened: MyPayoutCase): void;
  onStale(): void;
}

type Kind = MyPayoutCase["kind"];

/**
 * "Tidak diterima" in one tap, "Diterima kurang" with the amount that did arrive: each opens a case
 * the program office reconciles with the partner's statement. The case, once open, is said here.
 * A retried tap sends the same request ID, so it opens one case.
 */
export function ReportActions({ id, installment, latestCase, offered, onReported, onStale }: Props) {
  const { lang, t } = useMyPayoutsLang();
  const [askingAmount, setAskingAmount] = useState(false);
  const [amount, setAmount] = useState("");
  const [amountError, setAmountError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const requestId = useRef<string | null>(null);
  const said = useRef<HTMLParagraphElement>(null);
  const amountId = `${id}-received`;
  // The case just opened (or the failure) takes the focus; a case already open when the page loads does not.
  const shownCase = useRef(latestCase?.id);
  useEffect(() => {
    if (latestCase?.id === shownCase.current && failure === null) return;
    shownCase.current = latestCase?.id;
    said.current?.focus();
  }, [latestCase?.id, failure]);
  useEffect(() => {
    if (askingAmount) document.getElementById(amountId)?.focus();
  }, [askingAmount, amountId]);

  const report = async (kind: Kind) => {
    if (busy) return;
    const amountReceived = kind === "received-less" ? typedRupiah(amount) : undefined;
    if (kind === "received-less" && (amountReceived === null || amountReceived === undefined || amountReceived >= installment.amount)) {
      setAmountError(refusalNotice("amount-received-invalid").text[lang]);
      document.getElementById(amountId)?.focus();
      return;
    }
    setAmountError(undefined);
    setFailure(null);
    setBusy(true);
    requestId.current ??= crypto.randomUUID();
    try {
      const answer = await callReportPayout({ installmentId: installment.id, kind, amountReceived: amountReceived ?? undefined, requestId: requestId.current });
      requestId.current = null;
      setAskingAmount(false);
      onReported(answer.case);
    } catch (error) {
      const shown = actionFailure("reportPayout", error);
      if (shown.kind === "refusal" && shown.reason === "amount-received-invalid") setAmountError(shown.text[lang]);
      else setFailure(shown);
      // Not paid (any more), or not theirs: what the server holds now is what to show.
      if (shown.kind === "refusal" && shown.reason !== "amount-received-invalid") {
        requestId.current = null;
        onStale();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="payout-report">
      {latestCase && (
        <p ref={said} tabIndex={-1} role="status" class={latestCase.status === "open" ? "notice" : "notice notice-ok"} data-testid="installment-case">
          {latestCase.status === "open"
            ? t("myPayouts.report.opened", { kind: t(`myPayouts.report.kind.${latestCase.kind}`), at: jakartaTime(new Date(latestCase.openedAt), lang) })
            : t("myPayouts.report.resolved", { kind: t(`myPayouts.report.kind.${latestCase.kind}`), resolution: latestCase.resolution ?? "" })}{" "}
          <span class="hint">{t("myPayouts.report.number", { id: latestCase.id.slice(0, 8).toUpperCase() })}</span>
        </p>
      )}
      {failure && (
        <p ref={latestCase ? undefined : said} tabIndex={-1} role="alert" class="notice notice-error" data-testid="installment-report-error">
          {failure.kind === "fields" ? failure.errors[0]?.message[lang] : noticeText(failure, lang, t)}
        </p>
      )}
      {offered && (
        <div role="group" aria-labelledby={`${id}-report-question`} class="stack">
          <p id={`${id}-report-question`}>{t("myPayouts.report.question")}</p>
          {!askingAmount ? (
            <div class="actions">
              <button type="button" class="button-secondary" disabled={busy} onClick={() => void report("not-received")}>
                {busy ? t("myPayouts.report.busy") : t("myPayouts.report.notReceived")}
              </button>
              <button type="button" class="button-secondary" disabled={busy} onClick={() => setAskingAmount(true)}>
                {t("myPayouts.report.receivedLess")}
              </button>
            </div>
          ) : (
            <form
              class="form"
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                void report("received-less");
              }}
            >
              <Field id={amountId} label={t("myPayouts.report.amount")} hint={t("myPayouts.report.amountHint")} error={amountError}>
                {(control) => (
                  <input {...control} type="text" inputMode="numeric" autoComplete="off" value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
                )}
              </Field>
              <div class="actions">
                <button type="submit" disabled={busy}>
                  {busy ? t("myPayouts.report.busy") : t("myPayouts.report.send")}
                </button>
                <button type="button" class="button-secondary" disabled={busy} onClick={() => setAskingAmount(false)}>
                  {t("myPayouts.report.cancel")}
                </button>
              </div>
            </form>
          )}
        </div>
      )}
    </div>
  );
}
