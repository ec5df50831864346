import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { configuredPaymentPartners } from "../../functions/src/adapters/payments/index.js";
import type { PayoutInstruction } from "../../functions/src/usecases/ports.js";
import { ensureLocalPaymentPartnerKeys, readSimulatorKeys } from "../../scripts/payments/keys.js";
import { pause, startHarness, type Harness } from "./paymentPartnersHarness.js";

/** The payment-partner simulator's faults and control API (scripts/payments/), the local keys and the adapters' configuration. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.control("/_control/reset", {});
  h.received.length = 0;
});

let counter = 0;
const payout = (): PayoutInstruction => ({
  reference: `INS-SIM-${Date.now()}-${++counter}`,
  externalId: `${Date.now()}${counter}`,
  amount: 300_000,
  destination: { channel: "bank", institution: "008", accountNumber: "3456789012" },
  remark: "Insentif Prakerja 3/4",
});
const bank = () => h.partners.get("bank-nusantara");
const states = (now = new Date()) =>
  h.received.map((n) => {
    const verified = bank().verifyNotification(n, now);
    return verified.ok ? `${verified.value.eventId}:${verified.value.report.state}` : verified.reason;
  });

describe("notification faults", () => {
  it("when duplicateCallbacks is 3, then the same event arrives three times", async () => {
    await h.control("/_control/faults", { partner: "bank-nusantara", count: 1, duplicateCallbacks: 3 });
    await bank().pay(payout());
    await h.notifications(3);
    const seen = states();
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(1);
  });

  it("when outOfOrder, then paid arrives before the pending event", async () => {
    await h.control("/_control/faults", { partner: "bank-nusantara", count: 1, outOfOrder: true });
    await bank().pay(payout());
    await h.notifications(2);
    expect(states().map((s) => s.split(":")[1])).toEqual(["paid", "accepted"]);
  });

  it("when loseCallback, then the payout is paid and nothing is notified", async () => {
    await h.control("/_control/faults", { partner: "bank-nusantara", count: 1, loseCallback: true });
    const instruction = payout();
    await bank().pay(instruction);
    await pause(150);
    expect(h.received).toHaveLength(0);
    expect(await bank().status({ reference: instruction.reference, externalId: instruction.externalId, sentAt: new Date() })).toMatchObject({
      known: true,
      report: { state: "paid" },
    });
  });

  it("when callbackBeforeAnswer, then the notification has arrived by the time the payout is answered", async () => {
    await h.control("/_control/faults", { partner: "bank-nusantara", count: 1, callbackBeforeAnswer: true });
    const result = await bank().pay(payout());
    expect(h.received).toHaveLength(1);
    expect(result).toMatchObject({ answered: true, report: { state: "accepted" } });
  });

  it("when a fault is for the next payout only, then the one after is normal", async () => {
    await h.control("/_control/faults", { partner: "bank-nusantara", count: 1, failWith: "do-not-honor" });
    expect(await bank().pay(payout())).toMatchObject({ answered: true, report: { state: "failed", code: "4031805" } });
    expect(await bank().pay(payout())).toMatchObject({ answered: true, report: { state: "accepted" } });
  });

  it("when every delivery is recorded, then /_control/deliveries lists each with the webhook's answer", async () => {
    await bank().pay(payout());
    await h.notifications(1);
    expect(await h.deliveries()).toMatchObject([{ partner: "bank-nusantara", status: 200, state: "paid" }]);
  });

  it("when an account is added, then the partners know it", async () => {
    await h.control("/_control/accounts", { number: "7777777777", holderName: "NI LUH PUTU AYU" });
    expect(await bank().inquireAccount({ channel: "bank", institution: "002", accountNumber: "7777777777" })).toEqual({
      found: true,
      holderName: "NI LUH PUTU AYU",
    });
  });

  it("when the simulator is asked for its routes, then GET / lists the partners and the control API", async () => {
    expect(await h.control("/")).toMatchObject({
      partners: ["bank-nusantara", "dompet-kita", "kirim-dana"],
      routes: expect.arrayContaining([expect.stringContaining("/_control/faults")]),
    });
  });
});

describe("a request not signed by us", () => {
  it("when the B2B token is requested with a wrong signature, then the bank answers SNAP's 4017300", async () => {
    const response = await fetch(`${h.simulator.url}/bank-nusantara/v1.0/access-token/b2b`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-TIMESTAMP": "2026-01-01T00:00:00+07:00",
        "X-CLIENT-KEY": "prakerja-bank-nusantara",
        "X-SIGNATURE": "AAAA",
      },
      body: '{"grantType":"client_credentials"}',
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ responseCode: "4017300" });
  });
});

describe("the adapters' configuration", () => {
  it("when configured, then nothing is read until a partner is asked for, and a partner without a URL is named", () => {
    let reads = 0;
    const partners = configuredPaymentPartners({
      urls: () => {
        reads += 1;
        return "{}";
      },
      keys: () => "{}",
    });
    expect(reads).toBe(0);
    expect(() => partners.get("bank-nusantara")).toThrow(/no URL for bank-nusantara/);
  });

  it("when a partner's keys lack a field, then the error names the field and no key", () => {
    const partners = configuredPaymentPartners({
      urls: () => '{"kirim-dana":"http://127.0.0.1:1/kirim-dana"}',
      keys: () => '{"kirim-dana":{"apiKey":"0123456789abcdef-secret"}}',
    });
    expect(() => partners.get("kirim-dana")).toThrow(/kirim-dana: callbackToken/);
    expect(() => partners.get("kirim-dana")).not.toThrow(/0123456789abcdef/);
  });
});

describe("the local keys", () => {
  it("when ensured twice, then the keys are made once, both halves fit, and other secrets are kept", () => {
    const dir = mkdtempSync(join(tmpdir(), "payment-keys-"));
    const secrets = join(dir, ".secret.local");
    const simulator = join(dir, "payment-partners.json");
    writeFileSync(secrets, "NIK_HASH_KEY=abc\n");
    ensureLocalPaymentPartnerKeys(secrets, simulator);
    const first = readFileSync(secrets, "utf8");
    ensureLocalPaymentPartnerKeys(secrets, simulator);
    expect(readFileSync(secrets, "utf8")).toBe(first);
    expect(first).toMatch(/^NIK_HASH_KEY=abc\nPAYMENT_PARTNER_KEYS='\{.+\}'\n$/);
    const entry = z.looseObject({ clientSecret: z.string().optional(), callbackToken: z.string().optional() });
    const program = z.record(z.string(), entry).parse(JSON.parse(/PAYMENT_PARTNER_KEYS='(.+)'/.exec(first)?.[1] ?? "{}"));
    const side = readSimulatorKeys(simulator);
    expect(side?.["bank-nusantara"]).toMatchObject({ protocol: "snap", clientSecret: program["bank-nusantara"]?.clientSecret });
    expect(side?.["kirim-dana"]).toMatchObject({ protocol: "token", callbackToken: program["kirim-dana"]?.callbackToken });
  });

  it("when the simulator's half is lost, then both halves are made again", () => {
    const dir = mkdtempSync(join(tmpdir(), "payment-keys-"));
    const secrets = join(dir, ".secret.local");
    writeFileSync(secrets, "NIK_HASH_KEY=abc\n");
    ensureLocalPaymentPartnerKeys(secrets, join(dir, "a.json"));
    const first = readFileSync(secrets, "utf8");
    ensureLocalPaymentPartnerKeys(secrets, join(dir, "b.json"));
    const second = readFileSync(secrets, "utf8");
    expect(second).not.toBe(first);
    expect(second.match(/PAYMENT_PARTNER_KEYS=/g)).toHaveLength(1);
  });
});

describe("faults and notifications aimed at one payout", () => {
  it("when a fault names a reference, then only that payout meets it", async () => {
    const aimed = payout();
    await h.control("/_control/faults", { partner: "bank-nusantara", reference: aimed.reference, count: 1, failWith: "insufficient-funds" });
    expect(await bank().pay(payout())).toMatchObject({ answered: true, report: { state: "accepted" } });
    expect(await bank().pay(aimed)).toMatchObject({ answered: true, report: { state: "failed", code: "4031814" } });
  });

  it("when a notification is sent with another amount, then it verifies and reports that amount, and the webhook's answer is recorded", async () => {
    h.webhookStatus.value = 202;
    const instruction = payout();
    await h.control("/_control/faults", { partner: "bank-nusantara", count: 1, loseCallback: true });
    await bank().pay(instruction);
    const answer = z
      .object({ delivery: z.object({ status: z.number() }) })
      .parse(await h.control("/_control/notify", { partner: "bank-nusantara", reference: instruction.reference, state: "paid", amountOverride: 60_000 }));
    expect(answer.delivery.status).toBe(202);
    const [notification] = await h.notifications(1);
    expect(bank().verifyNotification(notification, new Date())).toMatchObject({
      ok: true,
      value: { report: { amount: 60_000, reference: instruction.reference } },
    });
    h.webhookStatus.value = 200;
  });
});
