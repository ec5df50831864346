import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { Loaded } from "../../components/Loaded.js";
import { NavLink } from "../../components/NavLink.js";
import { loadMyTraining, type MyTraining, type NotParticipantReason } from "../../data/myTraining.js";
import type { Load } from "../../data/useLoad.js";
import { useMyTrainingLang } from "../../i18n/myTraining.js";
import { PATHS } from "../../router.js";
import { BalanceAndDeadline } from "./BalanceAndDeadline.js";
import { withCancelled, withoutPending, withReported, withReviewed } from "./myTrainingView.js";
import { NotParticipant } from "./NotParticipant.js";
import { PendingPurchases } from "./PendingPurchases.js";
import { VoucherCard, type VoucherChanges } from "./VoucherCard.js";

/** The answer, and whether asking again is under way or failed (the last answer stays shown). */
function useMyTraining() {
  const [load, setLoad] = useState<Load<MyTraining | NotParticipantReason>>({ state: "loading" });
  const [checking, setChecking] = useState(false);
  const [checkFailed, setCheckFailed] = useState(false);
  // Each change made from an action's answer counts: an older reading that lands after it is dropped.
  const changes = useRef(0);

  const read = useCallback(async () => {
    const before = changes.current;
    setChecking(true);
    try {
      const found = await loadMyTraining();
      if (changes.current === before) setLoad({ state: "ready", value: found });
      setCheckFailed(false);
    } catch (error) {
      console.error(error);
      setLoad((shown) => (shown.state === "ready" ? shown : { state: "failed" }));
      setCheckFailed(true);
    } finally {
      setChecking(false);
    }
  }, []);

  const change = useCallback((next: (training: MyTraining) => MyTraining) => {
    changes.current += 1;
    setLoad((shown) => (shown.state === "ready" && typeof shown.value === "object" ? { state: "ready", value: next(shown.value) } : shown));
  }, []);

  useEffect(() => {
    void read();
    // Back from the platform's app (where the purchase was started): its request is likely here now.
    const back = () => {
      if (document.visibilityState === "visible") void read();
    };
    document.addEventListener("visibilitychange", back);
    return () => document.removeEventListener("visibilitychange", back);
  }, [read]);

  return { load, checking, checkFailed, read, change };
}

/**
 * /pelatihan-saya: the participant's purchases waiting for their code, training balance and
 * first-purchase deadline, and the trainings they bought, with what they can still do about each.
 */
export function MyTrainingPage() {
  const { t } = useMyTrainingLang();
  const { load, checking, checkFailed, read, change } = useMyTraining();
  const refresh = () => void read();
  const voucherChanges: VoucherChanges = {
    cancelled: (redeemCode, balance) => change((training) => withCancelled(training, redeemCode, balance)),
    reported: (redeemCode, balance) => change((training) => withReported(training, redeemCode, balance)),
    reviewed: (redeemCode) => change((training) => withReviewed(training, redeemCode)),
    stale: refresh,
  };

  return (
    <section aria-labelledby="my-training-title" class="stack my-training">
      <h1 id="my-training-title">{t("myTraining.title")}</h1>
      <Loaded load={load}>
        {(training) =>
          typeof training === "string" ? (
            <NotParticipant reason={training} />
          ) : (
            <>
              <p>{t("myTraining.intro")}</p>
              <PendingPurchases
                pending={training.pending}
                checking={checking}
                checkFailed={checkFailed}
                onCheck={refresh}
                onDeclined={(id) => change((shown) => withoutPending(shown, id))}
              />
              <BalanceAndDeadline balance={training.balance} deadline={training.deadline} prakerjaId={training.prakerjaId} />
              <section aria-labelledby="vouchers-title" data-testid="vouchers">
                <h2 id="vouchers-title">{t("myTraining.vouchers.title")}</h2>
                {training.vouchers.length === 0 ? (
                  <p class="card" data-testid="vouchers-none">
                    {t("myTraining.vouchers.none")} <NavLink href={PATHS.catalogue}>{t("myTraining.vouchers.catalogue")}</NavLink>
                  </p>
                ) : (
                  <ul class="cards">
                    {training.vouchers.map((voucher) => (
                      <VoucherCard key={voucher.redeemCode} voucher={voucher} changes={voucherChanges} />
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
