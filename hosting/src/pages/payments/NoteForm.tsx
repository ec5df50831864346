import { useState } from "preact/hooks";
import { Field } from "../../components/Field.js";
import { usePaymentsLang } from "../../i18n/payments.js";

export interface NoteAction<D extends string> {
  decision: D;
  label: string;
  /** The quieter look for the second of two choices. */
  secondary?: boolean;
}

interface Props<D extends string> {
  /** The control's ID (and the start of its messages' IDs). */
  id: string;
  actions: readonly NoteAction<D>[];
  /** Resolves when the call is over; the note is kept if it failed. */
  onDecide(decision: D, note: string): Promise<boolean>;
}

/** The shortest note the callables accept (schemas/payouts.ts: 3 characters once trimmed). */
const MIN_NOTE = 3;

/**
 * A decision with a required note (kept with it for the audit): the note is checked before
 * anything is sent, and its error is said at the field, which takes the focus.
 */
export function NoteForm<D extends string>({ id, actions, onDecide }: Props<D>) {
  const { t } = usePaymentsLang();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const decide = async (decision: D) => {
    if (busy) return;
    if (note.trim().length < MIN_NOTE) {
      setError(t("payments.noteRequired"));
      document.getElementById(id)?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    const done = await onDecide(decision, note.trim());
    setBusy(false);
    if (done) setNote("");
  };

  return (
    <form class="form" noValidate onSubmit={(event) => event.preventDefault()}>
      <Field id={id} label={t("payments.note")} hint={t("payments.noteHint")} error={error}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={500}
            value={note}
            onInput={(e) => {
              setNote(e.currentTarget.value);
              if (error && e.currentTarget.value.trim().length >= MIN_NOTE) setError(undefined);
            }}
          />
        )}
      </Field>
      <div class="actions">
        {actions.map((action) => (
          <button
            key={action.decision}
            type="button"
            class={action.secondary ? "button-secondary" : undefined}
            disabled={busy}
            onClick={() => void decide(action.decision)}
          >
            {busy ? t("payments.busy") : action.label}
          </button>
        ))}
      </div>
    </form>
  );
}
