import { useEffect, useRef, useState } from "preact/hooks";
import { institutionName } from "../../data/paymentPartners.js";
import type { MyPayoutAccount } from "../../data/payouts.js";
import { useMyPayoutsLang, type MyPayoutsMessageId } from "../../i18n/myPayouts.js";
import { LinkAccountForm, type Linked } from "./LinkAccountForm.js";

interface Props {
  account: MyPayoutAccount | null;
  /** Only participants may link one (linkPayoutAccount refuses anyone else). */
  canLink: boolean;
  /** After a link: the page reads the account (and any payouts it released) again. */
  onLinked(): void;
}

const STATUS_TEXT: Record<MyPayoutAccount["status"], MyPayoutsMessageId> = {
  verified: "myPayouts.account.verified",
  review: "myPayouts.account.review",
  refused: "myPayouts.account.refused",
};

const LINKED_TEXT: Record<Linked["status"], MyPayoutsMessageId> = {
  verified: "myPayouts.link.verified",
  review: "myPayouts.link.review",
  refused: "myPayouts.link.refused",
};

const FLAG_TEXT: Partial<Record<string, MyPayoutsMessageId>> = {
  "doubtful-name": "myPayouts.account.flag.doubtful-name",
  "shared-account": "myPayouts.account.flag.shared-account",
};

/** Where the incentives are paid: the account (its last digits only), or the form to add one. */
export function AccountSection({ account, canLink, onLinked }: Props) {
  const { t } = useMyPayoutsLang();
  const [changing, setChanging] = useState(false);
  const [linked, setLinked] = useState<Linked | null>(null);
  const said = useRef<HTMLParagraphElement>(null);
  useEffect(() => said.current?.focus(), [linked]);

  const done = (result: Linked) => {
    setLinked(result);
    setChanging(false);
    onLinked();
  };

  const showForm = canLink && (account === null || changing);
  return (
    <section aria-labelledby="account-title" class="card" data-testid="payout-account">
      <h2 id="account-title">{t("myPayouts.account.title")}</h2>
      {linked && (
        <p ref={said} tabIndex={-1} role="status" class={linked.status === "verified" ? "notice notice-ok" : "notice"} data-testid="link-outcome">
          {t(LINKED_TEXT[linked.status], { masked: linked.masked })}
          {linked.released > 0 && ` ${t("myPayouts.link.released", { count: linked.released })}`}
        </p>
      )}
      {account === null ? (
        <p data-testid="account-none">{t("myPayouts.account.none")}</p>
      ) : (
        <dl class="my-facts">
          <div class="fact">
            <dt>{t("myPayouts.account.partner")}</dt>
            <dd data-testid="account-partner">{account.partnerName}</dd>
          </div>
          <div class="fact">
            <dt>{t("myPayouts.account.institution")}</dt>
            <dd data-testid="account-institution">{institutionName(account.institution)}</dd>
          </div>
          <div class="fact">
            <dt>{t("myPayouts.account.number")}</dt>
            <dd data-testid="account-masked">{account.masked}</dd>
          </div>
          <div class="fact">
            <dt>{t("myPayouts.account.status")}</dt>
            <dd data-testid="account-status">
              {t(STATUS_TEXT[account.status])}
              {account.flags.map((flag) => {
                const text = FLAG_TEXT[flag];
                return text === undefined ? null : (
                  <span key={flag} class="hint">
                    {t(text)}
                  </span>
                );
              })}
            </dd>
          </div>
        </dl>
      )}
      {canLink && account !== null && (
        <div class="actions">
          <button type="button" class="button-secondary" aria-expanded={changing} onClick={() => setChanging((open) => !open)}>
            {changing ? t("myPayouts.account.cancelChange") : t("myPayouts.account.change")}
          </button>
        </div>
      )}
      {showForm && <LinkAccountForm onLinked={done} />}
    </section>
  );
}
