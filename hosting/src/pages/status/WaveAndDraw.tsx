import { useEffect, useRef, useState } from "preact/hooks";
import type { JoinWaveResult } from "../../data/joinWave.js";
import type { MyStatus } from "../../data/registration.js";
import type { Wave } from "../../data/waves.js";
import { useWaveStatusLang } from "../../i18n/waveStatus.js";
import { LatestDraw } from "./LatestDraw.js";
import { nextStep } from "./nextStep.js";
import { NextStepNotice } from "./NextStepNotice.js";
import { OpenWave } from "./OpenWave.js";

/** "Gelombang & undian": the next step, joining the open wave, the person's pseudonymous ID, every draw they were in. */
export function WaveAndDraw({ status, waves }: { status: MyStatus; waves: readonly Wave[] }) {
  const { t } = useWaveStatusLang();
  // Joining changes only this section; the answer is enough to show it without asking again.
  const [joined, setJoined] = useState<JoinWaveResult | null>(null);
  const draw = status.draw;
  const pid = joined?.pid ?? draw?.pid;
  const inPool = joined !== null || draw?.inPool === true;
  const step = nextStep({ status, waves, now: new Date(), justJoined: joined !== null });
  // Every draw whose pool the person was in, newest first (an older answer carries only the latest).
  const draws = draw?.draws ?? (draw?.latest ? [draw.latest] : []);
  const waveOf = (waveId: string) => waves.find((wave) => wave.id === waveId) ?? null;

  // The join button disappears with the answer: focus its outcome so a screen reader reads it.
  const outcome = useRef<HTMLParagraphElement>(null);
  useEffect(() => outcome.current?.focus(), [joined]);

  return (
    <section aria-labelledby="draw-title" class="card wave-draw" data-testid="wave-draw" data-in-pool={String(inPool)}>
      <h2 id="draw-title">{t("draw.title")}</h2>
      {joined && (
        <p ref={outcome} tabIndex={-1} role="status" class="notice notice-ok" data-testid="joined">
          {t(joined.joined ? "draw.joined" : "draw.alreadyInPool")}
        </p>
      )}
      <NextStepNotice step={step} />
      {step.kind === "join" && <OpenWave wave={step.wave} onJoined={setJoined} />}
      {pid !== undefined && (
        <dl class="facts facts-stacked">
          <dt>{t("draw.pid")}</dt>
          <dd>
            <code data-testid="draw-pid">{pid}</code>
          </dd>
        </dl>
      )}
      {pid !== undefined && <p class="muted">{t("draw.pidHint")}</p>}
      {draws.length > 0 && (
        <div data-testid="my-draws">
          {draws.map((one) => (
            <LatestDraw key={one.waveId} latest={one} wave={waveOf(one.waveId)} />
          ))}
        </div>
      )}
    </section>
  );
}
