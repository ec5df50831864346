import type { ComponentChildren } from "preact";

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
  children: (control: ControlAttributes) => ComponentChildren;
}

/** A labelled form control whose hint and error are read out with it by screen readers. */
export function Field({ id, label, hint, error, children }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div class={error ? "field field-invalid" : "field"}>
      <label for={id}>{label}</label>
      {hint && (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
      {children({ id, "aria-invalid": error ? "true" : undefined, "aria-describedby": describedBy })}
      {error && (
        <p id={errorId} class="field-error" data-testid={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
