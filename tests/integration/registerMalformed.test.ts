import { beforeAll, describe, expect, it } from "vitest";
import { adminDb } from "../support/admin.js";
import { ensureProgramYear, person } from "../support/people.js";
import { nikKey } from "../support/secrets.js";
import { accountWith, call, type SignedIn } from "../support/stack.js";

/** Malformed register payloads: each is invalid-argument naming the field, and nothing is written. */

let applicant: SignedIn;
const valid = person({ birthDate: "1992-03-04", sex: "male" });

beforeAll(async () => {
  await ensureProgramYear();
  applicant = await accountWith(null, "malformed");
});

const without = (field: keyof typeof valid) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== field));

const CASES: Array<[string, unknown, string]> = [
  ["no payload", null, ""],
  ["a string payload", "nik=1", ""],
  ["an array payload", [valid], ""],
  ["nik missing", without("nik"), "nik"],
  ["nik of 15 digits", { ...valid, nik: valid.nik.slice(1) }, "nik"],
  ["nik of 17 digits", { ...valid, nik: `${valid.nik}1` }, "nik"],
  ["nik with a letter", { ...valid, nik: `${valid.nik.slice(0, 15)}A` }, "nik"],
  ["nik as a number", { ...valid, nik: Number(valid.nik) }, "nik"],
  ["kk missing", without("kk"), "kk"],
  ["kk of 10 digits", { ...valid, kk: "3171010101" }, "kk"],
  ["fullName missing", without("fullName"), "fullName"],
  ["fullName of one letter", { ...valid, fullName: "A" }, "fullName"],
  ["fullName with digits", { ...valid, fullName: "Budi 123" }, "fullName"],
  ["fullName of 101 letters", { ...valid, fullName: "A".repeat(101) }, "fullName"],
  ["birthDate missing", without("birthDate"), "birthDate"],
  ["birthDate as DD-MM-YYYY", { ...valid, birthDate: "04-03-1992" }, "birthDate"],
  ["birthDate 30 February", { ...valid, birthDate: "1992-02-30" }, "birthDate"],
  ["birthDate before 1900", { ...valid, birthDate: "1899-12-31" }, "birthDate"],
  ["sex missing", without("sex"), "sex"],
  ["sex unknown", { ...valid, sex: "x" }, "sex"],
  ["phone missing", without("phone"), "phone"],
  ["phone a landline", { ...valid, phone: "0215551234" }, "phone"],
  ["phone too short", { ...valid, phone: "08123" }, "phone"],
  ["provinceCode of 3 digits", { ...valid, provinceCode: "317" }, "provinceCode"],
  ["regencyCode outside the province", { ...valid, regencyCode: "3273", districtCode: "327301" }, "regencyCode"],
  ["districtCode outside the regency", { ...valid, districtCode: "317401" }, "districtCode"],
  ["districtCode unknown", { ...valid, districtCode: "317199" }, "districtCode"],
  ["inFormalEducation as a string", { ...valid, inFormalEducation: "no" }, "inFormalEducation"],
  ["occupation unknown", { ...valid, occupation: "astronaut" }, "occupation"],
  ["receivesSocialAid missing", without("receivesSocialAid"), "receivesSocialAid"],
  ["consent false", { ...valid, consent: false }, "consent"],
  ["consent missing", without("consent"), "consent"],
];

describe("register with malformed input", () => {
  it.each(CASES)("when %s, then it is invalid-argument on that field", async (_name, payload, field) => {
    const response = await call("register", payload, applicant.idToken);
    expect(response.error?.status).toBe("INVALID_ARGUMENT");
    const fields = (response.error?.details as { fields: Array<{ field: string; message: { id: string; en: string } }> }).fields;
    expect(fields.map((f) => f.field)).toContain(field);
    for (const f of fields) expect(f.message.id.length * f.message.en.length).toBeGreaterThan(0);
  });

  // Runs after the cases above (tests in a file run in order).
  it(`when all ${CASES.length} were refused, then nothing was written for the account or the NIK`, async () => {
    expect((await adminDb.doc(`applicants/${applicant.uid}`).get()).exists).toBe(false);
    expect((await adminDb.doc(`nikIndex/${nikKey(valid.nik)}`).get()).exists).toBe(false);
    expect((await adminDb.collection(`applicants/${applicant.uid}/timeline`).get()).size).toBe(0);
  });
});
