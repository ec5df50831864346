import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { CALLBACK_WINDOW_SECONDS } from "../../functions/src/adapters/payments/tokenGateway.js";
import type { IncomingNotification, PayoutInstruction } from "../../functions/src/usecases/ports.js";
import { startHarness, type Harness } from "./paymentPartnersHarness.js";

/**
 * The token gateway adapter (adapters/payments/tokenGateway.ts, KirimDana) against the simulator:
 * the same PaymentPartner port over HTTP Basic, an idempotency key and a static callback token.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timeoutMs: 400 });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.control("/_control/reset", {});
  h.received.length = 0;
});

let counter = 0;
const payout = (accountNumber = "2345678901"): PayoutInstruction => ({
  reference: `INS-KD-${Date.now()}-${++counter}`,
  externalId: `${Date.now()}${counter}`,
  amount: 600_000,
  destination: { channel: "bank", institution: "014", accountNumber },
  remark: "Insentif Prakerja 2/4",
});
const gateway = () => h.partners.get("kirim-dana");

describe("disbursing through KirimDana", () => {
  it("when a payout is sent, then it is pending, then a COMPLETED callback with the right token verifies as paid", async () => {
    const instruction = payout();
    expect(await gateway().pay(instruction)).toMatchObject({
      answered: true,
      report: { state: "accepted", reference: instruction.reference, amount: 600_000 },
    });
    const [callback] = await h.notifications(1);
    const verified = gateway().verifyNotification(callback, new Date());
    expect(verified).toMatchObject({ ok: true, value: { report: { state: "paid", reference: instruction.reference, amount: 600_000 } } });
    expect(verified.ok && verified.value.eventId).toMatch(/:COMPLETED$/);
    expect(await gateway().status({ reference: instruction.reference, externalId: instruction.externalId, sentAt: new Date() })).toMatchObject({
      known: true,
      report: { state: "paid" },
    });
  });

  it("when the same reference is sent twice, then there is one disbursement and the duplicate is counted", async () => {
    const instruction = payout();
    const first = await gateway().pay(instruction);
    const second = await gateway().pay({ ...instruction, externalId: "other" });
    expect(second.answered && second.report.partnerReference).toBe(first.answered && first.report.partnerReference);
    const held = await h.transactions();
    expect(held.transactions).toHaveLength(1);
    expect(held.duplicates).toBe(1);
  });

  it("when a reference was never sent, then the status API does not know it", async () => {
    expect(await gateway().status({ reference: "INS-NEVER", externalId: "1", sentAt: new Date() })).toEqual({ known: false });
  });

  it("when the account is closed, then the payout is refused with the gateway's code", async () => {
    expect(await gateway().pay(payout("4567890123"))).toMatchObject({ answered: true, report: { state: "failed", code: "RECIPIENT_ACCOUNT_CLOSED" } });
  });

  it("when accounts are checked, then names are found and closed or unknown accounts are not", async () => {
    expect(await gateway().inquireAccount({ channel: "bank", institution: "014", accountNumber: "3456789012" })).toEqual({
      found: true,
      holderName: "DEWI LESTARI",
    });
    expect(await gateway().inquireAccount({ channel: "bank", institution: "014", accountNumber: "4567890123" })).toEqual({ found: false });
    expect(await gateway().inquireAccount({ channel: "bank", institution: "014", accountNumber: "1111111111" })).toEqual({ found: false });
  });

  it("when the gateway answers 503 or too late, then the adapter has no answer", async () => {
    await h.control("/_control/faults", { partner: "kirim-dana", count: 1, status5xx: { status: 503 } });
    expect(await gateway().pay(payout())).toMatchObject({ answered: false, error: "HTTP 503" });
    await h.control("/_control/faults", { partner: "kirim-dana", count: 1, timeoutMs: 1_500 });
    const late = payout();
    expect(await gateway().pay(late)).toMatchObject({ answered: false, error: expect.stringContaining("timeout") });
    expect(await gateway().status({ reference: late.reference, externalId: late.externalId, sentAt: new Date() })).toMatchObject({ known: true });
  });

  it("when a failed payout is notified, then the callback verifies as failed with its code", async () => {
    await h.control("/_control/faults", { partner: "kirim-dana", count: 1, failWith: "insufficient-funds", failAsync: true });
    await gateway().pay(payout());
    const [callback] = await h.notifications(1);
    expect(gateway().verifyNotification(callback, new Date())).toMatchObject({
      ok: true,
      value: { report: { state: "failed", code: "FAILED INSUFFICIENT_BALANCE" } },
    });
  });
});

describe("callbacks the adapter refuses", () => {
  const sent = async (signing: string, extra: Record<string, unknown> = {}): Promise<IncomingNotification> => {
    const before = h.received.length;
    await h.control("/_control/notify", { partner: "kirim-dana", reference: "INS-KD-X", state: "paid", signing, ...extra });
    return (await h.notifications(before + 1))[before];
  };

  it("when the token is wrong, then it is signature-invalid; when absent, signature-missing", async () => {
    expect(gateway().verifyNotification(await sent("forged"), new Date())).toMatchObject({ ok: false, reason: "signature-invalid" });
    expect(gateway().verifyNotification(await sent("unsigned"), new Date())).toMatchObject({ ok: false, reason: "signature-missing" });
  });

  it("when `updated` is older than the window, then it is timestamp-stale; inside the window it is accepted", async () => {
    const callback = await sent("valid");
    const updated = new Date(z.object({ updated: z.string() }).parse(JSON.parse(callback.rawBody.toString("utf8"))).updated);
    const edge = new Date(updated.getTime() + CALLBACK_WINDOW_SECONDS * 1000);
    expect(gateway().verifyNotification(callback, edge)).toMatchObject({ ok: true });
    expect(gateway().verifyNotification(callback, new Date(edge.getTime() + 1000))).toMatchObject({ ok: false, reason: "timestamp-stale" });
  });

  it("when the body is garbled, then it is body-invalid", async () => {
    expect(gateway().verifyNotification(await sent("valid", { rawBody: "{" }), new Date())).toMatchObject({ ok: false, reason: "body-invalid" });
    expect(gateway().verifyNotification(await sent("valid", { rawBody: '{"id":"x","status":"DONE"}' }), new Date())).toMatchObject({
      ok: false,
      reason: "body-invalid",
    });
  });
});
