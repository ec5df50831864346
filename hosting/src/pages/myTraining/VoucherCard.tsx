import { useEffect, useRef, useState } from "preact/hooks";
import { callCancelPurchase, callReportPurchase, type MyVoucher } from "../../data/myTraining.js";
import { noticeText } from "../../data/refusals.js";
import { jakartaTime, rupiah } from "../../format.js";
import { useMyTrainingLang } from "../../i18n/myTraining.js";
import { actionFailure, type ActionFailure } from "./actionFailure.js";
import { CopyCode } from "./CopyCode.js";
import { codeInForce, sessionsAttended, STATE_TEXT, voucherActions } from "./myTrainingView.js";
import { ReviewForm } from "./ReviewForm.js";
import { useNow } from "./useNow.js";

export interface VoucherChanges {
  cancelled(redeemCode: string, balance: number): void;
  reported(redeemCode: string, balance: number): void;
  reviewed(redeemCode: string): void;
  /** An action was refused: the server's state moved on, read it again. */
  stale(): void;
}

type Undo = "cancel" | "report";
type Outcome =
  { kind: "cancelled" | "reported"; amount: number; balance: number } | { kind: "reviewed"; entitled: boolean } | { kind: "failed"; failure: ActionFailure };

const MINUTE = 60_000;

/** One bought training: its redeem code, where it stands, and what the participant can still do about it. */
export function VoucherCard({ voucher, changes }: { voucher: MyVoucher; changes: VoucherChanges }) {
  const { lang, t } = useMyTrainingLang();
  const now = useNow(MINUTE);
  const actions = voucherActions(voucher, now);
  const sessions = sessionsAttended(voucher);
  const id = `voucher-${voucher.redeemCode.replace(/[^A-Za-z0-9_-]/g, "")}`;
  const [confirming, setConfirming] = useState<Undo | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  // The question takes the focus when it appears; the outcome when the buttons go away with the answer.
  const question = useRef<HTMLParagraphElement>(null);
  const said = useRef<HTMLParagraphElement>(null);
  const opener = useRef<Record<Undo, HTMLButtonElement | null>>({ cancel: null, report: null });
  useEffect(() => question.current?.focus(), [confirming]);
  useEffect(() => said.current?.focus(), [outcome]);

  const keep = () => {
    const undo = confirming;
    setConfirming(null);
    if (undo) requestAnimationFrame(() => opener.current[undo]?.focus());
  };

  const undo = async (kind: Undo) => {
    setBusy(true);
    setOutcome(null);
    const input = { redeemCode: voucher.redeemCode };
    try {
      if (kind === "cancel") {
        const { balance } = await callCancelPurchase(input);
        setOutcome({ kind: "cancelled", amount: voucher.amount, balance });
        changes.cancelled(voucher.redeemCode, balance);
      } else {
        const { balance } = await callReportPurchase(input);
        setOutcome({ kind: "reported", amount: voucher.amount, balance });
        changes.reported(voucher.redeemCode, balance);
      }
    } catch (error) {
      const failure = actionFailure(kind === "cancel" ? "cancelPurchase" : "reportPurchase", error);
      setOutcome({ kind: "failed", failure });
      if (failure.kind === "refusal") changes.stale();
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };

  // The form goes away with the answer; its outcome is said here, where it stays.
  const reviewed = (entitled: boolean) => {
    setOutcome({ kind: "reviewed", entitled });
    changes.reviewed(voucher.redeemCode);
  };

  const outcomeText = (shown: Outcome): string => {
    if (shown.kind === "failed") return shown.failure.kind === "fields" ? shown.failure.errors[0].message[lang] : noticeText(shown.failure, lang, t);
    if (shown.kind === "reviewed") return t(shown.entitled ? "myTraining.review.entitled" : "myTraining.review.thanks");
    const amounts = { amount: rupiah(shown.amount), balance: rupiah(shown.balance) };
    return shown.kind === "cancelled" ? t("myTraining.cancel.done", amounts) : t("myTraining.report.done", amounts);
  };

  return (
    <li class="card voucher" data-testid="voucher" data-state={voucher.state} data-redeem-code={voucher.redeemCode}>
      <h3 id={`${id}-title`}>{voucher.title}</h3>
      <CopyCode id={`${id}-code`} testId="voucher-code" label={t("myTraining.voucher.code")} code={voucher.redeemCode} />
      <p class="hint">{codeInForce(voucher) ? t("myTraining.voucher.codeHint", { institution: voucher.institution }) : t("myTraining.voucher.codeVoid")}</p>
      <dl class="my-facts">
        <div class="fact">
          <dt>{t("myTraining.voucher.state")}</dt>
          <dd data-testid="voucher-state">{t(STATE_TEXT[voucher.state])}</dd>
        </div>
        <div class="fact">
          <dt>{t("myTraining.voucher.institution")}</dt>
          <dd>{voucher.institution}</dd>
        </div>
        <div class="fact">
          <dt>{t("myTraining.voucher.platform")}</dt>
          <dd>{voucher.platform}</dd>
        </div>
        <div class="fact">
          <dt>{t("myTraining.voucher.starts")}</dt>
          <dd>{jakartaTime(new Date(voucher.startsAt), lang)}</dd>
        </div>
        <div class="fact">
          <dt>{t("myTraining.voucher.price")}</dt>
          <dd class="amount">{rupiah(voucher.amount)}</dd>
        </div>
        <div class="fact">
          <dt>{t("myTraining.voucher.sessions")}</dt>
          <dd data-testid="voucher-sessions">{sessions ? t("myTraining.voucher.sessionsList", sessions) : t("myTraining.voucher.sessionsNone")}</dd>
        </div>
        <div class="fact">
          <dt>{t("myTraining.voucher.postTest")}</dt>
          <dd data-testid="voucher-post-test">{voucher.postTest ? t("myTraining.voucher.postTestDone") : t("myTraining.voucher.postTestNotYet")}</dd>
        </div>
      </dl>
      {outcome && (
        <p
          ref={said}
          tabIndex={-1}
          role={outcome.kind === "failed" ? "alert" : "status"}
          class={outcome.kind === "failed" ? "notice notice-error" : "notice notice-ok"}
          data-testid="voucher-outcome"
        >
          {outcomeText(outcome)}
        </p>
      )}
      {actions.cancel && voucher.cancellableUntil !== null && (
        <p>{t("myTraining.cancel.until", { until: jakartaTime(new Date(voucher.cancellableUntil), lang), amount: rupiah(voucher.amount) })}</p>
      )}
      {confirming === null && (actions.cancel || actions.report) && (
        <div class="actions">
          {actions.cancel && (
            <button
              type="button"
              ref={(button) => {
                opener.current.cancel = button;
              }}
              onClick={() => setConfirming("cancel")}
            >
              {t("myTraining.cancel.button")}
            </button>
          )}
          {actions.report && (
            <button
              type="button"
              class="button-secondary"
              ref={(button) => {
                opener.current.report = button;
              }}
              onClick={() => setConfirming("report")}
            >
              {t("myTraining.report.button")}
            </button>
          )}
        </div>
      )}
      {confirming !== null && (
        <div class="notice confirm" role="group" aria-labelledby={`${id}-question`} data-testid="voucher-confirm">
          <p id={`${id}-question`} ref={question} tabIndex={-1}>
            {confirming === "cancel"
              ? t("myTraining.cancel.confirm", { title: voucher.title, amount: rupiah(voucher.amount) })
              : t("myTraining.report.confirm", { title: voucher.title, amount: rupiah(voucher.amount) })}
          </p>
          <div class="actions">
            <button type="button" onClick={() => void undo(confirming)} disabled={busy}>
              {confirming === "cancel"
                ? t(busy ? "myTraining.cancel.busy" : "myTraining.cancel.yes")
                : t(busy ? "myTraining.report.busy" : "myTraining.report.yes")}
            </button>
            <button type="button" class="button-secondary" onClick={keep} disabled={busy}>
              {t("myTraining.keep")}
            </button>
          </div>
        </div>
      )}
      {actions.review && <ReviewForm id={id} redeemCode={voucher.redeemCode} onReviewed={reviewed} onStale={changes.stale} />}
      {voucher.state === "completed" && voucher.reviewed && outcome?.kind !== "reviewed" && <p class="muted">{t("myTraining.review.done")}</p>}
    </li>
  );
}
