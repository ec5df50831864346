import type { CreateWaveResult } from "@schemas/contract.js";
import type { WavePlan } from "@schemas/wavePlan.js";
import { NavLink } from "../../components/NavLink.js";
import { count, jakartaTime } from "../../format.js";
import { useConsoleLang } from "../../i18n/console.js";
import { transparencyPath } from "../../router.js";
import { regionLabel } from "./regionLabel.js";

/** The plan a wave commits to, as planWave computed it: what the office checks before saving. */
export function WavePlanView({ plan }: { plan: WavePlan }) {
  const { lang, t } = useConsoleLang();
  const at = (iso: string) => jakartaTime(new Date(iso), lang);
  return (
    <dl class="facts" data-testid="wave-plan">
      <dt>{t("console.wave.id")}</dt>
      <dd>
        <code>{plan.waveId}</code> · {t(`console.state.${plan.state}`)}
      </dd>
      <dt>{t("console.wave.opensAt")}</dt>
      <dd data-testid="plan-opens">{at(plan.opensAt)}</dd>
      <dt>{t("console.wave.closesAt")}</dt>
      <dd data-testid="plan-closes">{at(plan.closesAt)}</dd>
      <dt>{t("console.wave.quota")}</dt>
      <dd data-testid="plan-quota">{count(plan.quota)}</dd>
      <dt>{t("console.wave.seats")}</dt>
      <dd>
        <ul data-testid="plan-seats">
          {plan.seats.map((stratum) => (
            <li key={stratum.code}>{t("console.wave.stratumSeats", { region: regionLabel(stratum.code), seats: count(stratum.seats) })}</li>
          ))}
          <li>{t("console.wave.nationalSeats", { seats: count(plan.nationalSeats) })}</li>
        </ul>
      </dd>
      <dt>{t("console.wave.familyLimit")}</dt>
      <dd>{t("console.wave.familyLimitValue", { limit: plan.familyLimit })}</dd>
      <dt>{t("console.wave.beacon")}</dt>
      <dd data-testid="plan-beacon">
        {t("console.wave.beaconRound", { round: plan.beacon.round, at: at(plan.beacon.publishedAt), source: plan.beacon.source })}
      </dd>
      {plan.priority !== undefined && (
        <>
          <dt>{t("console.wave.priority")}</dt>
          <dd data-testid="plan-priority">
            {t("console.wave.planPriority", {
              name: plan.priority.name,
              version: plan.priority.version,
              share: (plan.priority.basisPoints / 100).toLocaleString(lang === "id" ? "id-ID" : "en-US"),
              seats: count(plan.priority.seats),
            })}
          </dd>
        </>
      )}
    </dl>
  );
}

/** The wave as createWave saved it: its commitments, public from now on, and where the public sees them. */
export function CommittedWave({ saved, plan }: { saved: CreateWaveResult; plan: WavePlan }) {
  const { lang, t } = useConsoleLang();
  // The round's time is the plan's when the server committed to the round the plan showed.
  const roundAt = saved.draw.beacon.round === plan.beacon.round ? jakartaTime(new Date(plan.beacon.publishedAt), lang) : null;
  return (
    <div class="notice notice-ok stack" role="status" data-testid="wave-saved">
      <p>{t("console.wave.saved", { waveId: saved.waveId })}</p>
      <dl class="facts">
        <dt>{t("console.wave.state")}</dt>
        <dd>{t(`console.state.${saved.state}`)}</dd>
        <dt>{t("console.wave.seedCommitment")}</dt>
        <dd>
          <code class="hash" data-testid="saved-commitment">
            {saved.draw.seedCommitment}
          </code>
        </dd>
        <dt>{t("console.wave.beacon")}</dt>
        <dd data-testid="saved-beacon">
          {roundAt === null
            ? t("console.wave.beaconRoundOnly", { round: saved.draw.beacon.round, source: saved.draw.beacon.source })
            : t("console.wave.beaconRound", { round: saved.draw.beacon.round, at: roundAt, source: saved.draw.beacon.source })}
        </dd>
        <dt>{t("console.wave.familyLimit")}</dt>
        <dd>{t("console.wave.familyLimitValue", { limit: saved.draw.familyLimit })}</dd>
      </dl>
      <p>
        <NavLink href={transparencyPath(saved.waveId)}>{t("console.wave.transparencyLink", { waveId: saved.waveId })}</NavLink>
      </p>
    </div>
  );
}
