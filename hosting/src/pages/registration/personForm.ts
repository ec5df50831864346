import type { FieldError, RegisterInput } from "@schemas";
import { fieldErrors } from "@schemas/messages.js";
import { cardNumberDigits, registerInput } from "@schemas/registration.js";
import type { RegistrationMessageKey } from "@schemas/registrationMessages.js";

/** The registration form's values, checked with the very schema the register callables parse. */

/** In the order they appear on the form, so the first invalid one can take the focus. */
export const PERSON_FIELDS = [
  "nik",
  "kk",
  "fullName",
  "birthDate",
  "sex",
  "phone",
  "provinceCode",
  "regencyCode",
  "districtCode",
  "inFormalEducation",
  "occupation",
  "receivesSocialAid",
  "consent",
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];
/** Problems that belong to no field on the form (e.g. the request ID) are shown for the whole form. */
export type PersonErrors = Partial<Record<PersonField | "form", FieldError>>;

/** Radio answers start unanswered (""): a default would answer for the person. */
export type YesNo = "" | "yes" | "no";

export interface PersonValues {
  nik: string;
  kk: string;
  fullName: string;
  birthDate: string;
  sex: "" | "male" | "female";
  phone: string;
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  inFormalEducation: YesNo;
  occupation: string;
  receivesSocialAid: YesNo;
  consent: boolean;
}

/** An empty form; an operator's starts in their own province (and regency, when scoped to one). */
export function emptyPerson(region = ""): PersonValues {
  return {
    nik: "",
    kk: "",
    fullName: "",
    birthDate: "",
    sex: "",
    phone: "",
    provinceCode: region.slice(0, 2),
    regencyCode: region.length === 4 ? region : "",
    districtCode: "",
    inFormalEducation: "",
    occupation: "",
    receivesSocialAid: "",
    consent: false,
  };
}

// Nothing typed or chosen is sent as absent, so each field gets its "please fill in" message
// rather than one about the format of an empty text.
const text = (value: string) => (value.trim() === "" ? undefined : value);
const yesNo = (value: YesNo) => (value === "" ? undefined : value === "yes");

function inputOf(values: PersonValues): Record<string, unknown> {
  return {
    nik: text(values.nik),
    kk: text(values.kk),
    fullName: text(values.fullName),
    birthDate: text(values.birthDate),
    sex: text(values.sex),
    phone: text(values.phone),
    provinceCode: text(values.provinceCode),
    regencyCode: text(values.regencyCode),
    districtCode: text(values.districtCode),
    inFormalEducation: yesNo(values.inFormalEducation),
    occupation: text(values.occupation),
    receivesSocialAid: yesNo(values.receivesSocialAid),
    consent: values.consent,
  };
}

function isPersonField(field: string): field is PersonField {
  return (PERSON_FIELDS as readonly string[]).includes(field);
}

/** One message per field (the first). The operator's callable names fields `person.<field>`. */
export function errorsByField(list: readonly FieldError[]): PersonErrors {
  const errors: PersonErrors = {};
  for (const error of list) {
    const field = error.field.replace(/^person\./, "");
    errors[isPersonField(field) ? field : "form"] ??= error;
  }
  return errors;
}

export type Checked = { ok: true; input: RegisterInput } | { ok: false; errors: PersonErrors };

export function checkPerson(values: PersonValues): Checked {
  const parsed = registerInput.safeParse(inputOf(values));
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, errors: errorsByField(fieldErrors(parsed.error)) };
}

/** The fields typed as printed on a card, where spaces and dots are dropped (as the schema does). */
export const CARD_NUMBER_FIELDS = ["nik", "kk"] as const satisfies readonly PersonField[];
export type CardNumberField = (typeof CARD_NUMBER_FIELDS)[number];

/**
 * The values with the spaces and dots of `fields` dropped, and which of them changed, so the form
 * can show what will be sent and say that it changed it.
 */
export function withCardNumberDigits(
  values: PersonValues,
  fields: readonly CardNumberField[] = CARD_NUMBER_FIELDS,
): { values: PersonValues; changed: CardNumberField[] } {
  const changed = fields.filter((field) => cardNumberDigits(values[field]) !== values[field]);
  const next = { ...values };
  for (const field of changed) next[field] = cardNumberDigits(values[field]);
  return { values: next, changed };
}

/**
 * Every message checkPerson can give each field (tests/unit/web/checkMessages.test.ts holds it to
 * that): the form keeps room under each field for the tallest of them, so that the message a
 * field gets when it is left moves nothing below it. The server's refusals (a NIK already
 * registered…) come only after the button is pressed and are not counted.
 */
export const CHECK_MESSAGES: Record<PersonField, readonly RegistrationMessageKey[]> = {
  nik: ["nik-format"],
  kk: ["kk-format", "kk-equals-nik"],
  fullName: ["name-required", "name-length", "name-characters"],
  birthDate: ["birth-date-format", "birth-date-invalid", "birth-date-future"],
  sex: ["sex-required"],
  phone: ["phone-format"],
  provinceCode: ["province-format"],
  regencyCode: ["regency-format", "regency-not-in-province"],
  districtCode: ["district-format", "district-not-in-regency", "district-unknown"],
  inFormalEducation: ["choose-yes-or-no"],
  occupation: ["occupation-required"],
  receivesSocialAid: ["choose-yes-or-no"],
  consent: ["consent-required"],
};

/** Same key, same submission: a retry of it reuses its request ID, so the person is registered once. */
export function submissionKey(values: PersonValues): string {
  return JSON.stringify(inputOf(values));
}
