import { useEffect, useRef, useState } from "preact/hooks";
import type { JoinWaveResult } from "@schemas/contract.js";
import { FieldMessage } from "../../components/FieldMessage.js";
import { Loaded } from "../../components/Loaded.js";
import { ReasonList } from "../../components/ReasonList.js";
import { noticeText } from "../../data/refusals.js";
import { useLoad } from "../../data/useLoad.js";
import { callJoinWaveOnBehalf } from "../../data/verification.js";
import { loadUndrawnWaves } from "../../data/waves.js";
import { jakartaTime } from "../../format.js";
import { useDeskLang } from "../../i18n/desk.js";
import { joinableWave, type WaveLike } from "../status/nextStep.js";
import { CONSENT_REQUIRED, joinKey, joinOnBehalfFailure, type JoinOnBehalfFailure } from "./joinOnBehalf.js";

/** The open wave (the one a person joining now would join), or null. */
const loadOpenWave = async (): Promise<WaveLike | null> => joinableWave(await loadUndrawnWaves(), new Date());

/**
 * At the desk: the operator asks the person, ticks their consent, and joins them to the open wave
 * (joinWaveOnBehalf). The person's history then says that an operator did it, with their consent.
 */
export function JoinOnBehalf({ uid }: { uid: string }) {
  const { t } = useDeskLang();
  const wave = useLoad(loadOpenWave, [uid]);
  return (
    <section class="join-behalf stack" aria-labelledby={`join-${uid}-title`} data-testid="join-on-behalf">
      <h3 id={`join-${uid}-title`}>{t("desk.join.title")}</h3>
      <Loaded load={wave}>{(open) => (open ? <JoinForm uid={uid} wave={open} /> : <p data-testid="join-no-wave">{t("desk.join.none")}</p>)}</Loaded>
    </section>
  );
}

function JoinForm({ uid, wave }: { uid: string; wave: WaveLike }) {
  const { lang, t } = useDeskLang();
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<JoinWaveResult | null>(null);
  const [failure, setFailure] = useState<JoinOnBehalfFailure | null>(null);
  // One request per person and wave: pressing again after a lost answer joins them once.
  const request = useRef<{ key: string; requestId: string } | null>(null);
  const id = `join-${uid}-consent`;

  const outcome = useRef<HTMLParagraphElement>(null);
  useEffect(() => outcome.current?.focus(), [done]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    if (!consent) {
      setFailure({ kind: "consent", error: CONSENT_REQUIRED });
      document.getElementById(id)?.focus();
      return;
    }
    const key = joinKey(uid, wave.id);
    if (request.current?.key !== key) request.current = { key, requestId: crypto.randomUUID() };
    setBusy(true);
    try {
      setDone(await callJoinWaveOnBehalf({ requestId: request.current.requestId, uid, waveId: wave.id, consent: true }));
    } catch (error) {
      setFailure(joinOnBehalfFailure(error));
    } finally {
      setBusy(false);
    }
  };

  const consentError = failure?.kind === "consent" ? failure.error.message[lang] : undefined;
  return (
    <>
      <p>{t("desk.join.open", { number: wave.number, closes: jakartaTime(wave.closesAt, lang) })}</p>
      {done ? (
        <p ref={outcome} tabIndex={-1} role="status" class="notice notice-ok" data-testid="join-done" data-joined={String(done.joined)}>
          {done.joined ? t("desk.join.done", { number: wave.number }) : t("desk.join.alreadyInPool")}
        </p>
      ) : (
        <form class="form" noValidate onSubmit={submit} aria-busy={busy}>
          <div class={consentError ? "field consent field-invalid" : "field consent"}>
            <label class="choice" for={id}>
              <input
                type="checkbox"
                id={id}
                checked={consent}
                aria-invalid={consentError ? "true" : undefined}
                aria-describedby={consentError ? `${id}-error` : undefined}
                onChange={(e) => {
                  setConsent(e.currentTarget.checked);
                  setFailure((shown) => (shown?.kind === "consent" ? null : shown));
                }}
              />
              <span>{t("desk.join.consent", { number: wave.number })}</span>
            </label>
            <FieldMessage id={id} error={consentError} />
          </div>
          <div class="actions">
            <button type="submit" disabled={busy}>
              {busy ? t("desk.join.busy") : t("desk.join.submit", { number: wave.number })}
            </button>
          </div>
        </form>
      )}
      <div role="status" aria-live="polite" data-testid="join-error">
        {failure?.kind === "reasons" && (
          <div class="notice notice-error">
            <p>{t("desk.join.notEligibleBecause")}</p>
            <ReasonList reasons={failure.reasons} reader="operator" />
          </div>
        )}
        {(failure?.kind === "refusal" || failure?.kind === "message") && <p class="notice notice-error">{noticeText(failure, lang, t)}</p>}
      </div>
    </>
  );
}
