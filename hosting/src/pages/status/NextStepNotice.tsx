import { NavLink } from "../../components/NavLink.js";
import { jakartaTime, regionName } from "../../format.js";
import { useWaveStatusLang, type WaveStatusMessageId } from "../../i18n/waveStatus.js";
import { PATHS } from "../../router.js";
import type { NextStep, WaveLike } from "./nextStep.js";

type Line = [WaveStatusMessageId, Record<string, string | number>?];

/** The sentences of a step, each with the wave it names. */
function linesOf(step: NextStep, when: (date: Date) => string): Line[] {
  const wave = (w: WaveLike) => ({ number: w.number, opens: when(w.opensAt), closes: when(w.closesAt) });
  switch (step.kind) {
    case "register":
      return [step.open ? ["step.registerOpen", wave(step.open)] : ["step.register"]];
    case "revoked":
      return [["step.revoked"]];
    case "participant":
      return [step.drawnIn ? ["step.participant", wave(step.drawnIn)] : ["step.participantNoWave"]];
    case "not-eligible":
      return [[step.inPool ? "step.notEligibleInPool" : "draw.notEligible"]];
    case "verify": {
      const regency = regionName(step.regency);
      if (step.rejected) return [["step.verifyAgain", { regency }]];
      return [step.open ? ["step.verifyOpen", { ...wave(step.open), regency }] : ["step.verify", { regency }]];
    }
    case "join":
      return [["step.join", wave(step.wave)]];
    case "wait-for-wave":
      return [step.next ? ["step.waitScheduled", wave(step.next)] : ["step.waitNone"]];
    case "in-pool": {
      const notDrawn: Line[] = step.notDrawnIn ? [step.notDrawnIn.wave ? ["step.notDrawnIn", wave(step.notDrawnIn.wave)] : ["step.notDrawnLatest"]] : [];
      const { next } = step;
      if (next === null) return [...notDrawn, ["step.poolUnknown"]];
      const phase = { open: "step.poolOpen", closed: "step.poolClosed", scheduled: "step.poolScheduled" } as const;
      return [...notDrawn, [phase[next.phase], wave(next.wave)]];
    }
    case "other":
      return [];
  }
}

/** "Langkah berikutnya": what to do or expect now, naming the wave it is about. */
export function NextStepNotice({ step }: { step: NextStep }) {
  const { lang, t } = useWaveStatusLang();
  const lines = linesOf(step, (date) => jakartaTime(date, lang));
  if (lines.length === 0) return null;
  return (
    <div class="notice next-step" data-testid="next-step" data-step={step.kind}>
      <h3>{t("step.title")}</h3>
      {lines.map(([key, params]) => (
        <p key={key}>{t(key, params)}</p>
      ))}
      {step.kind === "participant" && (
        <p>
          <NavLink href={PATHS.myTraining}>{t("step.myTraining")}</NavLink>
        </p>
      )}
    </div>
  );
}
