import { describe, expect, it } from "vitest";
import { validForm } from "../../support/registerForm.js";
import { registerInput, type RegisterForm } from "../../../functions/src/schemas/registration.js";
import { emptyPerson, withCardNumberDigits } from "../../../hosting/src/pages/registration/personForm.js";

const valid = validForm;

const fieldsRefused = (input: RegisterForm) => {
  const parsed = registerInput.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`);
};

describe("NIK and KK typed as printed on the cards", () => {
  it.each([
    ["spaces", "3171 0152 0390 0001", "3171 0120 0115 0004"],
    ["dots", "31.71.01.520390.0001", "31.71.01.200115.0004"],
    ["spaces and dots, and a space at the ends", " 3171.01 520390 0001 ", "317101 200115 0004"],
  ])("when they are typed with %s, then the schema takes the 16 digits", (_, nik, kk) => {
    const parsed = registerInput.parse({ ...valid, nik, kk });
    expect(parsed.nik).toBe("3171015203900001");
    expect(parsed.kk).toBe("3171012001150004");
  });

  it("when a NIK has 15 digits once the spaces are gone, or a letter among them, then it is still refused as malformed", () => {
    expect(fieldsRefused({ ...valid, nik: "3171 0152 0390 000" })).toEqual(["nik:nik-format"]);
    expect(fieldsRefused({ ...valid, nik: "3171 0152 0390 00O1" })).toEqual(["nik:nik-format"]);
    expect(fieldsRefused({ ...valid, kk: "3171-0120-0115-0004" })).toEqual(["kk:kk-format"]);
  });

  it("when the form drops the separators, then it says which fields it changed, and leaves digits-only values alone", () => {
    const typed = { ...emptyPerson(), nik: "3171 0152 0390 0001", kk: "3171012001150004" };
    const { values, changed } = withCardNumberDigits(typed);
    expect(values.nik).toBe("3171015203900001");
    expect(values.kk).toBe("3171012001150004");
    expect(changed).toEqual(["nik"]);
    expect(withCardNumberDigits(values).changed).toEqual([]);
  });

  it("when only one field is left, then only that field is changed", () => {
    const typed = { ...emptyPerson(), nik: "3171 0152 0390 0001", kk: "3171 0120 0115 0004" };
    const { values, changed } = withCardNumberDigits(typed, ["kk"]);
    expect(changed).toEqual(["kk"]);
    expect(values.nik).toBe(typed.nik);
  });
});
