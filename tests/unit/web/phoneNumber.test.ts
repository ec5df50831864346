import { describe, expect, it } from "vitest";
import { registerInput } from "../../../functions/src/schemas/registration.js";
import { signInNumber } from "../../../hosting/src/pages/account/phoneNumber.js";

describe("the phone number a person signs in with", () => {
  it.each([
    ["0812 3456 7890", "+6281234567890"],
    ["0812-3456-7890", "+6281234567890"],
    ["081234567890", "+6281234567890"],
    ["+62 812 3456 7890", "+6281234567890"],
    ["6281234567890", "+6281234567890"],
    [" (0812) 3456-7890 ", "+6281234567890"],
    ["08581234567", "+628581234567"],
  ])("when %j is typed, then it is the E.164 number %s", (typed, e164) => {
    expect(signInNumber(typed)).toBe(e164);
  });

  it.each(["", "12345", "021-3456789", "+6581234567", "0812-ABCD-7890", "08123456789012"])(
    "when %j is typed, then it is not a number to send a code to",
    (typed) => {
      expect(signInNumber(typed)).toBeNull();
    },
  );

  it("when an operator records a number at registration, then the same number typed at sign-in names the same account", () => {
    const typedAtTheDesk = "0813 9876 5432";
    const recorded = registerInput.shape.phone.parse(typedAtTheDesk);
    expect(signInNumber("0813-9876-5432")).toBe(recorded);
    expect(signInNumber("+6281398765432")).toBe(recorded);
  });
});
