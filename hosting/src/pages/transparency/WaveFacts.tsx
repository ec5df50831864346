import type { Wave } from "../../data/waves.js";
import { count, jakartaTime } from "../../format.js";
import { useTransparencyLang } from "../../i18n/transparency.js";

/**
 * When a wave opens and closes, its program year, and its quota — with the seats freed by an
 * earlier wave's revoked participants, each line saying from which wave they came.
 */
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
      <dt>{t("transparency.quota")}</dt>
      <dd data-testid="wave-quota">
        {count(wave.quota)}
        {(wave.freedSeats ?? []).map((freed) => (
          <span key={freed.fromWave + String(freed.at)} class="freed-seats" data-testid="freed-seats" data-from={freed.fromWave}>
            {" "}
            ({t("transparency.freedSeats", { seats: count(freed.seats), wave: freed.fromWave })})
          </span>
        ))}
      </dd>
    </dl>
  );
}
