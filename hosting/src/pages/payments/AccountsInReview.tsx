import { useEffect, useRef, useState } from "preact/hooks";
import type { AccountInReviewView } from "@schemas/payoutViews.js";
import { institutionName, partnerName } from "../../data/paymentPartners.js";
import { callReviewPayoutAccount } from "../../data/payouts.js";
import { noticeText } from "../../data/refusals.js";
import { jakartaTime } from "../../format.js";
import { usePaymentsLang, type PaymentsMessageId } from "../../i18n/payments.js";
import { paymentsFailure } from "./actionFailure.js";
import { NoteForm } from "./NoteForm.js";
import { useDecided } from "./useDecided.js";

interface Props {
  accounts: AccountInReviewView[];
  canAct: boolean;
  onChanged(): void;
}

const FLAG_TEXT: Record<AccountInReviewView["flags"][number], PaymentsMessageId> = {
  "doubtful-name": "payments.accounts.flag.doubtful-name",
  "shared-account": "payments.accounts.flag.shared-account",
};

const VERDICT_TEXT: Record<AccountInReviewView["nameVerdict"], PaymentsMessageId> = {
  match: "payments.accounts.verdict.match",
  doubtful: "payments.accounts.verdict.doubtful",
  mismatch: "payments.accounts.verdict.mismatch",
};

/**
 * Payout accounts linked for review (a doubtful name match, a number shared by many people),
 * oldest first: why, the last digits only, and (admins) verify — the payouts held for it go out —
 * or refuse, with a note. The participant is then asked to link another account.
 */
export function AccountsInReview({ accounts, canAct, onChanged }: Props) {
  const { t } = usePaymentsLang();
  const { done, shown, decided } = useDecided(onChanged);
  return (
    <section aria-labelledby="accounts-title" data-testid="accounts-in-review">
      <h2 id="accounts-title">{t("payments.accounts.title")}</h2>
      {done && (
        <p ref={shown} tabIndex={-1} role="status" class="notice notice-ok" data-testid="accounts-outcome">
          {done}
        </p>
      )}
      {accounts.length === 0 ? (
        <p class="card" data-testid="accounts-none">
          {t("payments.accounts.none")}
        </p>
      ) : (
        <ul class="cards">
          {accounts.map((account) => (
            <AccountCard key={`${account.uid}-${account.linkedAt}`} account={account} canAct={canAct} onDecided={decided} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AccountCard({ account, canAct, onDecided }: { account: AccountInReviewView; canAct: boolean; onDecided(text: string): void }) {
  const { lang, t } = usePaymentsLang();
  const [failed, setFailed] = useState<string | null>(null);
  const shown = useRef<HTMLParagraphElement>(null);
  useEffect(() => shown.current?.focus(), [failed]);
  // Kept until the server answers: a retried tap after a lost answer is the same decision, recorded once.
  const requestId = useRef<string | null>(null);

  const decide = async (decision: "verify" | "refuse", note: string): Promise<boolean> => {
    setFailed(null);
    requestId.current ??= crypto.randomUUID();
    try {
      const answer = await callReviewPayoutAccount({ uid: account.uid, linkedAt: account.linkedAt, decision, note, requestId: requestId.current });
      requestId.current = null;
      onDecided(
        answer.status === "verified"
          ? t("payments.accounts.verified", { uid: account.uid, count: answer.released })
          : t("payments.accounts.refused", { uid: account.uid }),
      );
      return true;
    } catch (error) {
      const failure = paymentsFailure("reviewPayoutAccount", error);
      if (failure.kind === "refusal") requestId.current = null;
      setFailed(failure.kind === "fields" ? (failure.errors[0]?.message[lang] ?? "") : noticeText(failure, lang, t));
      return false;
    }
  };

  return (
    <li class="card" data-testid="account-in-review" data-uid={account.uid}>
      <h3>{t("payments.accounts.item", { masked: account.masked, partner: partnerName(account.partner) })}</h3>
      <dl class="my-facts">
        <div class="fact">
          <dt>{t("payments.accounts.flags")}</dt>
          <dd data-testid="account-flags">{account.flags.map((flag) => t(FLAG_TEXT[flag])).join("; ")}</dd>
        </div>
        <div class="fact">
          <dt>{t("payments.accounts.name")}</dt>
          <dd data-testid="account-name-score">
            {t("payments.accounts.score", { score: Math.round(account.nameScore * 100), verdict: t(VERDICT_TEXT[account.nameVerdict]) })}
          </dd>
        </div>
        <div class="fact">
          <dt>{t("payments.accounts.institution")}</dt>
          <dd>{institutionName(account.institution)}</dd>
        </div>
        <div class="fact">
          <dt>{t("payments.accounts.participant")}</dt>
          <dd>
            <code>{account.uid}</code>
          </dd>
        </div>
        <div class="fact">
          <dt>{t("payments.accounts.linked")}</dt>
          <dd>{jakartaTime(new Date(account.linkedAt), lang)}</dd>
        </div>
      </dl>
      {failed && (
        <p ref={shown} tabIndex={-1} role="alert" class="notice notice-error" data-testid="account-review-error">
          {failed}
        </p>
      )}
      {canAct && (
        <NoteForm
          id={`account-${account.uid}-note`}
          actions={[
            { decision: "verify", label: t("payments.accounts.verify") },
            { decision: "refuse", label: t("payments.accounts.refuse"), secondary: true },
          ]}
          onDecide={decide}
        />
      )}
    </li>
  );
}
