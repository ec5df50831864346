import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REASON_CODES } from "../../functions/src/domain/eligibility.js";
import { CALLABLE_NAMES, REFUSALS, type Refusal } from "../../functions/src/schemas/contract.js";
import { MESSAGES } from "../../functions/src/schemas/messages.js";
import { REFUSAL_TEXT } from "../../functions/src/schemas/refusalMessages.js";
import { REASON_TEXT } from "../../functions/src/schemas/registrationMessages.js";
import { grantFailure } from "../../hosting/src/pages/admin/grantFailure.js";
import { registrationFailure } from "../../hosting/src/pages/registration/registrationFailure.js";
import { joinFailure } from "../../hosting/src/pages/status/joinFailure.js";

/** An error as the web SDK throws it for a refusal: the code, and the reason in `details`. */
const refusedWith = (reason: string, code = "failed-precondition") => ({ code: `functions/${code}`, details: { reason, fields: [] } });

describe("the callables' contract", () => {
  it("when any callable's refusals are listed, then each has a non-empty text in Bahasa Indonesia and English", () => {
    for (const name of CALLABLE_NAMES) {
      for (const reason of REFUSALS[name]) {
        const text = REFUSAL_TEXT[reason];
        expect(text?.id.trim(), `${name}: ${reason}`).toBeTruthy();
        expect(text?.en.trim(), `${name}: ${reason}`).toBeTruthy();
      }
    }
  });

  it("when a callable's refusals are listed, then none is listed twice", () => {
    for (const name of CALLABLE_NAMES) expect(new Set(REFUSALS[name]).size, name).toBe(REFUSALS[name].length);
  });

  it("when the edge words a refusal, then it finds the same text the web app shows", () => {
    for (const [reason, text] of Object.entries(REFUSAL_TEXT)) expect(MESSAGES[reason as Refusal], reason).toEqual(text);
  });

  it("when joinWave checks eligibility again, then every eligibility reason is one of its refusals, worded as on the eligibility card", () => {
    expect(REFUSALS.joinWave).toEqual(expect.arrayContaining([...REASON_CODES]));
    for (const reason of REASON_CODES) expect(REFUSAL_TEXT[reason]).toBe(REASON_TEXT[reason]);
  });

  it("when the functions are deployed, then each callable of the contract is exported under its name", () => {
    const index = readFileSync("functions/src/index.ts", "utf8");
    for (const name of CALLABLE_NAMES) expect(index, name).toMatch(new RegExp(`export \\{ ${name} \\} from "\\./functions/${name}\\.js";`));
  });
});

describe("the web app's refusal messages", () => {
  it("when grantRole refuses, then the admin page shows the shared text of the reason", () => {
    for (const reason of REFUSALS.grantRole) {
      expect(grantFailure(refusedWith(reason)), reason).toEqual({ kind: "refusal", reason, text: REFUSAL_TEXT[reason] });
    }
  });

  it("when register or registerAssisted refuses, then the form shows the shared text, at the field the reason is about", () => {
    for (const reason of REFUSALS.registerAssisted) {
      const failure = registrationFailure(refusedWith(reason));
      const shown = failure.kind === "fields" ? Object.values(failure.errors).map((error) => error?.message) : failure.kind === "refusal" ? [failure.text] : [];
      expect(shown, reason).toEqual([REFUSAL_TEXT[reason]]);
    }
  });

  it("when a refusal concerns one field, then the registration form shows it next to that field", () => {
    const failure = registrationFailure(refusedWith("outside-region", "permission-denied"));
    expect(failure).toEqual({
      kind: "fields",
      errors: { districtCode: { field: "districtCode", code: "outside-region", message: REFUSAL_TEXT["outside-region"] } },
    });
  });

  it("when joinWave refuses, then the status page shows the shared text, or the eligibility reason as on the eligibility card", () => {
    for (const reason of REFUSALS.joinWave) {
      const failure = joinFailure(refusedWith(reason));
      if (failure.kind === "reason") expect(REASON_TEXT[failure.reason], reason).toBe(REFUSAL_TEXT[reason]);
      else expect(failure, reason).toEqual({ kind: "refusal", reason, text: REFUSAL_TEXT[reason] });
      expect(failure.kind === "message", reason).toBe(false);
    }
  });

  it("when a failure carries no reason, then the app's own message for its code is shown", () => {
    expect(grantFailure({ code: "functions/unavailable" })).toEqual({ kind: "message", message: "grant.unavailable" });
    expect(registrationFailure({ code: "functions/aborted" })).toEqual({ kind: "message", message: "register.unavailable" });
    expect(joinFailure({ code: "functions/unauthenticated" })).toEqual({ kind: "message", message: "join.unauthenticated" });
    expect(joinFailure(new Error("offline"))).toEqual({ kind: "message", message: "join.other" });
  });
});
