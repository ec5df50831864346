import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { Loaded } from "../../components/Loaded.js";
import { NavLink } from "../../components/NavLink.js";
import { loadMyPayouts, type MyPayouts } from "../../data/payouts.js";
import type { Load } from "../../data/useLoad.js";
import { useMyPayoutsLang } from "../../i18n/myPayouts.js";
import { PATHS } from "../../router.js";
import { AccountSection } from "./AccountSection.js";
import { InstallmentCard } from "./InstallmentCard.js";
import { caseOf, withCase } from "./payoutView.js";

/** The answer; an action's own answer changes it without asking again, and an older reading that lands after it is dropped. */
function useMyPayouts() {
  const [load, setLoad] = useState<Load<MyPayouts>>({ state: "loading" });
  const changes = useRef(0);

  const read = useCallback(async () => {
    const before = changes.current;
    try {
      const found = await loadMyPayouts();
      if (changes.current === before) setLoad({ state: "ready", value: found });
    } catch (error) {
      console.error(error);
      setLoad((shown) => (shown.state === "ready" ? shown : { state: "failed" }));
    }
  }, []);

  const change = useCallback((next: (payouts: MyPayouts) => MyPayouts) => {
    changes.current += 1;
    setLoad((shown) => (shown.state === "ready" ? { state: "ready", value: next(shown.value) } : shown));
  }, []);

  useEffect(() => void read(), [read]);
  return { load, read, change };
}

/**
 * /insentif-saya: the participant's payout account (or the form to link one), and each incentive
 * installment with its amount, due date, status and history from the payment partner's reports,
 * with "not received" / "received less" on a paid one.
 */
export function MyPayoutsPage() {
  const { t } = useMyPayoutsLang();
  const { load, read, change } = useMyPayouts();
  const refresh = () => void read();

  return (
    <section aria-labelledby="my-payouts-title" class="stack my-payouts">
      <h1 id="my-payouts-title">{t("myPayouts.title")}</h1>
      <Loaded load={load}>
        {(payouts) =>
          !payouts.participant && payouts.installments.length === 0 && payouts.account === null ? (
            <div class="card stack" data-testid="payouts-not-participant">
              <p class="notice">{t("myPayouts.notParticipant")}</p>
              <p>
                <NavLink href={PATHS.status}>{t("myPayouts.notParticipantStatus")}</NavLink>
              </p>
            </div>
          ) : (
            <>
              <p>{t("myPayouts.intro")}</p>
              <AccountSection account={payouts.account} canLink={payouts.participant} onLinked={refresh} />
              <section aria-labelledby="installments-title" data-testid="installments">
                <h2 id="installments-title">{t("myPayouts.installments.title")}</h2>
                {payouts.installments.length === 0 ? (
                  <p class="card" data-testid="installments-none">
                    {t("myPayouts.installments.none")}
                  </p>
                ) : (
                  <ul class="cards">
                    {payouts.installments.map((installment) => (
                      <InstallmentCard
                        key={installment.id}
                        installment={installment}
                        latestCase={caseOf(payouts, installment.id)}
                        onReported={(opened) => change((shown) => withCase(shown, opened))}
                        onStale={refresh}
                      />
                    ))}
                  </ul>
                )}
              </section>
            </>
          )
        }
      </Loaded>
    </section>
  );
}
