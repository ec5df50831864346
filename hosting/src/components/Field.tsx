import type { ComponentChildren } from "preact";
import { describedBy, FieldMessage, type MessageSpace } from "./FieldMessage.js";

export interface ControlAttributes {
  id: string;
  "aria-invalid": "true" | undefined;
  "aria-describedby": string | undefined;
}

interface Props {
  id: string;
  label: string;
  hint?: string;
  /** Already in the reader's language. */
  error?: string;
  /** What the form changed in the value; "" for a control that may get one (see FieldMessage). */
  note?: string;
  /** The messages leaving the control can show, to keep room for (see FieldMessage). */
  space?: MessageSpace;
  children: (control: ControlAttributes) => ComponentChildren;
}

/** A labelled form control whose hint, error and note are read out with it by screen readers. */
export function Field({ id, label, hint, error, note, space, children }: Props) {
  return (
    <div class={error ? "field field-invalid" : "field"}>
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {children({ id, "aria-invalid": error ? "true" : undefined, "aria-describedby": describedBy(id, { hint, error, note }) })}
      <FieldMessage id={id} error={error} note={note} space={space} />
    </div>
  );
}
