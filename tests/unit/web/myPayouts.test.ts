import { describe, expect, it } from "vitest";
import { REFUSALS } from "../../../functions/src/schemas/contract.js";
import { MESSAGES } from "../../../functions/src/schemas/messages.js";
import type { MyPayouts } from "../../../functions/src/schemas/payouts.js";
import { REFUSAL_TEXT } from "../../../functions/src/schemas/refusalMessages.js";
import { channelsOf, institutionName, institutionsOf } from "../../../hosting/src/data/paymentPartners.js";
import { actionFailure } from "../../../hosting/src/pages/myPayouts/actionFailure.js";
import { checkLink, EMPTY_LINK, LINK_REFUSAL_FIELDS, withChange } from "../../../hosting/src/pages/myPayouts/linkAccount.js";
import { caseOf, holdText, mayReport, newestFirst, partnerWords, sourceText, typedRupiah, withCase } from "../../../hosting/src/pages/myPayouts/payoutView.js";

const REQUEST = "0b6f3c2e-8d1a-4c1e-9d2b-3f4a5b6c7d8e";
const refusedWith = (reason: string, code = "failed-precondition") => ({ code: `functions/${code}`, details: { reason, fields: [] } });

type Installment = MyPayouts["installments"][number];

function installment(overrides: Partial<Installment> = {}): Installment {
  return {
    id: "u1-2026-1",
    number: 1,
    of: 1,
    amount: 600_000,
    dueAt: "2026-08-20T17:00:00.000Z",
    state: "paid",
    paidAt: "2026-08-21T03:00:00.000Z",
    hold: null,
    partner: "bank-nusantara",
    partnerReference: "BN-1",
    events: [],
    ...overrides,
  };
}

describe("the account form", () => {
  it("when a partner is chosen, then only its channels and its banks or e-wallets are offered, a single one chosen for the participant", () => {
    expect(channelsOf("bank-nusantara")).toEqual(["bank"]);
    expect(institutionsOf("bank-nusantara", "bank")).toEqual(["009", "008", "002", "014"]);
    expect(institutionsOf("kirim-dana", "ewallet")).toEqual(["KIRIMDANA"]);
    expect(withChange(EMPTY_LINK, { partner: "bank-nusantara" })).toEqual({ partner: "bank-nusantara", channel: "bank", institution: "", accountNumber: "" });
    expect(withChange(EMPTY_LINK, { partner: "dompet-kita" })).toMatchObject({ channel: "ewallet", institution: "DOMPETKITA" });
    const kirim = withChange(EMPTY_LINK, { partner: "kirim-dana" });
    expect(kirim).toMatchObject({ channel: "", institution: "" });
    expect(withChange(kirim, { channel: "ewallet" })).toMatchObject({ channel: "ewallet", institution: "KIRIMDANA" });
  });

  it("when the partner changes, then a bank the new partner does not offer is cleared; one it offers stays", () => {
    const chosen = withChange(withChange(EMPTY_LINK, { partner: "bank-nusantara" }), { institution: "009" });
    expect(withChange(chosen, { partner: "dompet-kita" })).toMatchObject({ channel: "ewallet", institution: "DOMPETKITA" });
    expect(withChange(chosen, { partner: "kirim-dana" })).toMatchObject({ channel: "bank", institution: "009" });
    expect(withChange(withChange(chosen, { partner: "kirim-dana" }), { channel: "ewallet" })).toMatchObject({ institution: "KIRIMDANA" });
  });

  it("when nothing is chosen, then each choice says to choose one, and a malformed number says what a number looks like, in both languages", () => {
    const checked = checkLink({ ...EMPTY_LINK, accountNumber: "12ab" }, REQUEST);
    if (checked.ok) throw new Error("accepted");
    expect(checked.errors.partner?.message.id).toBe("Pilih salah satu.");
    expect(checked.errors.channel?.message.en).toBe("Choose one.");
    expect(checked.errors.institution?.code).toBe("required");
    expect(checked.errors.accountNumber?.message).toEqual(MESSAGES["account-number-format"]);
  });

  it("when everything is chosen, then the input is the callable's, the number with its spaces and dots dropped", () => {
    const values = withChange(withChange(EMPTY_LINK, { partner: "bank-nusantara" }), { institution: "009", accountNumber: "1234 5678.90" });
    expect(checkLink(values, REQUEST)).toEqual({
      ok: true,
      input: { partner: "bank-nusantara", channel: "bank", institution: "009", accountNumber: "1234567890", requestId: REQUEST },
    });
  });

  it("when linking is refused, then the shared text is shown at the field the reason is about", () => {
    for (const reason of REFUSALS.linkPayoutAccount) {
      expect(actionFailure("linkPayoutAccount", refusedWith(reason)), reason).toEqual({ kind: "refusal", reason, text: REFUSAL_TEXT[reason] });
      expect(LINK_REFUSAL_FIELDS[reason], reason).toBeDefined();
    }
    expect(LINK_REFUSAL_FIELDS["account-name-mismatch"]).toBe("accountNumber");
    expect(actionFailure("linkPayoutAccount", { code: "functions/unavailable" })).toEqual({ kind: "message", message: "myPayouts.unavailable" });
  });

  it("when a bank is shown, then it reads as people know it, with its code", () => {
    expect(institutionName("009")).toBe("BNI (009)");
    expect(institutionName("DOMPETKITA")).toBe("DompetKita");
    expect(institutionName("999")).toBe("999");
  });
});

describe("an installment's words and actions", () => {
  it("when an installment is paid and no report is open, then not received / received less are offered; otherwise not", () => {
    const paid = installment();
    expect(mayReport(paid, null)).toBe(true);
    expect(mayReport(installment({ state: "sent" }), null)).toBe(false);
    const open = {
      id: REQUEST,
      installmentId: paid.id,
      kind: "not-received" as const,
      status: "open" as const,
      openedAt: "2026-08-22T00:00:00.000Z",
      resolution: null,
    };
    expect(mayReport(paid, open)).toBe(false);
    expect(mayReport(paid, { ...open, status: "resolved", resolution: "Dana masuk tanggal 22." })).toBe(true);
  });

  it("when a report is opened, then it is the installment's latest case", () => {
    const payouts: MyPayouts = { participant: true, account: null, installments: [installment()], cases: [] };
    const opened = {
      id: REQUEST,
      installmentId: "u1-2026-1",
      kind: "received-less" as const,
      status: "open" as const,
      openedAt: "2026-08-22T00:00:00.000Z",
      resolution: null,
    };
    expect(caseOf(withCase(payouts, opened), "u1-2026-1")).toEqual(opened);
    expect(caseOf(payouts, "u1-2026-1")).toBeNull();
  });

  it("when the history is shown, then the newest comes first and the partner's own reports are named as the partner's", () => {
    const events = [
      { at: "2026-08-20T00:00:00.000Z", to: "sent" as const, source: "partner-answer", code: null, message: null, partnerReference: null },
      { at: "2026-08-21T00:00:00.000Z", to: "paid" as const, source: "notification", code: "2005600", message: "Successful", partnerReference: "BN-1" },
      { at: "2026-08-19T00:00:00.000Z", to: "queued" as const, source: "dispatch", code: null, message: null, partnerReference: null },
    ];
    expect(newestFirst(events).map((e) => e.to)).toEqual(["paid", "sent", "queued"]);
    expect(events.map(sourceText)).toEqual(["myPayouts.source.partner-answer", "myPayouts.source.notification", "myPayouts.source.program"]);
    expect(events.map(partnerWords)).toEqual([null, "2005600 Successful", null]);
    expect(partnerWords({ ...events[1], source: "review", code: "release" })).toBeNull();
  });

  it("when an installment is held, then its reason is in words; a reason this app does not know shows none", () => {
    expect(holdText(installment({ state: "held", hold: "no-account" }))).toBe("myPayouts.hold.no-account");
    expect(holdText(installment({ state: "held", hold: "something-new" }))).toBeNull();
    expect(holdText(installment())).toBeNull();
  });

  it("when the amount received is typed the Indonesian way, then it reads as whole rupiah", () => {
    expect(typedRupiah("500.000")).toBe(500_000);
    expect(typedRupiah("Rp 450.000")).toBe(450_000);
    expect(typedRupiah("")).toBeNull();
    expect(typedRupiah("lima ratus")).toBeNull();
  });

  it("when a report is refused, then the shared text of the reason is shown", () => {
    for (const reason of REFUSALS.reportPayout) {
      expect(actionFailure("reportPayout", refusedWith(reason)), reason).toEqual({ kind: "refusal", reason, text: REFUSAL_TEXT[reason] });
    }
  });
});
