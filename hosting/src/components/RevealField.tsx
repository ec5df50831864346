import { useEffect, useRef, useState } from "preact/hooks";
import { isRefusalOf } from "@schemas/contract.js";
import { REVEAL_NOTE_MAX, REVEAL_PURPOSES, type PersonalField, type RevealPurpose } from "@schemas/personalAccess.js";
import { callable } from "../data/callable.js";
import { callableFailure } from "../data/callableError.js";
import { noticeText, refusalNotice, type Notice } from "../data/refusals.js";
import { useRevealLang } from "../i18n/reveal.js";

const callReveal = callable("revealPersonalData");

/** How long a revealed value stays on screen. */
export const REVEAL_SECONDS = 60;

export interface RevealFieldProps {
  /** The person's uid (their account code). */
  uid: string;
  /** Which sealed value: "nik" | "kk" | "fullName" | "phone" | "birthDate". */
  field: PersonalField;
  /** What to show until revealed, as the person's document or list row has it (`nikMasked`, `nameMasked`, `phoneMasked`). */
  masked: string;
}

type Failure = Notice<"not-operator-or-admin" | "registrant-not-found" | "person-outside-region", "reveal.unauthenticated" | "reveal.other">;

/**
 * One personal value of one person, masked, with a "Tampilkan / Reveal" button for operators
 * (their region) and admins. Revealing asks for the purpose (a fixed list, or "other" with a
 * note), calls `revealPersonalData` — which records the reveal on the audit log before it answers
 * — and shows the value for REVEAL_SECONDS seconds, or until "Sembunyikan / Hide", or until the
 * page is left (the value lives only in this component's state). A refusal (role, region, unknown
 * person) shows the server's words in the reader's language.
 *
 * Props: `{ uid, field, masked }` — e.g. `<RevealField uid={row.uid} field="nik" masked={row.nikMasked} />`.
 * Embedded by the registrant record page and the desk lookup.
 */
export function RevealField({ uid, field, masked }: RevealFieldProps) {
  const { t, lang } = useRevealLang();
  const [asking, setAsking] = useState(false);
  const [purpose, setPurpose] = useState<RevealPurpose>("desk-verification");
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [noteError, setNoteError] = useState<string | null>(null);
  const [value, setValue] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const id = `reveal-${uid}-${field}`;
  const label = t(`reveal.field.${field}`);

  const hide = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    setValue(null);
  };
  // Leaving the page unmounts the component: the value goes with its state, and the timer with it.
  useEffect(() => hide, []);
  // Another person or field in the same place (a list re-rendered): nothing revealed carries over.
  useEffect(() => {
    hide();
    setAsking(false);
  }, [uid, field]);

  const reveal = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    setNoteError(null);
    try {
      const trimmed = note.trim();
      const answer = await callReveal({ requestId: crypto.randomUUID(), uid, field, purpose, ...(trimmed === "" ? {} : { note: trimmed }) });
      setAsking(false);
      setNote("");
      setValue(answer.value);
      timer.current = setTimeout(hide, REVEAL_SECONDS * 1000);
    } catch (error) {
      const found = callableFailure(error);
      const noteField = found.fields.find((entry) => entry.field === "note");
      if (noteField !== undefined) setNoteError(noteField.message[lang]);
      else if (isRefusalOf("revealPersonalData", found.reason)) setFailure(refusalNotice(found.reason));
      else setFailure({ kind: "message", message: found.code === "unauthenticated" ? "reveal.unauthenticated" : "reveal.other" });
    } finally {
      setBusy(false);
    }
  };

  return (
    <span class="reveal-field" data-testid={`reveal-${field}`}>
      {value === null ? (
        <span class="number">{masked}</span>
      ) : (
        <>
          <output class="number" id={`${id}-value`} aria-live="polite" data-testid={`revealed-${field}`}>
            {value}
          </output>{" "}
          <span class="muted">{t("reveal.shown", { seconds: REVEAL_SECONDS })}</span>{" "}
          <button type="button" class="button-quiet" onClick={hide}>
            {t("reveal.hide")}
          </button>
        </>
      )}
      {value === null && !asking && (
        <>
          {" "}
          <button type="button" class="button-quiet" aria-label={t("reveal.showLabel", { field: label })} onClick={() => setAsking(true)}>
            {t("reveal.show")}
          </button>
        </>
      )}
      {asking && (
        <form class="form reveal-ask" onSubmit={(event) => void reveal(event)} aria-label={t("reveal.showLabel", { field: label })}>
          <p>{t("reveal.ask", { field: label })}</p>
          <div class="field">
            <label for={`${id}-purpose`}>{t("reveal.purpose")}</label>
            <select id={`${id}-purpose`} value={purpose} onChange={(event) => setPurpose(purposeOf(event.currentTarget.value))}>
              {REVEAL_PURPOSES.map((option) => (
                <option key={option} value={option}>
                  {t(`reveal.purpose.${option}`)}
                </option>
              ))}
            </select>
          </div>
          <div class={noteError === null ? "field" : "field field-invalid"}>
            <label for={`${id}-note`}>{t("reveal.note")}</label>
            <span class="hint" id={`${id}-note-hint`}>
              {t("reveal.noteHint")}
            </span>
            <input
              id={`${id}-note`}
              type="text"
              maxLength={REVEAL_NOTE_MAX}
              required={purpose === "other"}
              value={note}
              aria-invalid={noteError !== null}
              aria-describedby={noteError === null ? `${id}-note-hint` : `${id}-note-hint ${id}-note-error`}
              onInput={(event) => setNote(event.currentTarget.value)}
            />
            {noteError !== null && (
              <span class="field-error" id={`${id}-note-error`}>
                {noteError}
              </span>
            )}
          </div>
          <div class="actions">
            <button type="submit" disabled={busy}>
              {busy ? t("reveal.busy") : t("reveal.confirm")}
            </button>
            <button type="button" class="button-secondary" disabled={busy} onClick={() => setAsking(false)}>
              {t("reveal.cancel")}
            </button>
          </div>
        </form>
      )}
      {failure !== null && (
        <span class="notice notice-error" role="alert">
          {noticeText(failure, lang, t)}
        </span>
      )}
    </span>
  );
}

const purposeOf = (value: string): RevealPurpose => REVEAL_PURPOSES.find((purpose) => purpose === value) ?? "other";
