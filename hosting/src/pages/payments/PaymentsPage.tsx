import { useCallback, useEffect, useState } from "preact/hooks";
import { Loaded } from "../../components/Loaded.js";
import { loadPayoutOverview, type PayoutOverview } from "../../data/payouts.js";
import type { Load } from "../../data/useLoad.js";
import { jakartaTime } from "../../format.js";
import { usePaymentsLang } from "../../i18n/payments.js";
import { AccountsInReview } from "./AccountsInReview.js";
import { HeldPayouts } from "./HeldPayouts.js";
import { OpenCases } from "./OpenCases.js";
import { PartnerQueues } from "./PartnerQueues.js";
import { QuarantineList } from "./QuarantineList.js";
import { Clawbacks, Reconciliation } from "./Reconciliation.js";

export interface PaymentsPageProps {
  /** Admins act; auditors only read (the server refuses them anyway). */
  canAct: boolean;
}

/**
 * /pembayaran: what the program office watches and decides on — each partner's queue (pause and
 * resume during an outage), the payouts held for review (release or cancel, with a note), payout
 * accounts waiting for review (verify or refuse, with a note), partner reports in quarantine
 * (resolve, with a note), participants' open reports (resolve, with what was found and a note), the
 * latest reconciliation report and the clawbacks still owed. After each action the figures are read again.
 */
export function PaymentsPage({ canAct }: PaymentsPageProps) {
  const { lang, t } = usePaymentsLang();
  const [load, setLoad] = useState<Load<PayoutOverview>>({ state: "loading" });
  const [reading, setReading] = useState(false);

  const read = useCallback(async () => {
    setReading(true);
    try {
      setLoad({ state: "ready", value: await loadPayoutOverview() });
    } catch (error) {
      console.error(error);
      setLoad((shown) => (shown.state === "ready" ? shown : { state: "failed" }));
    } finally {
      setReading(false);
    }
  }, []);
  useEffect(() => void read(), [read]);
  const changed = () => void read();

  return (
    <section aria-labelledby="payments-title" class="stack payments">
      <h1 id="payments-title">{t("payments.title")}</h1>
      <p>{t("payments.intro")}</p>
      {!canAct && (
        <p class="notice" data-testid="payments-read-only">
          {t("payments.readOnly")}
        </p>
      )}
      <Loaded load={load}>
        {(overview) => {
          const acts = canAct && !overview.readOnly;
          return (
            <>
              <div class="actions">
                <p class="muted" data-testid="payments-generated">
                  {t("payments.generatedAt", { at: jakartaTime(new Date(overview.generatedAt), lang) })}
                </p>
                <button type="button" class="button-secondary" onClick={changed} disabled={reading}>
                  {reading ? t("payments.reloading") : t("payments.reload")}
                </button>
              </div>
              <PartnerQueues partners={overview.partners} canAct={acts} onChanged={changed} />
              <HeldPayouts held={overview.held} total={overview.heldTotal} canAct={acts} onChanged={changed} />
              <AccountsInReview accounts={overview.accountsInReview} canAct={acts} onChanged={changed} />
              <QuarantineList quarantine={overview.quarantine} canAct={acts} onChanged={changed} />
              <OpenCases cases={overview.cases} canAct={acts} onChanged={changed} />
              <Reconciliation report={overview.report} />
              <Clawbacks clawbacks={overview.clawbacks} />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
