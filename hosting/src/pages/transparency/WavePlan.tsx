import type { ProvinceName } from "../../data/provinces.js";
import type { Wave } from "../../data/waves.js";
import { count } from "../../format.js";
import { useTransparencyLang } from "../../i18n/transparency.js";
import { StrataList } from "./StrataList.js";

/**
 * What the wave fixed when it was created, before anyone joined: the promise a draw is checked
 * against. The seed stays secret until the pool is locked; its hash is published now.
 */
export function WavePlan({ wave, provinceName }: { wave: Wave; provinceName: ProvinceName }) {
  const { t } = useTransparencyLang();
  const plan = wave.draw;
  if (plan === undefined) return <p class="muted">{t("transparency.noPlan")}</p>;
  const { source, round } = plan.beacon;
  return (
    <dl class="facts facts-stacked" data-testid="wave-plan">
      <dt>{t("waves.quota")}</dt>
      <dd data-testid="plan-quota">{t("waves.quotaValue", { count: count(wave.quota) })}</dd>
      <dt>{t("year.familyLimit")}</dt>
      <dd>{t("year.people", { count: count(plan.familyLimit) })}</dd>
      <dt>{t("transparency.strata")}</dt>
      <dd data-testid="plan-strata">
        <StrataList strata={plan.strata} quota={wave.quota} provinceName={provinceName} />
      </dd>
      <dt>{t("transparency.beacon")}</dt>
      <dd data-testid="plan-beacon">
        <code>{source}</code>, {t("transparency.beaconRound", { round })}
      </dd>
      <dt>{t("transparency.seedCommitment")}</dt>
      <dd>
        <code data-testid="plan-seed-commitment">{plan.seedCommitment}</code>
      </dd>
    </dl>
  );
}
