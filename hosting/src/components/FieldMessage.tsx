interface Props {
  /** The control's ID: the message's IDs (and test IDs) are `<id>-error` and `<id>-note`. */
  id: string;
  /** What is wrong, in the reader's language. */
  error?: string;
  /**
   * What the form changed in the value (e.g. spaces dropped from a NIK), read out as it appears.
   * Pass "" for a control that may get one, so its live region is there before the text.
   */
  note?: string;
}

/**
 * The space under a control for its message. It is kept even while empty (one line, see
 * styles.css), so a message that appears when the person leaves the field does not push the
 * rest of the form down under their finger.
 */
export function FieldMessage({ id, error, note }: Props) {
  return (
    <div class="field-message">
      {error && (
        <p id={`${id}-error`} class="field-error" data-testid={`${id}-error`}>
          {error}
        </p>
      )}
      {note !== undefined && (
        <p id={`${id}-note`} class="field-note" role="status" data-testid={`${id}-note`}>
          {note}
        </p>
      )}
    </div>
  );
}

/** The IDs that describe a control: its hint, its error, its note (when shown). */
export function describedBy(id: string, parts: { hint?: string; error?: string; note?: string }): string | undefined {
  const ids = [parts.hint && `${id}-hint`, parts.error && `${id}-error`, parts.note && `${id}-note`].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}
