import { describe, expect, it } from "vitest";
import { MESSAGES } from "../../functions/src/schemas/messages.js";
import { decideVerificationInput, listVerificationCasesInput, VERIFICATION_PAGE_SIZE } from "../../functions/src/schemas/verification.js";
import {
  DISCREPANCY_TEXT,
  DOCUMENT_TEXT,
  REJECTION_TEXT,
  VERIFICATION_MESSAGES,
  VERIFICATION_STATE_TEXT,
} from "../../functions/src/schemas/verificationMessages.js";
import { joinWaveOnBehalfInput } from "../../functions/src/schemas/waves.js";
import { NIK_DISCREPANCIES } from "../../functions/src/domain/nik.js";
import { IDENTITY_DOCUMENTS, REJECTION_REASONS, VERIFICATION_STATES } from "../../functions/src/domain/verification.js";

/** The verification callables' inputs, as the operator's pages will send them, and their texts. */

const requestId = "0b6f3c2e-8d1a-4c1e-9d2b-3f4a5b6c7d8e";
const messagesOf = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]);

describe("decideVerificationInput", () => {
  it("when a case is verified, then the documents come out each once, in a fixed order", () => {
    const parsed = decideVerificationInput.parse({ requestId, uid: "u1", decision: "verified", documentsSeen: ["kk", "ktp", "kk"] });
    expect(parsed).toEqual({ requestId, uid: "u1", decision: "verified", documentsSeen: ["ktp", "kk"] });
  });

  it("when the KTP was not seen, then verifying is refused on documentsSeen", () => {
    expect(messagesOf(decideVerificationInput.safeParse({ requestId, uid: "u1", decision: "verified", documentsSeen: ["kk"] }))).toEqual([
      ["documentsSeen", "verification-ktp-required"],
    ]);
  });

  it("when a case is rejected, then a reason is needed and the documents may be left out", () => {
    expect(decideVerificationInput.parse({ requestId, uid: "u1", decision: "rejected", rejection: "kk-does-not-match" })).toEqual({
      requestId,
      uid: "u1",
      decision: "rejected",
      rejection: "kk-does-not-match",
      documentsSeen: [],
    });
    expect(messagesOf(decideVerificationInput.safeParse({ requestId, uid: "u1", decision: "rejected" }))).toEqual([
      ["rejection", "verification-rejection-required"],
    ]);
  });

  it("when the decision is missing or unknown, then it is refused with its own message", () => {
    expect(messagesOf(decideVerificationInput.safeParse({ requestId, uid: "u1", decision: "maybe" }))).toEqual([
      ["decision", "verification-decision-required"],
    ]);
  });
});

describe("joinWaveOnBehalfInput and listVerificationCasesInput", () => {
  it("when consent is not true, then joining on the person's behalf is refused on consent", () => {
    expect(messagesOf(joinWaveOnBehalfInput.safeParse({ requestId, uid: "u1", waveId: "2026-1", consent: false }))).toEqual([
      ["consent", "join-consent-required"],
    ]);
  });

  it("when the queue is asked for with nothing, then it is the open cases, 20 a page", () => {
    expect(listVerificationCasesInput.parse({})).toEqual({ state: "needs-verification", pageSize: 20 });
  });

  it("when the previous page's `next` is sent back as `after`, then it parses as it came", () => {
    const next = { requestedAt: "2026-03-02T03:00:00.000Z", uid: "nik-0123456789abcdef" };
    expect(listVerificationCasesInput.parse({ after: next }).after).toEqual(next);
  });

  it("when a page size above 50 or a region of 3 digits is asked for, then each field is refused", () => {
    expect(messagesOf(listVerificationCasesInput.safeParse({ pageSize: 51, region: "320" })).map(([field]) => field)).toEqual(["region", "pageSize"]);
  });

  it("when the page size, the list or the cursor is wrong in any way, then the message is the written one, naming the bounds", () => {
    for (const pageSize of [0, 51, 2.5, "20", null]) {
      expect(messagesOf(listVerificationCasesInput.safeParse({ pageSize }))).toEqual([["pageSize", "verification-page-size"]]);
    }
    expect(MESSAGES["verification-page-size"].en).toContain(`from 1 to ${VERIFICATION_PAGE_SIZE.max}`);
    expect(MESSAGES["verification-page-size"].id).toContain(`dari 1 sampai ${VERIFICATION_PAGE_SIZE.max}`);
    expect(messagesOf(listVerificationCasesInput.safeParse({ state: "verified" }))).toEqual([["state", "verification-queue-state"]]);
    expect(messagesOf(listVerificationCasesInput.safeParse({ after: "next" }))).toEqual([["after", "verification-cursor"]]);
    expect(messagesOf(listVerificationCasesInput.safeParse({ after: { requestedAt: "yesterday", uid: "u1" } }))).toEqual([
      ["after.requestedAt", "verification-cursor"],
    ]);
  });
});

describe("verification texts", () => {
  it("when any state, reason, document or rejection is shown, then it has a text in both languages", () => {
    const tables: Array<[readonly string[], Record<string, { id: string; en: string }>]> = [
      [VERIFICATION_STATES, VERIFICATION_STATE_TEXT],
      [NIK_DISCREPANCIES, DISCREPANCY_TEXT],
      [IDENTITY_DOCUMENTS, DOCUMENT_TEXT],
      [REJECTION_REASONS, REJECTION_TEXT],
    ];
    for (const [codes, texts] of tables) {
      expect(Object.keys(texts).sort()).toEqual([...codes].sort());
      for (const code of codes) expect(texts[code].id.length * texts[code].en.length, code).toBeGreaterThan(0);
    }
  });

  it("when a state names the office, then both languages have the {regency} place to fill", () => {
    for (const text of Object.values(VERIFICATION_STATE_TEXT)) {
      expect(text.id).toContain("{regency}");
      expect(text.en).toContain("{regency}");
    }
  });

  it("when the inputs' field messages are merged into MESSAGES, then each is there unchanged", () => {
    for (const [key, text] of Object.entries(VERIFICATION_MESSAGES)) expect(MESSAGES[key as keyof typeof MESSAGES], key).toEqual(text);
  });
});
