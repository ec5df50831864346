import type { MessageSpace } from "../../components/FieldMessage.js";
import type { PersonField, PersonValues } from "./personForm.js";

/** What each part of the registration form gets from the form that holds the values. */
export interface SectionProps {
  /** Starts every control's ID, so two forms could share a page. */
  prefix: string;
  values: PersonValues;
  /** An operator fills the form for someone else: the browser must not offer the operator's own details. */
  assisted: boolean;
  /** The field's message in the reader's language, if it has a problem. */
  errorOf(field: PersonField): string | undefined;
  /** What the form changed in a NIK or KK as typed (spaces and dots dropped); "" when nothing. */
  noteOf(field: "nik" | "kk"): string;
  /** Every message the field can get when it is left, in the reader's language: room is kept for the tallest. */
  spaceOf(field: PersonField): MessageSpace;
  update(patch: Partial<PersonValues>): void;
  /** Validates one field when the person leaves it. */
  check(field: PersonField): void;
}

export const controlId = (prefix: string, field: PersonField) => `${prefix}-${field}`;
