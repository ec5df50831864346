import type { DrawManifestDoc } from "@schemas/draw.js";
import { manifestPath, pagePath, verifyCommand } from "../../data/draws.js";
import { count } from "../../format.js";
import { useTransparencyLang } from "../../i18n/transparency.js";
import { CopyCommand } from "./CopyCommand.js";
import { PageLinks } from "./PageLinks.js";

interface Props {
  waveId: string;
  manifest: DrawManifestDoc;
}

/** The published files themselves, and the command that re-runs the draw from them. */
export function DrawDownloads({ waveId, manifest }: Props) {
  const { t } = useTransparencyLang();
  const winnersPages = manifest.winners.pages ?? [];
  return (
    <section aria-labelledby="downloads-title">
      <h2 id="downloads-title">{t("transparency.downloads")}</h2>
      <ul class="plain-list downloads">
        <li>
          <a href={manifestPath(waveId)} type="application/json" data-testid="manifest-link">
            {t("transparency.manifest")}
          </a>
        </li>
      </ul>
      <PageLinks
        summary={t("transparency.poolPages", { count: count(manifest.pool.pages.length) })}
        pages={manifest.pool.pages.map((page) => ({ href: pagePath(waveId, page.href), count: page.count }))}
        testId="pool-pages"
      />
      {winnersPages.length > 0 && (
        <PageLinks
          summary={t("transparency.winnersPages", { count: count(winnersPages.length) })}
          pages={winnersPages.map((page) => ({ href: pagePath(waveId, page.href), count: page.count }))}
          testId="winners-pages"
        />
      )}
      <p>{t("transparency.verify")}</p>
      <CopyCommand command={verifyCommand(waveId, location.origin)} />
    </section>
  );
}
