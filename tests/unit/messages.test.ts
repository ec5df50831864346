import { describe, expect, it } from "vitest";
import { fieldErrors } from "../../functions/src/schemas/messages.js";
import { OPERATOR_REASON_TEXT, REASON_TEXT } from "../../functions/src/schemas/registrationMessages.js";
import { grantRoleInput } from "../../functions/src/schemas/roles.js";
import { REASON_CODES } from "../../functions/src/domain/eligibility.js";

const valid = { requestId: "0b6f3c2e-8d1a-4c1e-9d2b-3f4a5b6c7d8e", email: "op@example.id", role: "operator", region: "31" };

function errorsOf(input: unknown) {
  const parsed = grantRoleInput.safeParse(input);
  if (parsed.success) throw new Error("expected the input to be refused");
  return fieldErrors(parsed.error);
}

describe("grantRoleInput field messages", () => {
  it("when the input is valid, then it parses", () => {
    expect(grantRoleInput.safeParse(valid).success).toBe(true);
  });

  it("when an operator has no region, then the region field says so in both languages", () => {
    const { region: _omit, ...noRegion } = valid;
    expect(errorsOf(noRegion)).toEqual([
      { field: "region", code: "custom", message: { id: "Operator wajib memiliki kode wilayah.", en: "An operator needs a region code." } },
    ]);
  });

  it("when the region has 3 digits, then the region-format message is given", () => {
    expect(errorsOf({ ...valid, region: "317" })[0]?.message.id).toBe("Kode wilayah harus 2 digit (provinsi) atau 4 digit (kabupaten/kota).");
  });

  it("when the email is malformed, then zod's own Indonesian and English wording is used", () => {
    const [error] = errorsOf({ ...valid, email: "not-an-email" });
    expect(error?.field).toBe("email");
    expect(error?.message.id).toMatch(/alamat email/);
    expect(error?.message.en).toMatch(/email/i);
  });

  it("when a field is missing, then that field is named and the input is not echoed back", () => {
    const errors = errorsOf({ email: "x@example.id", role: "auditor" });
    expect(errors.map((e) => e.field)).toEqual(["requestId"]);
    expect(JSON.stringify(errors)).not.toContain("x@example.id");
  });

  it("when an unknown role is asked for, then the role field is refused", () => {
    expect(errorsOf({ ...valid, role: "superuser" }).map((e) => e.field)).toContain("role");
  });
});

describe("eligibility reasons on an operator's screen", () => {
  it("when an operator reads why the person at the desk is not eligible, then every reason has its own text that speaks of the person, never to 'you'", () => {
    for (const reason of REASON_CODES) {
      const text = OPERATOR_REASON_TEXT[reason];
      expect(text.id, reason).toMatch(/orang ini/i);
      expect(text.id, reason).not.toMatch(/\bAnda\b/);
      expect(text.en, reason).toMatch(/this person/i);
      expect(text.en, reason).not.toMatch(/\byou(r)?\b/i);
      expect(text.en, reason).not.toBe(REASON_TEXT[reason].en);
    }
  });
});
