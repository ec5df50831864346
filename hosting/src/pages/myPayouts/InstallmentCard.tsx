import { partnerName } from "../../data/paymentPartners.js";
import type { MyInstallment, MyPayoutCase } from "../../data/payouts.js";
import { jakartaDate, jakartaTime, rupiah } from "../../format.js";
import { useMyPayoutsLang } from "../../i18n/myPayouts.js";
import { EVENT_TEXT, holdText, mayReport, newestFirst, partnerWords, sourceText, STATE_TEXT } from "./payoutView.js";
import { ReportActions } from "./ReportActions.js";

interface Props {
  installment: MyInstallment;
  /** The participant's latest report on it. */
  latestCase: MyPayoutCase | null;
  onReported(opened: MyPayoutCase): void;
  onStale(): void;
}

/**
 * One installment: how much, when, where it stands in words (never a colour alone), and its
 * history as the payment partner reported it — each step's time, what happened, who said so,
 * the partner's code and reference — with the participant's report on it.
 */
export function InstallmentCard({ installment, latestCase, onReported, onStale }: Props) {
  const { lang, t } = useMyPayoutsLang();
  const id = `installment-${installment.number}`;
  const hold = holdText(installment);
  // Who said so, and the partner's own code and reference when it was the partner.
  const detailOf = (event: MyInstallment["events"][number]) => {
    const words = partnerWords(event);
    return [
      t("myPayouts.event.source", { source: t(sourceText(event)) }),
      words === null ? "" : t("myPayouts.event.code", { code: words }),
      event.partnerReference === null ? "" : t("myPayouts.event.reference", { reference: event.partnerReference }),
    ]
      .filter(Boolean)
      .join(" · ");
  };
  return (
    <li class="card installment" data-testid="installment" data-state={installment.state} data-installment={installment.id}>
      <h3 id={`${id}-title`}>{t("myPayouts.installment.title", { number: installment.number, of: installment.of })}</h3>
      <dl class="my-facts">
        <div class="fact">
          <dt>{t("myPayouts.installment.amount")}</dt>
          <dd class="amount" data-testid="installment-amount">
            {rupiah(installment.amount)}
          </dd>
        </div>
        <div class="fact">
          <dt>{t("myPayouts.installment.due")}</dt>
          <dd data-testid="installment-due">{jakartaDate(new Date(installment.dueAt), lang)}</dd>
        </div>
        <div class="fact">
          <dt>{t("myPayouts.installment.status")}</dt>
          <dd data-testid="installment-state">{t(STATE_TEXT[installment.state])}</dd>
        </div>
        {hold && (
          <div class="fact">
            <dt>{t("myPayouts.installment.hold")}</dt>
            <dd data-testid="installment-hold">{t(hold)}</dd>
          </div>
        )}
        {installment.paidAt && (
          <div class="fact">
            <dt>{t("myPayouts.installment.paidAt")}</dt>
            <dd>{jakartaTime(new Date(installment.paidAt), lang)}</dd>
          </div>
        )}
        {installment.partner && (
          <div class="fact">
            <dt>{t("myPayouts.installment.partner")}</dt>
            <dd>{partnerName(installment.partner)}</dd>
          </div>
        )}
        {installment.partnerReference && (
          <div class="fact">
            <dt>{t("myPayouts.installment.partnerReference")}</dt>
            <dd data-testid="installment-reference">
              <code>{installment.partnerReference}</code>
            </dd>
          </div>
        )}
      </dl>
      <h4 id={`${id}-history`}>{t("myPayouts.installment.history")}</h4>
      {installment.events.length === 0 ? (
        <p class="muted">{t("myPayouts.installment.historyNone")}</p>
      ) : (
        <ol class="payout-history" aria-labelledby={`${id}-history`} data-testid="installment-history">
          {newestFirst(installment.events).map((event) => (
            <li key={`${event.at}-${event.to}`} data-testid="history-entry" data-to={event.to}>
              <time dateTime={event.at}>{jakartaTime(new Date(event.at), lang)}</time>
              <span class="history-what">{t(EVENT_TEXT[event.to])}</span>
              <span class="hint">{detailOf(event)}</span>
            </li>
          ))}
        </ol>
      )}
      <ReportActions
        id={id}
        installment={installment}
        latestCase={latestCase}
        offered={mayReport(installment, latestCase)}
        onReported={onReported}
        onStale={onStale}
      />
    </li>
  );
}
