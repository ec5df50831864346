import { describe, expect, it } from "vitest";
import { REFUSALS } from "../../../functions/src/schemas/contract.js";
import { REFUSAL_TEXT } from "../../../functions/src/schemas/refusalMessages.js";
import { REASON_TEXT } from "../../../functions/src/schemas/registrationMessages.js";
import type { VerificationCase } from "../../../functions/src/schemas/verification.js";
import { VERIFICATION_MESSAGES } from "../../../functions/src/schemas/verificationMessages.js";
import { groupedCode, typedCode } from "../../../hosting/src/data/accountCode.js";
import { checkDecision, decisionFailure, decisionKey, emptyDecision, type DecisionValues } from "../../../hosting/src/pages/operator/decision.js";
import { joinKey, joinOnBehalfFailure } from "../../../hosting/src/pages/operator/joinOnBehalf.js";
import { queueFailure, withPage, without } from "../../../hosting/src/pages/operator/queue.js";

/** The operator's desk in the web app: decisions checked as the server checks them, retries, and what each failure shows. */

const REQUEST = "123e4567-e89b-42d3-a456-426614174000";
const UID = "person-1";
/** An error as the web SDK throws it for a refusal: the code, and the reason (and details) in `details`. */
const refusedWith = (reason: string, code = "failed-precondition", details: Record<string, unknown> = {}) => ({
  code: `functions/${code}`,
  details: { ...details, reason, fields: [] },
});

describe("an operator's decision on a verification case", () => {
  it("when nothing is chosen, then the outcome is asked for, in the server's words", () => {
    const checked = checkDecision(UID, emptyDecision(), REQUEST);
    expect(checked).toEqual({ ok: false, errors: { decision: expect.objectContaining({ message: VERIFICATION_MESSAGES["verification-decision-required"] }) } });
  });

  it("when a case is verified without the original KTP among the documents seen, then the documents are the field to fix", () => {
    const checked = checkDecision(UID, { decision: "verified", documentsSeen: ["kk"], rejection: "" }, REQUEST);
    expect(checked).toEqual({ ok: false, errors: { documentsSeen: expect.objectContaining({ message: VERIFICATION_MESSAGES["verification-ktp-required"] }) } });
  });

  it("when a case is rejected without a reason, then the reason is the field to fix", () => {
    const checked = checkDecision(UID, { decision: "rejected", documentsSeen: [], rejection: "" }, REQUEST);
    expect(checked).toEqual({
      ok: false,
      errors: { rejection: expect.objectContaining({ message: VERIFICATION_MESSAGES["verification-rejection-required"] }) },
    });
  });

  it("when the KTP and KK were seen, then what is sent is the verification with the documents in the schema's order", () => {
    const checked = checkDecision(UID, { decision: "verified", documentsSeen: ["kk", "ktp"], rejection: "ktp-does-not-match" }, REQUEST);
    expect(checked).toEqual({ ok: true, input: { requestId: REQUEST, uid: UID, decision: "verified", documentsSeen: ["ktp", "kk"] } });
  });

  it("when the same decision is sent again, then it keeps its key (and so its request ID); another decision, reason or person gets another", () => {
    const verified: DecisionValues = { decision: "verified", documentsSeen: ["ktp", "kk"], rejection: "" };
    expect(decisionKey(UID, verified)).toBe(decisionKey(UID, { ...verified, documentsSeen: ["kk", "ktp"] }));
    // A reason left in the hidden select is not sent with a verification: the same request.
    expect(decisionKey(UID, verified)).toBe(decisionKey(UID, { ...verified, rejection: "kk-does-not-match" }));
    const rejected: DecisionValues = { decision: "rejected", documentsSeen: [], rejection: "kk-does-not-match" };
    expect(decisionKey(UID, rejected)).not.toBe(decisionKey(UID, { ...rejected, rejection: "not-the-card-holder" }));
    expect(decisionKey(UID, rejected)).not.toBe(decisionKey(UID, verified));
    expect(decisionKey(UID, verified)).not.toBe(decisionKey("person-2", verified));
  });

  it("when decideVerification refuses, then the queue shows the shared text of the reason", () => {
    for (const reason of REFUSALS.decideVerification) {
      expect(decisionFailure(refusedWith(reason)), reason).toEqual({ kind: "refusal", reason, text: REFUSAL_TEXT[reason] });
    }
  });

  it("when the server names a field, or carries no reason, then the field or the app's own message is shown", () => {
    const fields = [{ field: "documentsSeen", code: "custom", message: VERIFICATION_MESSAGES["verification-ktp-required"] }];
    expect(decisionFailure({ code: "functions/invalid-argument", details: { fields } })).toEqual({ kind: "fields", errors: { documentsSeen: fields[0] } });
    expect(decisionFailure({ code: "functions/unavailable" })).toEqual({ kind: "message", message: "desk.decision.unavailable" });
    expect(decisionFailure({ code: "functions/not-found" })).toEqual({ kind: "refusal", reason: "case-not-found", text: REFUSAL_TEXT["case-not-found"] });
    expect(decisionFailure(new Error("offline"))).toEqual({ kind: "message", message: "desk.decision.other" });
  });
});

describe("joining a person to the open wave at the desk", () => {
  it("when the person is not eligible, then every unmet rule is listed, in the words of the eligibility card", () => {
    const failure = joinOnBehalfFailure(
      refusedWith("identity-not-verified", "failed-precondition", { reasons: ["identity-not-verified", "in-formal-education"] }),
    );
    expect(failure).toEqual({ kind: "reasons", reasons: ["identity-not-verified", "in-formal-education"] });
    expect(joinOnBehalfFailure(refusedWith("under-age"))).toEqual({ kind: "reasons", reasons: ["under-age"] });
  });

  it("when joinWaveOnBehalf refuses for any other reason, then the desk shows its shared text", () => {
    for (const reason of REFUSALS.joinWaveOnBehalf.filter((reason) => !(reason in REASON_TEXT))) {
      expect(joinOnBehalfFailure(refusedWith(reason)), reason).toEqual({ kind: "refusal", reason, text: REFUSAL_TEXT[reason] });
    }
  });

  it("when consent was not recorded, then the consent box shows the server's message; without a reason, the app's own", () => {
    const consent = { field: "consent", code: "invalid_value", message: VERIFICATION_MESSAGES["join-consent-required"] };
    expect(joinOnBehalfFailure({ code: "functions/invalid-argument", details: { fields: [consent] } })).toEqual({ kind: "consent", error: consent });
    expect(joinOnBehalfFailure({ code: "functions/not-found" })).toEqual({
      kind: "refusal",
      reason: "person-not-registered",
      text: REFUSAL_TEXT["person-not-registered"],
    });
    expect(joinOnBehalfFailure({ code: "functions/deadline-exceeded" })).toEqual({ kind: "message", message: "desk.join.unavailable" });
  });

  it("when the same person is joined to the same wave again, then it is the same request; another wave is another", () => {
    expect(joinKey(UID, "2026-1")).toBe(joinKey(UID, "2026-1"));
    expect(joinKey(UID, "2026-1")).not.toBe(joinKey(UID, "2026-2"));
  });

  it("when the status page shows an account code in groups of four, then the code typed from it, spaces and all, is the account's", () => {
    const uid = "AbCdEfGhIjKlMnOpQrStUvWxYz12";
    expect(groupedCode(uid)).toBe("AbCd EfGh IjKl MnOp QrSt UvWx Yz12");
    expect(typedCode(` ${groupedCode(uid)} `)).toBe(uid);
    expect(typedCode("   ")).toBeNull();
    expect(typedCode("a/b")).toBeNull();
    expect(typedCode("__x__")).toBeNull();
  });
});

describe("the verification queue", () => {
  const entry = (uid: string) => ({ uid }) as VerificationCase;

  it("when a further page comes, then it joins the list, without a case shown twice", () => {
    const next = { requestedAt: "2026-08-17T00:00:00.000Z", uid: "c" };
    const queue = withPage({ cases: [entry("a"), entry("b")], next: null }, { cases: [entry("b"), entry("c")], next });
    expect(queue.cases.map((c) => c.uid)).toEqual(["a", "b", "c"]);
    expect(queue.next).toEqual(next);
  });

  it("when a case is decided, then it leaves the queue", () => {
    expect(without({ cases: [entry("a"), entry("b")], next: null }, "a").cases.map((c) => c.uid)).toEqual(["b"]);
  });

  it("when listVerificationCases refuses, then the queue shows the shared text; anything else, the app's own message", () => {
    for (const reason of REFUSALS.listVerificationCases) {
      expect(queueFailure(refusedWith(reason, "permission-denied")), reason).toEqual({ kind: "refusal", reason, text: REFUSAL_TEXT[reason] });
    }
    expect(queueFailure({ code: "functions/unauthenticated" })).toEqual({ kind: "message", message: "desk.queue.unauthenticated" });
    expect(queueFailure({ code: "functions/internal" })).toEqual({ kind: "message", message: "desk.queue.other" });
  });
});
