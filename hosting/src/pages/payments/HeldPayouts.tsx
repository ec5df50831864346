import { useEffect, useRef, useState } from "preact/hooks";
import type { HeldPayoutView } from "@schemas/payoutViews.js";
import { partnerName } from "../../data/paymentPartners.js";
import { callReviewPayout } from "../../data/payouts.js";
import { noticeText } from "../../data/refusals.js";
import { jakartaDate, jakartaTime, rupiah } from "../../format.js";
import { usePaymentsLang, type PaymentsMessageId } from "../../i18n/payments.js";
import { paymentsFailure } from "./actionFailure.js";
import { NoteForm } from "./NoteForm.js";
import { useDecided } from "./useDecided.js";

interface Props {
  held: HeldPayoutView[];
  /** Every held payout, of which `held` are the oldest. */
  total: number;
  canAct: boolean;
  onChanged(): void;
}

const HOLD_TEXT: Record<HeldPayoutView["reason"], PaymentsMessageId> = {
  eligibility: "payments.hold.eligibility",
  "no-account": "payments.hold.no-account",
  "account-review": "payments.hold.account-review",
  reversed: "payments.hold.reversed",
  "quarantined-report": "payments.hold.quarantined-report",
  clawback: "payments.hold.clawback",
};

/** Payouts held for review, oldest first: why, since when, and (admins) release or cancel with a note. */
export function HeldPayouts({ held, total, canAct, onChanged }: Props) {
  const { t } = usePaymentsLang();
  const { done, shown, decided } = useDecided(onChanged);
  return (
    <section aria-labelledby="held-title" data-testid="held-payouts">
      <h2 id="held-title">{t("payments.held.title")}</h2>
      {done && (
        <p ref={shown} tabIndex={-1} role="status" class="notice notice-ok" data-testid="held-outcome">
          {done}
        </p>
      )}
      {held.length === 0 ? (
        <p class="card" data-testid="held-none">
          {t("payments.held.none")}
        </p>
      ) : (
        <>
          <p>{t("payments.held.count", { shown: held.length, total })}</p>
          <ul class="cards">
            {held.map((payout) => (
              <HeldCard key={payout.id} payout={payout} canAct={canAct} onDecided={decided} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function HeldCard({ payout, canAct, onDecided }: { payout: HeldPayoutView; canAct: boolean; onDecided(text: string): void }) {
  const { lang, t } = usePaymentsLang();
  const [failed, setFailed] = useState<string | null>(null);
  const shown = useRef<HTMLParagraphElement>(null);
  useEffect(() => shown.current?.focus(), [failed]);
  const id = `held-${payout.id}`;

  const decide = async (decision: "release" | "cancel", note: string): Promise<boolean> => {
    setFailed(null);
    try {
      await callReviewPayout({ installmentId: payout.id, decision, note, requestId: crypto.randomUUID() });
      onDecided(t(decision === "release" ? "payments.held.released" : "payments.held.cancelled", { id: payout.id }));
      return true;
    } catch (error) {
      const failure = paymentsFailure("reviewPayout", error);
      setFailed(failure.kind === "fields" ? (failure.errors[0]?.message[lang] ?? "") : noticeText(failure, lang, t));
      return false;
    }
  };

  return (
    <li class="card" data-testid="held-payout" data-installment={payout.id} data-reason={payout.reason}>
      <h3>{t("payments.held.item", { number: payout.number, of: payout.of, id: payout.id })}</h3>
      <dl class="my-facts">
        <div class="fact">
          <dt>{t("payments.held.reason")}</dt>
          <dd data-testid="held-reason">
            {t(HOLD_TEXT[payout.reason])}
            {payout.details.length > 0 && <span class="hint"> ({payout.details.join(", ")})</span>}
          </dd>
        </div>
        <div class="fact">
          <dt>{t("payments.held.amount")}</dt>
          <dd class="amount">{rupiah(payout.amount)}</dd>
        </div>
        <div class="fact">
          <dt>{t("payments.held.due")}</dt>
          <dd>{jakartaDate(new Date(payout.dueAt), lang)}</dd>
        </div>
        <div class="fact">
          <dt>{t("payments.held.since")}</dt>
          <dd>{jakartaTime(new Date(payout.heldAt), lang)}</dd>
        </div>
        {payout.partner && (
          <div class="fact">
            <dt>{t("payments.held.partner")}</dt>
            <dd>{partnerName(payout.partner)}</dd>
          </div>
        )}
      </dl>
      {failed && (
        <p ref={shown} tabIndex={-1} role="alert" class="notice notice-error" data-testid="held-error">
          {failed}
        </p>
      )}
      {canAct && (
        <NoteForm
          id={`${id}-note`}
          actions={[
            { decision: "release", label: t("payments.held.release") },
            { decision: "cancel", label: t("payments.held.cancel"), secondary: true },
          ]}
          onDecide={decide}
        />
      )}
    </li>
  );
}
