import type { DrawManifestDoc } from "@schemas/draw.js";
import { useTransparencyLang } from "../../i18n/transparency.js";

/**
 * The values that decided the draw, revealed after the pool was locked: with the plan's seed
 * commitment and beacon round above, anyone can check the seed and recompute the draw key.
 */
export function RevealedRandomness({ manifest }: { manifest: DrawManifestDoc }) {
  const { t } = useTransparencyLang();
  const { seed, beacon, poolRoot, drawKey } = manifest;
  return (
    <section aria-labelledby="revealed-title">
      <h2 id="revealed-title">{t("transparency.revealed")}</h2>
      <dl class="facts facts-stacked card" data-testid="draw-revealed">
        <dt>{t("transparency.poolRoot")}</dt>
        <dd>
          <code data-testid="draw-pool-root">{poolRoot}</code>
        </dd>
        <dt>{t("transparency.seed")}</dt>
        <dd>
          <code data-testid="draw-seed">{seed}</code>
        </dd>
        <dt>{t("transparency.beaconValue", { round: beacon.round })}</dt>
        <dd>
          <code data-testid="draw-beacon-value">{beacon.value}</code>
        </dd>
        {drawKey !== undefined && (
          <>
            <dt>{t("transparency.drawKey")}</dt>
            <dd>
              <code>{drawKey}</code>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
