import { describe, expect, it } from "vitest";
import { installmentOfReference, nextRoundReference, payoutReference, roundOfReference } from "../../../functions/src/domain/payouts/schedule.js";
import { decideReport } from "../../../functions/src/usecases/payouts/apply.js";
import { reviewPayout } from "../../../functions/src/usecases/payouts/queues.js";
import type { PartnerPayoutReport } from "../../../functions/src/usecases/ports.js";
import { storeInstallment } from "./payoutViewFixtures.js";
import { trainingSetup } from "./trainingFixtures.js";

/**
 * Rounds at the partner: a payout the partner refused or reversed is paid again as a new
 * transaction there (a new reference round), because the partner keeps — and would answer again —
 * the old transaction under the old reference; and a reversal of a payout under a repayment case
 * is put aside for a person, never applied (its money was moved by the case already).
 */

const REQUEST = "7d2c8f2e-0d5b-4c61-9a43-5b1f7b0f6a10";

describe("payout rounds at the partner", () => {
  it("when references are made for rounds, then each names its installment and its round, and a foreign one names none", () => {
    const first = payoutReference("u1-2026-1");
    expect(first).toBe("PKJ-u1-2026-1");
    const second = nextRoundReference(first);
    expect(second).toBe("PKJ-u1-2026-1-R1");
    expect(nextRoundReference(second)).toBe("PKJ-u1-2026-1-R2");
    expect([installmentOfReference(second), roundOfReference(second)]).toEqual(["u1-2026-1", 1]);
    expect(installmentOfReference("INV-12345")).toBeNull();
    expect(() => nextRoundReference("INV-12345")).toThrow(/not a payout reference/);
  });

  it.each(["failed", "reversed"] as const)(
    "when the program office releases a %s payout, then it is scheduled again under the next round, with the last round's partner reference and payment time cleared",
    async (state) => {
      const memory = trainingSetup();
      const id = storeInstallment(memory, { uid: "p1", number: 1, state });
      memory.state.payouts.set(id, { ...memory.state.payouts.read(id)!, partnerReference: "BN-OLD", paidAt: memory.clock.now() });
      const answer = await reviewPayout(memory, "admin-1", { installmentId: id, decision: "release", note: "account fixed", requestId: REQUEST });
      expect(answer).toEqual({ ok: true, value: { state: "scheduled" } });
      const payout = memory.state.payouts.read(id)!;
      expect(payout.reference).toBe(`PKJ-${id}-R1`);
      expect(payout.partnerReference).toBeNull();
      expect(payout.paidAt).toBeNull();
      expect(payout.attempt).toBe(2);
      expect(memory.audit.records).toEqual([
        {
          act: "review-payout",
          actor: "admin-1",
          role: "admin",
          target: id,
          key: REQUEST,
          at: memory.clock.now(),
          details: { decision: "release", from: state, state: "scheduled" },
        },
      ]);
    },
  );

  it("when a held payout is released, then it keeps its reference (the partner never had it)", async () => {
    const memory = trainingSetup();
    const id = storeInstallment(memory, { uid: "p2", number: 1, state: "held", hold: { reason: "eligibility", at: memory.clock.now() } });
    await reviewPayout(memory, "admin-1", { installmentId: id, decision: "release", note: "list corrected", requestId: REQUEST });
    expect(memory.state.payouts.read(id)?.reference).toBe(`PKJ-${id}`);
  });

  it("when the partner reports a reversal of a paid payout under a repayment case, then it is quarantined, not applied; without a case it is applied", () => {
    const memory = trainingSetup();
    const id = storeInstallment(memory, { uid: "p3", number: 1, state: "paid" });
    const payout = memory.state.payouts.read(id)!;
    const now = memory.clock.now();
    const report: PartnerPayoutReport = {
      state: "reversed",
      reference: payout.reference,
      partnerReference: "BN-1",
      amount: payout.amount,
      currency: "IDR",
      code: "04",
      message: "Reversed",
      at: now,
    };
    const underCase = decideReport(id, payout, report, "notification", now, "event-1", "bank-nusantara", true);
    expect(underCase.result).toBe("quarantined");
    expect(underCase.change).toBeUndefined();
    expect(underCase.quarantine?.doc).toMatchObject({ reason: "conflicting-report", installmentId: id, ours: { state: "paid" } });
    const plain = decideReport(id, payout, report, "notification", now, "event-1", "bank-nusantara", false);
    expect(plain.result).toBe("applied");
    expect(plain.change?.payout.state).toBe("reversed");
    expect(plain.change?.ledger).toEqual([expect.objectContaining({ from: "paid:bank-nusantara", to: "returned", amount: payout.amount })]);
  });

  it("when a report names an earlier round's reference, then it is quarantined: it is not about this round", () => {
    const memory = trainingSetup();
    const id = storeInstallment(memory, { uid: "p4", number: 1, state: "sent" });
    const payout = { ...memory.state.payouts.read(id)!, reference: `PKJ-${id}-R1` };
    const now = memory.clock.now();
    const stale: PartnerPayoutReport = {
      state: "paid",
      reference: `PKJ-${id}`,
      partnerReference: null,
      amount: payout.amount,
      currency: "IDR",
      code: "00",
      message: "",
      at: now,
    };
    expect(decideReport(id, payout, stale, "notification", now, "event-2", "bank-nusantara").result).toBe("quarantined");
  });
});
