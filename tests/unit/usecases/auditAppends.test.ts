import { describe, expect, it } from "vitest";
import { applyPaymentEvent } from "../../../functions/src/usecases/payouts/events.js";
import { setPayoutQueue } from "../../../functions/src/usecases/payouts/queues.js";
import { trainingSetup } from "./trainingFixtures.js";
import { storeInstallment } from "./payoutViewFixtures.js";

/** Privileged acts without a unit test file of their own: what each puts on the audit log. */

const REQUEST = "9d4e0a2c-5f61-4283-8def-405b6c7d8e9f";

describe("audit log: payout queues and reversals", () => {
  it("when the program office pauses a partner's payouts, then the act is on the log under its request, once", async () => {
    const memory = trainingSetup();
    const now = memory.clock.now();
    memory.state.paymentPartners.set("bank-nusantara", {
      name: "Bank Nusantara",
      channels: ["bank"],
      institutions: ["009"],
      active: true,
      paused: false,
      pausedAt: null,
      pausedBy: null,
    });
    const input = { partner: "bank-nusantara" as const, paused: true, requestId: REQUEST };
    expect(await setPayoutQueue(memory, "admin-1", input)).toMatchObject({ ok: true });
    await setPayoutQueue(memory, "admin-1", input);
    expect(memory.audit.records).toEqual([
      { act: "set-payout-queue", actor: "admin-1", role: "admin", target: "bank-nusantara", key: REQUEST, at: now, details: { paused: true } },
    ]);
  });

  it("when a partner's reversal of a paid payout is applied, then the system records it under the event's key; a paid report is not on the log", async () => {
    const memory = trainingSetup();
    const id = storeInstallment(memory, { uid: "p1", number: 1, state: "paid" });
    const payout = memory.state.payouts.read(id);
    if (payout === undefined) throw new Error("no payout");
    const now = memory.clock.now();
    memory.state.paymentEvents.set("bank-nusantara-ev1", {
      partner: "bank-nusantara",
      eventId: "ev1",
      reference: payout.reference,
      state: "reversed",
      amount: payout.amount,
      currency: "IDR",
      partnerReference: payout.partnerReference,
      code: "4000000",
      message: "Reversed",
      reportedAt: now,
      receivedAt: now,
      outcome: "pending",
      appliedAt: null,
    });
    expect(await applyPaymentEvent(memory, "bank-nusantara-ev1")).toEqual({ ok: true, value: "applied" });
    expect(await applyPaymentEvent(memory, "bank-nusantara-ev1")).toEqual({ ok: true, value: "already-applied" });
    expect(memory.audit.records).toEqual([
      {
        act: "reverse-payout",
        actor: "system",
        role: "system",
        target: id,
        key: "bank-nusantara-ev1",
        at: now,
        details: { partner: "bank-nusantara", code: "4000000", amount: payout.amount },
      },
    ]);
  });
});
