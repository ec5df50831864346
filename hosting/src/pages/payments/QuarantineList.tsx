import { useEffect, useRef, useState } from "preact/hooks";
import type { QuarantineView } from "@schemas/payoutViews.js";
import { partnerName } from "../../data/paymentPartners.js";
import { callResolveQuarantine } from "../../data/payouts.js";
import { noticeText } from "../../data/refusals.js";
import { jakartaTime, rupiah } from "../../format.js";
import { usePaymentsLang, type PaymentsMessageId } from "../../i18n/payments.js";
import { paymentsFailure } from "./actionFailure.js";
import { NoteForm } from "./NoteForm.js";

interface Props {
  quarantine: QuarantineView[];
  canAct: boolean;
  onChanged(): void;
}

const REASON_TEXT: Record<QuarantineView["reason"], PaymentsMessageId> = {
  "amount-mismatch": "payments.quarantine.reason.amount-mismatch",
  "currency-mismatch": "payments.quarantine.reason.currency-mismatch",
  "unknown-reference": "payments.quarantine.reason.unknown-reference",
  "conflicting-report": "payments.quarantine.reason.conflicting-report",
};

const amountOf = (amount: number | null, currency: string | null): string =>
  amount === null ? "—" : currency === null || currency === "IDR" ? rupiah(amount) : `${currency} ${amount}`;

/**
 * Partner reports put aside instead of applied: what the partner said beside what we hold, and
 * (admins) marking one resolved with a note. What to do with the money is a held payout's review.
 */
export function QuarantineList({ quarantine, canAct, onChanged }: Props) {
  const { t } = usePaymentsLang();
  const [done, setDone] = useState<string | null>(null);
  const shown = useRef<HTMLParagraphElement>(null);
  useEffect(() => shown.current?.focus(), [done]);
  const resolved = (id: string) => {
    setDone(t("payments.quarantine.resolved", { id }));
    onChanged();
  };
  return (
    <section aria-labelledby="quarantine-title" data-testid="quarantine">
      <h2 id="quarantine-title">{t("payments.quarantine.title")}</h2>
      {done && (
        <p ref={shown} tabIndex={-1} role="status" class="notice notice-ok" data-testid="quarantine-outcome">
          {done}
        </p>
      )}
      {quarantine.length === 0 ? (
        <p class="card" data-testid="quarantine-none">
          {t("payments.quarantine.none")}
        </p>
      ) : (
        <ul class="cards">
          {quarantine.map((entry) => (
            <QuarantineCard key={entry.id} entry={entry} canAct={canAct} onResolved={resolved} />
          ))}
        </ul>
      )}
    </section>
  );
}

function QuarantineCard({ entry, canAct, onResolved }: { entry: QuarantineView; canAct: boolean; onResolved(id: string): void }) {
  const { lang, t } = usePaymentsLang();
  const [failed, setFailed] = useState<string | null>(null);
  const shown = useRef<HTMLParagraphElement>(null);
  useEffect(() => shown.current?.focus(), [failed]);

  const resolve = async (_decision: "resolve", note: string): Promise<boolean> => {
    setFailed(null);
    try {
      await callResolveQuarantine({ id: entry.id, note });
      onResolved(entry.id);
      return true;
    } catch (error) {
      const failure = paymentsFailure("resolveQuarantine", error);
      setFailed(failure.kind === "fields" ? (failure.errors[0]?.message[lang] ?? "") : noticeText(failure, lang, t));
      return false;
    }
  };

  return (
    <li class="card" data-testid="quarantine-entry" data-id={entry.id} data-reason={entry.reason}>
      <h3>{t("payments.quarantine.item", { partner: partnerName(entry.partner), reference: entry.reference })}</h3>
      <dl class="my-facts">
        <div class="fact">
          <dt>{t("payments.quarantine.reason")}</dt>
          <dd data-testid="quarantine-reason">{t(REASON_TEXT[entry.reason])}</dd>
        </div>
        <div class="fact">
          <dt>{t("payments.quarantine.reported")}</dt>
          <dd>
            {entry.reported.state} · {amountOf(entry.reported.amount, entry.reported.currency)} · <code>{entry.reported.code}</code>
          </dd>
        </div>
        <div class="fact">
          <dt>{t("payments.quarantine.ours")}</dt>
          <dd>{entry.ours === null ? t("payments.quarantine.oursNone") : `${entry.ours.state} · ${rupiah(entry.ours.amount)}`}</dd>
        </div>
        {entry.installmentId && (
          <div class="fact">
            <dt>{t("payments.quarantine.installment")}</dt>
            <dd>
              <code>{entry.installmentId}</code>
            </dd>
          </div>
        )}
        <div class="fact">
          <dt>{t("payments.quarantine.at")}</dt>
          <dd>{jakartaTime(new Date(entry.at), lang)}</dd>
        </div>
      </dl>
      {failed && (
        <p ref={shown} tabIndex={-1} role="alert" class="notice notice-error" data-testid="quarantine-error">
          {failed}
        </p>
      )}
      {canAct && (
        <NoteForm id={`quarantine-${entry.id}-note`} actions={[{ decision: "resolve", label: t("payments.quarantine.resolve") }]} onDecide={resolve} />
      )}
    </li>
  );
}
