import type { Wave } from "../../data/waves.js";
import { jakartaTime } from "../../format.js";
import { useTransparencyLang } from "../../i18n/transparency.js";

/** When a wave opens and closes, and its program year. */
export function WaveFacts({ wave }: { wave: Wave }) {
  const { lang, t } = useTransparencyLang();
  return (
    <dl class="facts">
      <dt>{t("waves.opens")}</dt>
      <dd>{jakartaTime(wave.opensAt, lang)}</dd>
      <dt>{t("waves.closes")}</dt>
      <dd>{jakartaTime(wave.closesAt, lang)}</dd>
      <dt>{t("transparency.year")}</dt>
      <dd>{wave.programYear}</dd>
    </dl>
  );
}
