import { useState } from "preact/hooks";
import { ReasonList } from "../../components/ReasonList.js";
import { callJoinWave, type JoinWaveResult } from "../../data/joinWave.js";
import { noticeText } from "../../data/refusals.js";
import { count } from "../../format.js";
import { useWaveStatusLang } from "../../i18n/waveStatus.js";
import { joinFailure, type JoinFailure } from "./joinFailure.js";
import type { WaveLike } from "./nextStep.js";

interface Props {
  wave: WaveLike;
  onJoined: (result: JoinWaveResult) => void;
}

/** The open wave's quota (the next step above names it and its closing time), and the button that joins it. */
export function OpenWave({ wave, onJoined }: Props) {
  const { lang, t } = useWaveStatusLang();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<JoinFailure | null>(null);

  const join = async () => {
    setBusy(true);
    setFailure(null);
    try {
      onJoined(await callJoinWave({ waveId: wave.id }));
    } catch (error) {
      setFailure(joinFailure(error));
      setBusy(false);
    }
  };

  return (
    <div class="join-wave" data-testid="open-wave" data-wave-id={wave.id}>
      <dl class="facts">
        <dt>{t("waves.quota")}</dt>
        <dd>{t("waves.quotaValue", { count: count(wave.quota) })}</dd>
      </dl>
      <div class="actions">
        <button type="button" onClick={join} disabled={busy}>
          {busy ? t("draw.joining") : t("draw.join", { number: wave.number })}
        </button>
      </div>
      {failure && failure.kind !== "reason" && (
        <p role="alert" class="notice notice-error" data-testid="join-error">
          {noticeText(failure, lang, t)}
        </p>
      )}
      {failure?.kind === "reason" && (
        <div role="alert" class="notice notice-error" data-testid="join-error">
          <p>{t("join.notEligibleBecause")}</p>
          <ReasonList reasons={[failure.reason]} withNextSteps />
        </div>
      )}
    </div>
  );
}
