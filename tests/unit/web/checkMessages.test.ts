import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REGISTRATION_MESSAGES, type RegistrationMessageKey } from "../../../functions/src/schemas/registrationMessages.js";
import {
  CHECK_MESSAGES,
  checkPerson,
  emptyPerson,
  PERSON_FIELDS,
  type PersonField,
  type PersonValues,
} from "../../../hosting/src/pages/registration/personForm.js";

/**
 * The form keeps room under each field for the tallest message its check can give (CHECK_MESSAGES):
 * a message missing from the list could push the form down as the field is left, a message in the
 * list that the check never gives would keep room for nothing.
 */

const valid: PersonValues = {
  nik: "3171015203900001",
  kk: "3171012001150004",
  fullName: "Siti Nur'aini",
  birthDate: "1990-03-12",
  sex: "female",
  phone: "0812-3456-7890",
  provinceCode: "31",
  regencyCode: "3171",
  districtCode: "317101",
  inFormalEducation: "no",
  occupation: "laid-off",
  receivesSocialAid: "no",
  consent: true,
};

/** The key of a message the check gave, found by its words. */
const keyOf = (message: { id: string; en: string }) =>
  (Object.keys(REGISTRATION_MESSAGES) as RegistrationMessageKey[]).find(
    (key) => REGISTRATION_MESSAGES[key].en === message.en && REGISTRATION_MESSAGES[key].id === message.id,
  );

const given = (values: PersonValues): Partial<Record<PersonField | "form", RegistrationMessageKey | undefined>> => {
  const checked = checkPerson(values);
  return checked.ok ? {} : Object.fromEntries(Object.entries(checked.errors).map(([field, error]) => [field, keyOf(error.message)]));
};

const EXAMPLES: [PersonField, Partial<PersonValues>, RegistrationMessageKey][] = [
  ["nik", { nik: "3171 0152 0390 000" }, "nik-format"],
  ["kk", { kk: "12.34" }, "kk-format"],
  ["kk", { kk: valid.nik }, "kk-equals-nik"],
  ["fullName", { fullName: " " }, "name-required"],
  ["fullName", { fullName: "A" }, "name-length"],
  ["fullName", { fullName: "Siti 123" }, "name-characters"],
  ["birthDate", { birthDate: "" }, "birth-date-format"],
  ["birthDate", { birthDate: "1899-12-31" }, "birth-date-invalid"],
  ["birthDate", { birthDate: "2999-01-01" }, "birth-date-future"],
  ["sex", { sex: "" }, "sex-required"],
  ["phone", { phone: "0812" }, "phone-format"],
  ["provinceCode", { provinceCode: "", regencyCode: "", districtCode: "" }, "province-format"],
  ["regencyCode", { regencyCode: "", districtCode: "" }, "regency-format"],
  ["regencyCode", { regencyCode: "3204", districtCode: "320410" }, "regency-not-in-province"],
  ["districtCode", { districtCode: "" }, "district-format"],
  ["districtCode", { districtCode: "320410" }, "district-not-in-regency"],
  ["districtCode", { districtCode: "317199" }, "district-unknown"],
  ["inFormalEducation", { inFormalEducation: "" }, "choose-yes-or-no"],
  ["occupation", { occupation: "" }, "occupation-required"],
  ["receivesSocialAid", { receivesSocialAid: "" }, "choose-yes-or-no"],
  ["consent", { consent: false }, "consent-required"],
];

const typed = (...examples: string[]) => fc.oneof(fc.constantFrom("", ...examples), fc.string({ maxLength: 24 }), fc.stringMatching(/^[0-9 .]{0,20}$/));

const anyValues: fc.Arbitrary<PersonValues> = fc.record({
  nik: typed(valid.nik, "3171 0152 0390 0001"),
  kk: typed(valid.kk, valid.nik),
  fullName: typed(valid.fullName, "A", "Siti 123", "x".repeat(101)),
  birthDate: typed(valid.birthDate, "1899-12-31", "1990-02-30", "2001-13-01", "2999-01-01"),
  sex: fc.constantFrom("" as const, "male" as const, "female" as const),
  phone: typed(valid.phone, "+62 812 3456 7890", "0812"),
  provinceCode: typed("31", "32", "3"),
  regencyCode: typed("3171", "3204", "31"),
  districtCode: typed("317101", "320410", "317199", "31"),
  inFormalEducation: fc.constantFrom("" as const, "yes" as const, "no" as const),
  occupation: fc.constantFrom("", "laid-off", "civil-servant", "astronaut"),
  receivesSocialAid: fc.constantFrom("" as const, "yes" as const, "no" as const),
  consent: fc.boolean(),
});

describe("the messages the registration form keeps room for", () => {
  it.each(EXAMPLES)("when %s is %j, then the check gives %s, one of the messages listed for it", (field, patch, key) => {
    expect(given({ ...valid, ...patch })[field]).toBe(key);
    expect(CHECK_MESSAGES[field]).toContain(key);
  });

  it("lists no message for a field that the check never gives it", () => {
    for (const field of PERSON_FIELDS) {
      const shown = EXAMPLES.filter(([other]) => other === field).map(([, , key]) => key);
      expect([...CHECK_MESSAGES[field]].sort()).toEqual([...new Set(shown)].sort());
    }
  });

  it("when anything at all is typed or chosen, then every message the check gives is one listed for its field, and none is for the whole form", () => {
    expect(given(emptyPerson())).not.toHaveProperty("form");
    fc.assert(
      fc.property(anyValues, (values) => {
        for (const [field, key] of Object.entries(given(values))) {
          expect(field).not.toBe("form");
          expect(key).toBeDefined();
          expect(CHECK_MESSAGES[field as PersonField]).toContain(key);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
