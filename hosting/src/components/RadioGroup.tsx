import { FieldMessage, type MessageSpace } from "./FieldMessage.js";

export interface RadioOption<V extends string> {
  value: V;
  label: string;
}

interface Props<V extends string> {
  /** The radios' shared name, also the start of their IDs (`<name>-<value>`). */
  name: string;
  legend: string;
  options: readonly RadioOption<V>[];
  /** "" while nothing is chosen. */
  value: V | "";
  /** Already in the reader's language. */
  error?: string;
  /** The messages leaving the group can show, to keep room for (see FieldMessage). */
  space?: MessageSpace;
  onChange(value: V): void;
  onBlur(): void;
}

/**
 * A question answered by one choice: a fieldset whose legend is the question. The error is
 * tied to each radio (not only to the group), because screen readers announce a radio's own
 * description when it takes the focus but rarely the group's.
 */
export function RadioGroup<V extends string>({ name, legend, options, value, error, space, onChange, onBlur }: Props<V>) {
  const errorId = error ? `${name}-error` : undefined;
  return (
    <fieldset class={error ? "field choices field-invalid" : "field choices"}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} class="choice">
          <input
            type="radio"
            id={`${name}-${option.value}`}
            name={name}
            value={option.value}
            checked={value === option.value}
            aria-invalid={error ? "true" : undefined}
            aria-describedby={errorId}
            onChange={() => onChange(option.value)}
            onBlur={onBlur}
          />
          <span>{option.label}</span>
        </label>
      ))}
      <FieldMessage id={name} error={error} space={space} />
    </fieldset>
  );
}
