import { describe, expect, it } from "vitest";
import { memoryPorts } from "../../../functions/src/adapters/memory/index.js";
import { MEMORY_SIGNATURE_HEADER, MEMORY_TIMESTAMP_HEADER, memoryNotificationSignature } from "../../../functions/src/adapters/memory/paymentNotifications.js";
import { signedNotification } from "../../../functions/src/adapters/memory/paymentPartners.js";
import type { PayoutDestination, PayoutInstruction } from "../../../functions/src/usecases/ports.js";

/** The scriptable payment partners the payout use-case tests run against (adapters/memory/paymentPartners.ts). */

const account: PayoutDestination = { channel: "bank", institution: "009", accountNumber: "1234567890" };
const instruction = (reference: string, overrides: Partial<PayoutInstruction> = {}): PayoutInstruction => ({
  reference,
  externalId: "000000000000000000000000000000001",
  amount: 600_000,
  destination: account,
  remark: "Insentif Prakerja 1/4",
  ...overrides,
});

function setup() {
  const memory = memoryPorts({ now: "2026-03-02T03:00:00Z" });
  const partners = memory.paymentPartners;
  partners.addAccount("bank-nusantara", account, "BUDI SANTOSO");
  return { memory, partners, bank: partners.get("bank-nusantara") };
}

describe("memory payment partners: payouts", () => {
  it("when a payout is sent unscripted, then it is paid; sent again with the same reference, then the partner answers it and pays nothing more", async () => {
    const { partners, bank } = setup();
    const first = await bank.pay(instruction("PKJ-u1-2026-1"));
    expect(first).toMatchObject({ answered: true, report: { state: "paid", reference: "PKJ-u1-2026-1", amount: 600_000, currency: "IDR", code: "00" } });
    const again = await bank.pay(instruction("PKJ-u1-2026-1"));
    expect(again).toEqual(first);
    expect(partners.timesPaid("PKJ-u1-2026-1")).toBe(1);
    expect(partners.history("bank-nusantara")).toHaveLength(1);
    expect(partners.calls.map((call) => [call.method, call.answered])).toEqual([
      ["pay", true],
      ["pay", true],
    ]);
  });

  it("when the same payout is sent twice at once (a task delivered twice), then the partner pays once and answers both the same", async () => {
    const { partners, bank } = setup();
    const [a, b] = await Promise.all([bank.pay(instruction("PKJ-u1-2026-1")), bank.pay(instruction("PKJ-u1-2026-1"))]);
    expect(a).toEqual(b);
    expect(partners.timesPaid("PKJ-u1-2026-1")).toBe(1);
  });

  it("when a payout is refused with a code, then a retry of the same reference is a new transaction, paid once", async () => {
    const { partners, bank } = setup();
    partners.answerNext("bank-nusantara", { kind: "failed", code: "4031814", message: "Insufficient Funds" });
    expect(await bank.pay(instruction("PKJ-u1-2026-1"))).toMatchObject({
      answered: true,
      report: { state: "failed", code: "4031814", message: "Insufficient Funds" },
    });
    expect(await bank.pay(instruction("PKJ-u1-2026-1"))).toMatchObject({ answered: true, report: { state: "paid" } });
    expect(partners.history("bank-nusantara").map((tx) => tx.state)).toEqual(["failed", "paid"]);
    expect(partners.timesPaid("PKJ-u1-2026-1")).toBe(1);
  });

  it("when the answer times out, then the partner still has the transaction: status finds it, and sending again pays nothing more", async () => {
    const { partners, bank } = setup();
    partners.answerNext("bank-nusantara", { kind: "timeout" });
    expect(await bank.pay(instruction("PKJ-u1-2026-1"))).toMatchObject({ answered: false });
    expect(await bank.status({ reference: "PKJ-u1-2026-1", externalId: "1", sentAt: new Date() })).toMatchObject({ known: true, report: { state: "paid" } });
    expect(await bank.pay(instruction("PKJ-u1-2026-1"))).toMatchObject({ answered: true, report: { state: "paid" } });
    expect(partners.timesPaid("PKJ-u1-2026-1")).toBe(1);
  });

  it("when the call never reaches the partner, then there is no transaction and no answer", async () => {
    const { partners, bank } = setup();
    partners.answerNext("bank-nusantara", { kind: "unreachable" });
    expect(await bank.pay(instruction("PKJ-u1-2026-1"))).toMatchObject({ answered: false });
    expect(await bank.status({ reference: "PKJ-u1-2026-1", externalId: "1", sentAt: new Date() })).toEqual({ known: false });
    expect(partners.transaction("bank-nusantara", "PKJ-u1-2026-1")).toBeNull();
  });

  it("when a payout is accepted and later paid, then reversed, then each report says so and the day's statements list both", async () => {
    const { memory, partners, bank } = setup();
    partners.answerNext("bank-nusantara", { kind: "accepted" });
    expect(await bank.pay(instruction("PKJ-u1-2026-1"))).toMatchObject({ answered: true, report: { state: "accepted", code: "03" } });
    expect(partners.timesPaid("PKJ-u1-2026-1")).toBe(0);
    expect(partners.settle("bank-nusantara", "PKJ-u1-2026-1", "paid")).toMatchObject({ state: "paid" });
    memory.clock.advance(24 * 3600_000);
    expect(partners.settle("bank-nusantara", "PKJ-u1-2026-1", "reversed")).toMatchObject({ state: "reversed", code: "04" });
    expect(() => partners.settle("bank-nusantara", "PKJ-u1-2026-1", "paid")).toThrow();
    expect(await bank.statement("2026-03-02")).toEqual([expect.objectContaining({ reference: "PKJ-u1-2026-1", state: "paid", amount: 600_000 })]);
    expect(await bank.statement("2026-03-03")).toEqual([expect.objectContaining({ reference: "PKJ-u1-2026-1", state: "reversed" })]);
    expect(partners.timesPaid("PKJ-u1-2026-1")).toBe(1);
  });

  it("when the account is unknown to the partner, then the inquiry does not find it and a payout to it fails", async () => {
    const { bank } = setup();
    expect(await bank.inquireAccount(account)).toEqual({ found: true, holderName: "BUDI SANTOSO" });
    const elsewhere = { ...account, accountNumber: "999999999" };
    expect(await bank.inquireAccount(elsewhere)).toEqual({ found: false });
    expect(await bank.pay(instruction("PKJ-u2-2026-1", { destination: elsewhere }))).toMatchObject({
      answered: true,
      report: { state: "failed", code: "4041811" },
    });
  });

  it("when the partner is down, then inquiries and statements throw, payouts and status go unanswered, and nothing is recorded", async () => {
    const { partners, bank } = setup();
    partners.down("bank-nusantara", true);
    await expect(bank.inquireAccount(account)).rejects.toThrow();
    await expect(bank.statement("2026-03-02")).rejects.toThrow();
    expect(await bank.pay(instruction("PKJ-u1-2026-1"))).toMatchObject({ answered: false });
    expect(await bank.status({ reference: "PKJ-u1-2026-1", externalId: "1", sentAt: new Date() })).toMatchObject({ answered: false });
    partners.down("bank-nusantara", false);
    expect(partners.transaction("bank-nusantara", "PKJ-u1-2026-1")).toBeNull();
    expect(await partners.get("dompet-kita").status({ reference: "PKJ-u1-2026-1", externalId: "1", sentAt: new Date() })).toEqual({ known: false });
  });
});

describe("memory payment partners: notifications", () => {
  const now = new Date("2026-03-02T03:00:00Z");
  const notice = {
    eventId: "evt-1",
    report: {
      state: "paid" as const,
      reference: "PKJ-u1-2026-1",
      partnerReference: "MEM00000001",
      amount: 600_000,
      currency: "IDR",
      code: "00",
      message: "paid",
      at: now,
    },
  };

  it("when a notification is signed with the test key, then it verifies into the event it carries", () => {
    const { bank } = setup();
    expect(bank.verifyNotification(signedNotification("bank-nusantara", notice), now)).toEqual({ ok: true, value: notice });
  });

  it("when a notification is unsigned, tampered, signed for another partner or with another key, or stale, then it is refused for that reason", () => {
    const { bank } = setup();
    const good = signedNotification("bank-nusantara", notice);
    const without = { ...good, headers: { ...good.headers, [MEMORY_SIGNATURE_HEADER]: undefined } };
    expect(bank.verifyNotification(without, now)).toMatchObject({ ok: false, reason: "signature-missing" });
    const tampered = { ...good, rawBody: Buffer.from(good.rawBody.toString("utf8").replace("600000", "6000000")) };
    expect(bank.verifyNotification(tampered, now)).toMatchObject({ ok: false, reason: "signature-invalid" });
    expect(bank.verifyNotification(signedNotification("dompet-kita", notice), now)).toMatchObject({ ok: false, reason: "signature-invalid" });
    expect(bank.verifyNotification(signedNotification("bank-nusantara", notice, now, "another-key"), now)).toMatchObject({
      ok: false,
      reason: "signature-invalid",
    });
    const stale = signedNotification("bank-nusantara", notice, new Date(now.getTime() - 301_000));
    expect(bank.verifyNotification(stale, now)).toMatchObject({ ok: false, reason: "timestamp-stale" });
  });

  it("when a correctly signed body is not a notification, then it is refused as body-invalid", () => {
    const { bank } = setup();
    const timestamp = now.toISOString();
    for (const body of ["not json", JSON.stringify({ eventId: "evt-1" }), JSON.stringify({ ...notice.report, eventId: "e", state: "lost", at: timestamp })]) {
      const rawBody = Buffer.from(body);
      const request = {
        method: "POST",
        path: "/api/v1/payments/bank-nusantara/notify",
        headers: { [MEMORY_TIMESTAMP_HEADER]: timestamp, [MEMORY_SIGNATURE_HEADER]: memoryNotificationSignature("bank-nusantara", timestamp, rawBody) },
        rawBody,
      };
      expect(bank.verifyNotification(request, now), body).toMatchObject({ ok: false, reason: "body-invalid" });
    }
  });
});
