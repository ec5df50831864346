import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { IncomingNotification, PayoutInstruction } from "../../functions/src/usecases/ports.js";
import { pause, startHarness, type Harness } from "./paymentPartnersHarness.js";

/**
 * The SNAP adapter (adapters/payments/snap.ts) against the payment-partner simulator
 * (scripts/payments/), both real HTTP on 127.0.0.1: the bank (transfer-interbank) and the
 * e-wallet (emoney top-up), their notifications, and the faults that matter to a payout.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timeoutMs: 400 });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.control("/_control/reset", {});
  h.received.length = 0;
  h.webhookStatus.value = 200;
});

let counter = 0;
const bankPayout = (overrides: Partial<PayoutInstruction> = {}): PayoutInstruction => ({
  reference: `INS-${Date.now()}-${++counter}`,
  externalId: `${Date.now()}${counter}`,
  amount: 600_000,
  destination: { channel: "bank", institution: "009", accountNumber: "1234567890" },
  remark: "Insentif Prakerja 1/4",
  ...overrides,
});
const transactions = () => h.transactions();

describe("paying into a bank account (Bank Nusantara, SNAP transfer-interbank)", () => {
  it("when a payout is sent, then the bank accepts it (202) and later notifies it paid, and the notification verifies", async () => {
    const bank = h.partners.get("bank-nusantara");
    const instruction = bankPayout();
    const result = await bank.pay(instruction);
    expect(result).toMatchObject({
      answered: true,
      report: { state: "accepted", reference: instruction.reference, code: "2021800", amount: 600_000, currency: "IDR" },
    });
    const [notification] = await h.notifications(1);
    const verified = bank.verifyNotification(notification, new Date());
    expect(verified).toMatchObject({ ok: true, value: { report: { state: "paid", reference: instruction.reference, amount: 600_000, code: "00" } } });
    expect(verified.ok && verified.value.eventId).toBe(notification.headers["x-external-id"]);
    expect(await bank.status({ reference: instruction.reference, externalId: instruction.externalId, sentAt: new Date() })).toMatchObject({
      known: true,
      report: { state: "paid", reference: instruction.reference },
    });
  });

  it("when the same reference is sent twice, then the bank holds one transaction and counts the second as a duplicate", async () => {
    const bank = h.partners.get("bank-nusantara");
    const instruction = bankPayout();
    await bank.pay(instruction);
    const again = await bank.pay({ ...instruction, externalId: `${instruction.externalId}9` });
    expect(again.answered).toBe(true);
    const held = await transactions();
    expect(held.transactions.filter((t) => t.reference === instruction.reference)).toHaveLength(1);
    expect(held.duplicates).toBe(1);
  });

  it("when the same X-EXTERNAL-ID is reused the same day, then the bank answers 409 and the adapter reports no answer it can trust", async () => {
    const bank = h.partners.get("bank-nusantara");
    const instruction = bankPayout();
    await bank.pay(instruction);
    expect(await bank.pay(instruction)).toMatchObject({ answered: false, error: expect.stringContaining("409") });
  });

  it("when the account is closed or unknown, then the payout is refused with the bank's code", async () => {
    const bank = h.partners.get("bank-nusantara");
    const closed = await bank.pay(bankPayout({ destination: { channel: "bank", institution: "009", accountNumber: "4567890123" } }));
    expect(closed).toMatchObject({ answered: true, report: { state: "failed", code: "4031818" } });
    const unknown = await bank.pay(bankPayout({ destination: { channel: "bank", institution: "009", accountNumber: "9999999999" } }));
    expect(unknown).toMatchObject({ answered: true, report: { state: "failed", code: "4041811" } });
  });

  it("when accounts are looked up, then the holder's name is found, a closed or unknown one is not, and another person's name is told as it is", async () => {
    const bank = h.partners.get("bank-nusantara");
    expect(await bank.inquireAccount({ channel: "bank", institution: "009", accountNumber: "1234567890" })).toEqual({ found: true, holderName: "SITI RAHAYU" });
    expect(await bank.inquireAccount({ channel: "bank", institution: "009", accountNumber: "5678901234" })).toEqual({
      found: true,
      holderName: "RUDI HARTONO",
    });
    expect(await bank.inquireAccount({ channel: "bank", institution: "009", accountNumber: "4567890123" })).toEqual({ found: false });
    expect(await bank.inquireAccount({ channel: "bank", institution: "009", accountNumber: "0000000000" })).toEqual({ found: false });
  });

  it("when the bank answers 503 without paying, then the adapter has no answer, and the status API does not know the payout", async () => {
    const bank = h.partners.get("bank-nusantara");
    await h.control("/_control/faults", { partner: "bank-nusantara", count: 1, status5xx: { status: 503, after: false } });
    const instruction = bankPayout();
    expect(await bank.pay(instruction)).toMatchObject({ answered: false, error: expect.stringContaining("503") });
    expect(await bank.status({ reference: instruction.reference, externalId: instruction.externalId, sentAt: new Date() })).toEqual({ known: false });
  });

  it("when the bank pays and then answers 500, then the adapter has no answer, and the status API shows it paid", async () => {
    const bank = h.partners.get("bank-nusantara");
    await h.control("/_control/faults", { partner: "bank-nusantara", count: 1, status5xx: { status: 500, after: true } });
    const instruction = bankPayout();
    expect(await bank.pay(instruction)).toMatchObject({ answered: false });
    await h.notifications(1);
    expect(await bank.status({ reference: instruction.reference, externalId: instruction.externalId, sentAt: new Date() })).toMatchObject({
      known: true,
      report: { state: "paid" },
    });
  });

  it("when the bank answers after the adapter's timeout, then the adapter has no answer while the bank did pay", async () => {
    const bank = h.partners.get("bank-nusantara");
    await h.control("/_control/faults", { partner: "bank-nusantara", count: 1, timeoutMs: 1_500 });
    const instruction = bankPayout();
    expect(await bank.pay(instruction)).toMatchObject({ answered: false, error: expect.stringContaining("timeout") });
    const held = await transactions();
    expect(held.transactions.find((t) => t.reference === instruction.reference)).toBeDefined();
    await h.notifications(1);
    expect(await bank.status({ reference: instruction.reference, externalId: instruction.externalId, sentAt: new Date() })).toMatchObject({
      known: true,
      report: { state: "paid" },
    });
  });

  it("when the access token is no longer valid, then the adapter gets a new one once and the call goes through", async () => {
    const bank = h.partners.get("bank-nusantara");
    expect(await bank.inquireAccount({ channel: "bank", institution: "009", accountNumber: "1234567890" })).toMatchObject({ found: true });
    await h.control("/_control/expire-tokens", {});
    expect(await bank.inquireAccount({ channel: "bank", institution: "009", accountNumber: "2345678901" })).toEqual({
      found: true,
      holderName: "BUDI SANTOSO",
    });
  });

  it("when a payout is paid and then reversed, then both notifications verify, the second as a reversal, and the statement has both lines", async () => {
    const bank = h.partners.get("bank-nusantara");
    await h.control("/_control/faults", { partner: "bank-nusantara", count: 1, reverseAfterMs: 30 });
    const instruction = bankPayout();
    await bank.pay(instruction);
    const [paid, reversed] = await h.notifications(2);
    expect(bank.verifyNotification(paid, new Date())).toMatchObject({ ok: true, value: { report: { state: "paid" } } });
    expect(bank.verifyNotification(reversed, new Date())).toMatchObject({ ok: true, value: { report: { state: "reversed", code: "04" } } });
    const day = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const lines = await bank.statement(day);
    expect(lines.filter((line) => line.reference === instruction.reference).map((line) => [line.state, line.amount])).toEqual([
      ["paid", 600_000],
      ["reversed", 600_000],
    ]);
  });
});

describe("notifications the adapter refuses", () => {
  const sent = async (signing: string, extra: Record<string, unknown> = {}): Promise<IncomingNotification> => {
    const before = h.received.length;
    await h.control("/_control/notify", { partner: "bank-nusantara", reference: "INS-X", state: "paid", signing, ...extra });
    return (await h.notifications(before + 1))[before];
  };

  it("when one is signed with another key, then it is signature-invalid", async () => {
    expect(h.partners.get("bank-nusantara").verifyNotification(await sent("forged"), new Date())).toMatchObject({ ok: false, reason: "signature-invalid" });
  });

  it("when one carries no signature, then it is signature-missing", async () => {
    expect(h.partners.get("bank-nusantara").verifyNotification(await sent("unsigned"), new Date())).toMatchObject({ ok: false, reason: "signature-missing" });
  });

  it("when one is properly signed ten minutes ago, then it is timestamp-stale", async () => {
    expect(h.partners.get("bank-nusantara").verifyNotification(await sent("stale"), new Date())).toMatchObject({ ok: false, reason: "timestamp-stale" });
  });

  it("when its body is signed but not a notification, or not JSON, then it is body-invalid", async () => {
    const bank = h.partners.get("bank-nusantara");
    expect(bank.verifyNotification(await sent("valid", { rawBody: '{"hello":"world"}' }), new Date())).toMatchObject({ ok: false, reason: "body-invalid" });
    expect(bank.verifyNotification(await sent("valid", { rawBody: "not json" }), new Date())).toMatchObject({ ok: false, reason: "body-invalid" });
  });

  it("when a good one has one byte of its body changed, then it is signature-invalid", async () => {
    const good = await sent("valid");
    const changed = Buffer.from(good.rawBody.toString("utf8").replace("600000.00", "900000.00"));
    expect(h.partners.get("bank-nusantara").verifyNotification({ ...good, rawBody: changed }, new Date())).toMatchObject({
      ok: false,
      reason: "signature-invalid",
    });
  });

  it("when another partner's notification is checked with this partner's key, then it is signature-invalid", async () => {
    const before = h.received.length;
    await h.control("/_control/notify", { partner: "dompet-kita", reference: "INS-Y", state: "paid" });
    const [notification] = (await h.notifications(before + 1)).slice(before);
    expect(h.partners.get("dompet-kita").verifyNotification(notification, new Date())).toMatchObject({ ok: true });
    expect(h.partners.get("bank-nusantara").verifyNotification(notification, new Date())).toMatchObject({ ok: false, reason: "signature-invalid" });
  });
});

describe("topping up an e-wallet (DompetKita, SNAP emoney)", () => {
  const topup = (accountNumber = "081234567890"): PayoutInstruction =>
    bankPayout({ destination: { channel: "ewallet", institution: "DOMPETKITA", accountNumber } });

  it("when a top-up is sent, then it is accepted and notified, and its status is paid", async () => {
    const wallet = h.partners.get("dompet-kita");
    const instruction = topup();
    expect(await wallet.pay(instruction)).toMatchObject({ answered: true, report: { state: "accepted", code: "2023800" } });
    const [notification] = await h.notifications(1);
    expect(wallet.verifyNotification(notification, new Date())).toMatchObject({ ok: true, value: { report: { state: "paid" } } });
    expect(await wallet.status({ reference: instruction.reference, externalId: instruction.externalId, sentAt: new Date() })).toMatchObject({
      known: true,
      report: { state: "paid" },
    });
  });

  it("when customers are looked up, then a registered number has its name and a closed one is not found", async () => {
    const wallet = h.partners.get("dompet-kita");
    expect(await wallet.inquireAccount({ channel: "ewallet", institution: "DOMPETKITA", accountNumber: "085712345678" })).toEqual({
      found: true,
      holderName: "DEWI LESTARI",
    });
    expect(await wallet.inquireAccount({ channel: "ewallet", institution: "DOMPETKITA", accountNumber: "081399990000" })).toEqual({ found: false });
  });

  it("when the webhook answers 500, then the partner retries the same event until it is answered 2xx", async () => {
    h.webhookStatus.value = 500;
    await h.partners.get("dompet-kita").pay(topup());
    await h.notifications(2);
    h.webhookStatus.value = 200;
    const all = await h.notifications(3);
    await pause(100);
    expect(new Set(all.map((n) => n.headers["x-external-id"])).size).toBe(1);
    expect(h.received).toHaveLength(3);
  });
});
