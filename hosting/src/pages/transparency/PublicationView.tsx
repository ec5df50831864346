import type { Publication } from "../../data/draws.js";
import type { ProvinceName } from "../../data/provinces.js";
import { useTransparencyLang } from "../../i18n/transparency.js";
import { DrawDownloads } from "./DrawDownloads.js";
import { DrawResult } from "./DrawResult.js";
import { ExcludedByReason } from "./ExcludedByReason.js";
import { ProvinceBreakdown } from "./ProvinceBreakdown.js";
import { RevealedRandomness } from "./RevealedRandomness.js";

interface Props {
  waveId: string;
  /** Null while the wave is not drawn yet. */
  publication: Publication | null;
  provinceName: ProvinceName;
}

/** A drawn wave's published draw, read from its manifest; before that, when to expect it. */
export function PublicationView({ waveId, publication, provinceName }: Props) {
  const { t } = useTransparencyLang();
  if (publication === null)
    return (
      <p class="notice" data-testid="draw-not-drawn">
        {t("transparency.notDrawn")}
      </p>
    );
  if (publication.state === "not-published")
    return (
      <p class="notice" data-testid="draw-not-published">
        {t("transparency.notPublished")}
      </p>
    );
  if (publication.state === "malformed")
    return (
      <p role="alert" class="notice notice-error" data-testid="draw-malformed">
        {t("transparency.malformed")}
      </p>
    );
  const { manifest } = publication;
  return (
    <>
      <DrawResult manifest={manifest} provinceName={provinceName} />
      <ExcludedByReason excluded={manifest.excludedByReason} />
      <RevealedRandomness manifest={manifest} />
      <ProvinceBreakdown byProvince={manifest.byProvince} provinceName={provinceName} />
      <DrawDownloads waveId={waveId} manifest={manifest} />
    </>
  );
}
