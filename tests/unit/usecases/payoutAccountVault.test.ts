import { describe, expect, it } from "vitest";
import type { MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import { PAYOUT_ACCOUNT_VAULT_CONTEXT } from "../../../functions/src/schemas/payouts.js";
import { linkPayoutAccount } from "../../../functions/src/usecases/payouts/account.js";
import { sendPayout } from "../../../functions/src/usecases/payouts/send.js";
import { opened } from "../../support/vault.js";
import { storeInstallment } from "./payoutViewFixtures.js";
import { participant, trainingSetup } from "./trainingFixtures.js";

/**
 * Payout accounts and the personal-data vault: the registered name is opened for the match, the
 * account number and the holder's name are stored sealed, and the send task pays the number it
 * opened only while the account is still the one it opened.
 */

const BANK = { channel: "bank" as const, institution: "009" };
const link = (memory: MemoryPorts, accountNumber: string, requestId: string) =>
  linkPayoutAccount(memory, "u1", { partner: "bank-nusantara", ...BANK, accountNumber, requestId });
const REQUEST_A = "6f9619ff-8b86-4011-b42d-00c04fc964ff";
const REQUEST_B = "7a9619ff-8b86-4011-b42d-00c04fc964ff";

async function withAccount(accountNumber = "1234567890", holder = "SITI NURHALIZA"): Promise<MemoryPorts> {
  const memory = trainingSetup();
  await participant(memory, "u1", 1);
  memory.paymentPartners.addAccount("bank-nusantara", { ...BANK, accountNumber }, holder);
  return memory;
}

describe("linkPayoutAccount and the vault", () => {
  it("when the holder's name matches the registered name (opened from the vault), then the account is stored with its number and holder sealed, and only the last digits in clear", async () => {
    const memory = await withAccount();
    expect(await link(memory, "1234567890", REQUEST_A)).toMatchObject({ ok: true, value: { status: "verified", masked: "••••7890" } });
    const stored = memory.state.payoutAccounts.read("u1")!;
    expect(stored).not.toHaveProperty("accountNumber");
    expect(JSON.stringify(stored)).not.toMatch(/1234567890|SITI|NURHALIZA/i);
    expect(opened(stored.destination, PAYOUT_ACCOUNT_VAULT_CONTEXT)).toEqual({ accountNumber: "1234567890", holderName: "SITI NURHALIZA" });
  });

  it("when the account is in another person's name, then the link is refused, and nothing about the account is stored", async () => {
    const memory = await withAccount("1234567890", "BUDI SANTOSO");
    expect(await link(memory, "1234567890", REQUEST_A)).toMatchObject({ ok: false, reason: "account-name-mismatch" });
    expect(memory.state.payoutAccounts.read("u1")).toBeUndefined();
  });
});

describe("sendPayout and the vault", () => {
  async function queued(memory: MemoryPorts): Promise<string> {
    return storeInstallment(memory, {
      uid: "u1",
      number: 1,
      state: "queued",
      events: [{ at: memory.clock.now(), to: "queued", source: "dispatch" }],
    });
  }

  it("when a queued installment is sent, then the partner is paid at the account number opened from the seal", async () => {
    const memory = await withAccount();
    await link(memory, "1234567890", REQUEST_A);
    const id = await queued(memory);
    const outcome = await sendPayout(memory, { installmentId: id, attempt: 1, version: 0 });
    expect(outcome).toMatchObject({ ok: true, value: { kind: "sent" } });
    // The memory partner fails a payment to an account it does not know: paid means the right number went out.
    expect(memory.paymentPartners.timesPaid(memory.state.payouts.read(id)!.reference)).toBe(1);
  });

  it("when the send task holds an installment (no account linked), then the hold is on the audit log as the system's act, once per task", async () => {
    const memory = await withAccount();
    const id = await queued(memory);
    const task = { installmentId: id, attempt: 1, version: 0 };
    expect(await sendPayout(memory, task)).toEqual({ ok: true, value: { kind: "held", reasons: ["no-account"] } });
    await sendPayout(memory, task);
    expect(memory.audit.records).toEqual([expect.objectContaining({ act: "hold-payout", actor: "system", target: id, details: { reasons: "no-account" } })]);
  });

  it("when the participant linked another account between the opening and the claim, then nothing is sent and the installment goes back on the schedule", async () => {
    const memory = await withAccount();
    await link(memory, "1234567890", REQUEST_A);
    const before = memory.state.payoutAccounts.read("u1")!;
    memory.paymentPartners.addAccount("bank-nusantara", { ...BANK, accountNumber: "5555566666" }, "SITI NURHALIZA");
    await link(memory, "5555566666", REQUEST_B);
    const id = await queued(memory);
    // The send task read (and opened) the first account; the claim finds the second.
    const stale: MemoryPorts = { ...memory, payoutAccounts: { ...memory.payoutAccounts, get: () => Promise.resolve(before) } };
    expect(await sendPayout(stale, { installmentId: id, attempt: 1, version: 0 })).toEqual({ ok: true, value: { kind: "paused" } });
    expect(memory.paymentPartners.calls.filter((call) => call.method === "pay")).toEqual([]);
    expect(memory.state.payouts.read(id)?.state).toBe("scheduled");
  });
});
