/** What a control can show under itself when the person leaves it, in the reader's language. */
export interface MessageSpace {
  /** Every message its check can give. */
  errors: readonly string[];
  /** A note it may show with any of them (e.g. that the spaces typed in a NIK were dropped). */
  note?: string;
}

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
  /** The messages to keep room for; without it, one line is kept. */
  space?: MessageSpace;
}

/**
 * The space under a control for its message. It is kept even while empty, so a message that
 * appears when the person leaves the field does not push the rest of the form down under their
 * finger: hidden copies of every message the field's check can give share one grid cell with
 * the message shown (see styles.css), so the cell is as tall as the tallest of them at the
 * screen's width and the reader's text size. Screen readers skip the copies.
 */
export function FieldMessage({ id, error, note, space }: Props) {
  return (
    <div class="field-message">
      <div>
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
      {space?.errors.map((text) => (
        <div key={text} class="field-message-space" aria-hidden="true">
          <p class="field-error">{text}</p>
          {space.note && <p class="field-note">{space.note}</p>}
        </div>
      ))}
    </div>
  );
}

/** The IDs that describe a control: its hint, its error, its note (when shown). */
export function describedBy(id: string, parts: { hint?: string; error?: string; note?: string }): string | undefined {
  const ids = [parts.hint && `${id}-hint`, parts.error && `${id}-error`, parts.note && `${id}-note`].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}
