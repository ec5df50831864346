import { NavLink } from "../../components/NavLink.js";
import type { ProvinceName } from "../../data/provinces.js";
import type { Wave } from "../../data/waves.js";
import { useTransparencyLang } from "../../i18n/transparency.js";
import { transparencyPath } from "../../router.js";
import { WaveFacts } from "./WaveFacts.js";
import { WavePlan } from "./WavePlan.js";

/** One wave in the list: its dates, its plan, and the way to its draw. */
export function WaveCard({ wave, provinceName }: { wave: Wave; provinceName: ProvinceName }) {
  const { t } = useTransparencyLang();
  return (
    <li class="card" data-testid="transparency-wave" data-wave-id={wave.id} data-state={wave.state}>
      <h3>
        {t("waves.item", { number: wave.number })} <span class={`badge badge-${wave.state}`}>{t(`wave.${wave.state}`)}</span>
      </h3>
      <WaveFacts wave={wave} />
      <h4>{t("transparency.plan")}</h4>
      <WavePlan wave={wave} provinceName={provinceName} />
      <p>
        <NavLink href={transparencyPath(wave.id)}>{t("transparency.details", { number: wave.number })}</NavLink>
      </p>
    </li>
  );
}
