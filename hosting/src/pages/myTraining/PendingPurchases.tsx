import { useEffect, useRef, useState } from "preact/hooks";
import { callDeclinePurchase, type PendingPurchase } from "../../data/myTraining.js";
import { noticeText } from "../../data/refusals.js";
import { jakartaTime, rupiah } from "../../format.js";
import { useMyTrainingLang } from "../../i18n/myTraining.js";
import { actionFailure, type ActionFailure } from "./actionFailure.js";
import { CopyCode } from "./CopyCode.js";
import { countdown } from "./myTrainingView.js";
import { useNow } from "./useNow.js";

interface Props {
  pending: readonly PendingPurchase[];
  /** Asking the server again is under way / failed the last time. */
  checking: boolean;
  checkFailed: boolean;
  onCheck(): void;
  onDeclined(id: string): void;
}

type Outcome = { kind: "declined"; title: string; platform: string } | { kind: "failed"; failure: ActionFailure };

/**
 * Purchases a platform asked for, waiting for the participant's code: first on the page, since a
 * platform's checkout is waiting. A request that arrives while the page is open shows on "check
 * for new requests" (and when the participant comes back to the page).
 */
export function PendingPurchases({ pending, checking, checkFailed, onCheck, onDeclined }: Props) {
  const { lang, t } = useMyTrainingLang();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // The declined request's card goes away with its button: its outcome takes the focus.
  const shown = useRef<HTMLParagraphElement>(null);
  useEffect(() => shown.current?.focus(), [outcome]);

  const decline = async (purchase: PendingPurchase): Promise<void> => {
    setOutcome(null);
    try {
      await callDeclinePurchase({ id: purchase.id });
      setOutcome({ kind: "declined", title: purchase.title, platform: purchase.platform });
      onDeclined(purchase.id);
    } catch (error) {
      const failure = actionFailure("declinePurchase", error);
      setOutcome({ kind: "failed", failure });
      // Used, expired or not this account's: what the server holds now is what to show.
      if (failure.kind === "refusal") onCheck();
    }
  };

  return (
    <section aria-labelledby="pending-title" class={pending.length > 0 ? "card pending pending-waiting" : "card pending"} data-testid="pending">
      <h2 id="pending-title">{t("myTraining.pending.title")}</h2>
      {outcome?.kind === "declined" && (
        <p ref={shown} tabIndex={-1} role="status" class="notice notice-ok" data-testid="pending-outcome">
          {t("myTraining.pending.declined", { title: outcome.title, platform: outcome.platform })}
        </p>
      )}
      {outcome?.kind === "failed" && (
        <p ref={shown} tabIndex={-1} role="alert" class="notice notice-error" data-testid="pending-outcome">
          {outcome.failure.kind === "fields" ? outcome.failure.errors[0].message[lang] : noticeText(outcome.failure, lang, t)}
        </p>
      )}
      {pending.length === 0 ? (
        <>
          <p>{t("myTraining.pending.howItWorks")}</p>
          <p class="muted" data-testid="pending-none">
            {t("myTraining.pending.none")}
          </p>
        </>
      ) : (
        <>
          <p>{t("myTraining.pending.count", { count: pending.length })}</p>
          <ul class="cards">
            {pending.map((purchase) => (
              <PendingCard key={purchase.id} purchase={purchase} onDecline={decline} />
            ))}
          </ul>
        </>
      )}
      <div class="actions">
        <button type="button" class="button-secondary" onClick={onCheck} disabled={checking} data-testid="pending-check">
          {checking ? t("myTraining.pending.checking") : t("myTraining.pending.check")}
        </button>
      </div>
      <p role="status" class={checkFailed ? "notice notice-error" : "live-slot"}>
        {checkFailed ? t("myTraining.pending.checkFailed") : ""}
      </p>
    </section>
  );
}

function PendingCard({ purchase, onDecline }: { purchase: PendingPurchase; onDecline(purchase: PendingPurchase): Promise<void> }) {
  const { lang, t } = useMyTrainingLang();
  const [busy, setBusy] = useState(false);
  const now = useNow(1000);
  const expiresAt = new Date(purchase.expiresAt);
  const left = countdown(expiresAt, now);
  const id = `pending-${purchase.id.slice(0, 16)}`;

  const decline = async () => {
    setBusy(true);
    await onDecline(purchase);
    setBusy(false);
  };

  return (
    <li class="pending-purchase" data-testid="pending-purchase">
      <h3 id={`${id}-title`}>{purchase.title}</h3>
      <dl class="my-facts">
        <div class="fact">
          <dt>{t("myTraining.pending.platform")}</dt>
          <dd data-testid="pending-platform">{purchase.platform}</dd>
        </div>
        <div class="fact">
          <dt>{t("myTraining.pending.amount")}</dt>
          <dd class="amount" data-testid="pending-amount">
            {rupiah(purchase.amount)}
          </dd>
        </div>
        <div class="fact">
          <dt>{t("myTraining.pending.expires")}</dt>
          <dd>
            {jakartaTime(expiresAt, lang)}
            {/* The countdown ticks every second: it is not a live region, or it would be read out every second. */}
            {left && (
              <span class="countdown" data-testid="pending-countdown">
                {t("myTraining.pending.left", { time: t(left.key, left.params) })}
              </span>
            )}
          </dd>
        </div>
      </dl>
      {left && (
        <>
          <CopyCode id={`${id}-code`} testId="pending-code" label={t("myTraining.pending.code")} code={purchase.code} />
          <p class="notice notice-warning" data-testid="pending-instruction">
            <strong>{t("myTraining.pending.instruction", { platform: purchase.platform })}</strong>
          </p>
          <p>{t("myTraining.pending.consent", { amount: rupiah(purchase.amount) })}</p>
        </>
      )}
      {/* There from the start, so its words are read out when the time runs out. */}
      <p role="status" class={left ? "live-slot" : "notice"}>
        {left ? "" : t("myTraining.pending.expired", { platform: purchase.platform })}
      </p>
      {left && (
        <div class="actions">
          <button type="button" class="button-secondary" onClick={decline} disabled={busy}>
            {busy ? t("myTraining.pending.declining") : t("myTraining.pending.decline")}
          </button>
        </div>
      )}
    </li>
  );
}
