import { Loaded } from "../../components/Loaded.js";
import type { JoinWaveResult } from "../../data/joinWave.js";
import { useLoad } from "../../data/useLoad.js";
import { loadOpenWave } from "../../data/waves.js";
import { useWaveStatusLang } from "../../i18n/waveStatus.js";
import { OpenWave } from "./OpenWave.js";

const loadOpenWaveNow = () => loadOpenWave(new Date());

/** For a registered, eligible person not in the pool: the wave open now to join, if any. */
export function JoinWave({ onJoined }: { onJoined: (result: JoinWaveResult) => void }) {
  const { t } = useWaveStatusLang();
  const openWave = useLoad(loadOpenWaveNow, []);
  return (
    <Loaded load={openWave}>
      {(wave) =>
        wave === null ? (
          <p class="muted" data-testid="no-open-wave">
            {t("draw.noOpenWave")}
          </p>
        ) : (
          <OpenWave wave={wave} onJoined={onJoined} />
        )
      }
    </Loaded>
  );
}
