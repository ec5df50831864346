import { useEffect, useRef, useState } from "preact/hooks";
import type { JoinWaveResult } from "../../data/joinWave.js";
import type { MyStatus } from "../../data/registration.js";
import { useWaveStatusLang } from "../../i18n/waveStatus.js";
import { JoinWave } from "./JoinWave.js";
import { LatestDraw } from "./LatestDraw.js";

/** "Gelombang & undian": joining the open wave, the person's pseudonymous ID, the pool, the latest draw. */
export function WaveAndDraw({ status }: { status: MyStatus }) {
  const { t } = useWaveStatusLang();
  // Joining changes only this section; the answer is enough to show it without asking again.
  const [joined, setJoined] = useState<JoinWaveResult | null>(null);
  const draw = status.draw;
  const pid = joined?.pid ?? draw?.pid;
  const inPool = joined !== null || draw?.inPool === true;
  const registered = status.status === "registered";
  const eligible = status.eligibility.eligible;

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
      {pid !== undefined && (
        <dl class="facts facts-stacked">
          <dt>{t("draw.pid")}</dt>
          <dd>
            <code data-testid="draw-pid">{pid}</code>
          </dd>
        </dl>
      )}
      {pid !== undefined && <p class="muted">{t("draw.pidHint")}</p>}
      {inPool && <p data-testid="in-pool">{t("draw.inPool")}</p>}
      {registered && !inPool && <p>{t("draw.notInPool")}</p>}
      {registered && !inPool && (eligible ? <JoinWave onJoined={setJoined} /> : <p>{t("draw.notEligible")}</p>)}
      {draw?.latest && <LatestDraw latest={draw.latest} />}
    </section>
  );
}
