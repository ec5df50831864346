import { publicationTime, QUICKNET } from "@domain/beacon.js";
import type { Publication } from "../../data/draws.js";
import type { ProvinceName } from "../../data/provinces.js";
import { jakartaTime } from "../../format.js";
import { useTransparencyLang } from "../../i18n/transparency.js";
import { CheckMyId } from "./CheckMyId.js";
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
  /** The wave's beacon round: the draw runs once it is out. */
  round: number;
}

/** A drawn wave's published draw, read from its manifest, with "check my ID"; before that, when to expect it. */
export function PublicationView({ waveId, publication, provinceName, round }: Props) {
  const { lang, t } = useTransparencyLang();
  if (publication === null)
    return (
      <>
        <p class="notice" data-testid="draw-not-drawn">
          {t("transparency.notDrawn")}
        </p>
        {/* Production and the local stack both run on quicknet's clock (composition.ts, scripts/stack/beacon.ts). */}
        <p data-testid="draw-expected">{t("transparency.drawExpected", { round, time: jakartaTime(publicationTime(round, QUICKNET), lang) })}</p>
      </>
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
      {manifest.drawKey !== undefined && <CheckMyId waveId={waveId} manifest={manifest} drawKey={manifest.drawKey} provinceName={provinceName} />}
      <ExcludedByReason excluded={manifest.excludedByReason} />
      <RevealedRandomness manifest={manifest} />
      <ProvinceBreakdown byProvince={manifest.byProvince} provinceName={provinceName} />
      <DrawDownloads waveId={waveId} manifest={manifest} />
    </>
  );
}
