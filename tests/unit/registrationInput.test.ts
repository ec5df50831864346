import { describe, expect, it } from "vitest";
import { validForm } from "../support/registerForm.js";
import { OCCUPATIONS, REASON_CODES } from "../../functions/src/domain/eligibility.js";
import { MESSAGES } from "../../functions/src/schemas/messages.js";
import { registerInput, type RegisterForm } from "../../functions/src/schemas/registration.js";
import { OCCUPATION_TEXT, REASON_TEXT, REGISTRATION_MESSAGES } from "../../functions/src/schemas/registrationMessages.js";

const valid = validForm;

type Field = keyof RegisterForm;
const without = (field: Field): Record<string, unknown> => Object.fromEntries(Object.entries(valid).filter(([name]) => name !== field));

/** [what is wrong, payload, field refused, message key]. */
const MALFORMED: [string, Record<string, unknown>, Field, string][] = [
  ["no NIK", without("nik"), "nik", "nik-format"],
  ["a 15-digit NIK", { ...valid, nik: "317101520390000" }, "nik", "nik-format"],
  ["a NIK with a letter", { ...valid, nik: "31710152039O0001" }, "nik", "nik-format"],
  ["a NIK sent as a number", { ...valid, nik: 3171015203900001 }, "nik", "nik-format"],
  ["a 17-digit KK", { ...valid, kk: "31710120011500041" }, "kk", "kk-format"],
  ["an empty KK", { ...valid, kk: "" }, "kk", "kk-format"],
  ["a KK equal to the NIK", { ...valid, kk: valid.nik }, "kk", "kk-equals-nik"],
  ["no name", without("fullName"), "fullName", "name-required"],
  ["a one-letter name", { ...valid, fullName: " A " }, "fullName", "name-length"],
  ["a 101-character name", { ...valid, fullName: "A".repeat(101) }, "fullName", "name-length"],
  ["digits in the name", { ...valid, fullName: "Budi 123" }, "fullName", "name-characters"],
  ["a name starting with a hyphen", { ...valid, fullName: "-Budi" }, "fullName", "name-characters"],
  ["markup in the name", { ...valid, fullName: "Budi <b>" }, "fullName", "name-characters"],
  ["a day-first birth date", { ...valid, birthDate: "12-03-1990" }, "birthDate", "birth-date-format"],
  ["no birth date", without("birthDate"), "birthDate", "birth-date-format"],
  ["30 February", { ...valid, birthDate: "1990-02-30" }, "birthDate", "birth-date-invalid"],
  ["29 February of a non-leap year", { ...valid, birthDate: "2023-02-29" }, "birthDate", "birth-date-invalid"],
  ["month 13", { ...valid, birthDate: "1990-13-01" }, "birthDate", "birth-date-invalid"],
  ["a birth year before 1900", { ...valid, birthDate: "1899-12-31" }, "birthDate", "birth-date-invalid"],
  ["sex given as M", { ...valid, sex: "M" }, "sex", "sex-required"],
  ["no sex", without("sex"), "sex", "sex-required"],
  ["a 9-digit mobile number", { ...valid, phone: "081234567" }, "phone", "phone-format"],
  ["a 14-digit mobile number", { ...valid, phone: "08123456789012" }, "phone", "phone-format"],
  ["a Jakarta landline", { ...valid, phone: "021-3456789" }, "phone", "phone-format"],
  ["a Singapore number", { ...valid, phone: "+6581234567" }, "phone", "phone-format"],
  ["letters in the phone", { ...valid, phone: "0812-ABCD-7890" }, "phone", "phone-format"],
  ["a 1-digit province", { ...valid, provinceCode: "3" }, "provinceCode", "province-format"],
  ["a 3-digit regency", { ...valid, regencyCode: "317" }, "regencyCode", "regency-format"],
  ["a regency of another province", { ...valid, regencyCode: "3273", districtCode: "327301" }, "regencyCode", "regency-not-in-province"],
  ["a 5-digit district", { ...valid, districtCode: "31710" }, "districtCode", "district-format"],
  ["a district of another regency", { ...valid, districtCode: "317201" }, "districtCode", "district-not-in-regency"],
  ["a district that does not exist", { ...valid, districtCode: "317199" }, "districtCode", "district-unknown"],
  ["a former district code", { ...valid, provinceCode: "91", regencyCode: "9101", districtCode: "910101" }, "districtCode", "district-unknown"],
  ["schooling answered as text", { ...valid, inFormalEducation: "no" }, "inFormalEducation", "choose-yes-or-no"],
  ["no social-aid answer", without("receivesSocialAid"), "receivesSocialAid", "choose-yes-or-no"],
  ["an unknown occupation", { ...valid, occupation: "pns" }, "occupation", "occupation-required"],
  ["consent refused", { ...valid, consent: false }, "consent", "consent-required"],
  ["consent sent as text", { ...valid, consent: "true" }, "consent", "consent-required"],
];

function issuesOf(payload: unknown) {
  const parsed = registerInput.safeParse(payload);
  if (parsed.success) throw new Error("expected the payload to be refused");
  return parsed.error.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message }));
}

describe("registerInput", () => {
  it("when the form is well filled, then it parses, the name is tidied and the phone becomes E.164", () => {
    const parsed = registerInput.parse({ ...valid, fullName: "  Siti   Nur'aini " });
    expect(parsed).toEqual({ ...valid, fullName: "Siti Nur'aini", phone: "+6281234567890" });
  });

  it.each([
    ["081234567890", "+6281234567890"],
    ["+62 812-3456-7890", "+6281234567890"],
    ["62 812 3456 7890", "+6281234567890"],
    ["(0812) 3456.789", "+628123456789"],
    ["0812345678", "+62812345678"],
    ["0812345678901", "+62812345678901"],
  ])("when the phone is typed as %j, then it is stored as %s", (phone, e164) => {
    expect(registerInput.parse({ ...valid, phone }).phone).toBe(e164);
  });

  it("when the name uses letters beyond ASCII, dots and hyphens, then it is accepted", () => {
    expect(registerInput.parse({ ...valid, fullName: "Ni Luh Putu Ayu-Dewi" }).fullName).toBe("Ni Luh Putu Ayu-Dewi");
    expect(registerInput.parse({ ...valid, fullName: "Muh. Ma’ruf" }).fullName).toBe("Muh. Ma’ruf");
    expect(registerInput.parse({ ...valid, fullName: "José Ñúñez" }).fullName).toBe("José Ñúñez");
  });

  it("when fields the form does not have are sent, then they are dropped", () => {
    expect(registerInput.parse({ ...valid, role: "admin" })).not.toHaveProperty("role");
  });

  it("when the table of malformed payloads is counted, then it has at least 30 distinct cases", () => {
    expect(new Set(MALFORMED.map(([name]) => name)).size).toBe(MALFORMED.length);
    expect(MALFORMED.length).toBeGreaterThanOrEqual(30);
  });

  it.each(MALFORMED)("when the payload has %s, then only that field is refused, with its message key", (_, payload, field, key) => {
    const issues = issuesOf(payload);
    expect([...new Set(issues.map((issue) => issue.field))]).toEqual([field]);
    expect(issues.map((issue) => issue.message)).toContain(key);
  });

  it("when several fields are wrong, then every one is reported at once, region checks included", () => {
    const fields = issuesOf({ ...valid, nik: "1", consent: false, districtCode: "317199" }).map((issue) => issue.field);
    expect(fields.sort()).toEqual(["consent", "districtCode", "nik"]);
  });
});

describe("registration texts", () => {
  it("when the schema refuses anything, then its message key has an Indonesian and an English text", () => {
    for (const [, payload] of MALFORMED) {
      for (const { message } of issuesOf(payload)) expect(Object.keys(REGISTRATION_MESSAGES), message).toContain(message);
    }
  });

  it("when the texts are merged into MESSAGES, then each is there unchanged and none is empty", () => {
    for (const [key, text] of Object.entries(REGISTRATION_MESSAGES)) expect(MESSAGES[key as keyof typeof MESSAGES], key).toEqual(text);
    const all = [...Object.values(REGISTRATION_MESSAGES), ...Object.values(REASON_TEXT), ...Object.values(OCCUPATION_TEXT)];
    for (const text of all) expect(text.id.length * text.en.length).toBeGreaterThan(0);
  });

  it("when a reason code or an occupation is shown, then it has a text", () => {
    expect(Object.keys(REASON_TEXT).sort()).toEqual([...REASON_CODES].sort());
    expect(Object.keys(OCCUPATION_TEXT).sort()).toEqual([...OCCUPATIONS].sort());
  });
});
