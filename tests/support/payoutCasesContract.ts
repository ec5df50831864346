import { describe, expect, it } from "vitest";
import type { PayoutCaseDoc, QuarantineDoc } from "../../functions/src/schemas/payouts.js";
import type { PayoutCases } from "../../functions/src/usecases/ports.js";

/**
 * What every implementation of the PayoutCases port must do: a report opened once per request and
 * once per open installment, the participant's reports newest first, the open ones oldest first,
 * and a participant's report or a quarantined partner report resolved with exactly what `decide` returns. The unit suite runs
 * it on the memory adapter (tests/unit/adapters/payoutCasesContract.test.ts), the integration
 * suite on the Firestore one (tests/integration/payoutCasesContract.test.ts).
 */
export interface PayoutCasesContractPorts {
  payoutCases: PayoutCases;
  /** Stores a quarantined report as the payouts store would (PayoutStore.quarantine). */
  seedQuarantine(id: string, doc: QuarantineDoc): Promise<void>;
  readQuarantine(id: string): Promise<QuarantineDoc | null>;
}

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 3, minutes));

/** `id(label)` makes an ID unique to the run (the Firestore suite shares its database with others). */
export function describePayoutCasesContract(name: string, make: () => PayoutCasesContractPorts, id: (label: string) => string): void {
  const report = (uid: string, installment: string, minutes: number, overrides: Partial<PayoutCaseDoc> = {}): PayoutCaseDoc => ({
    uid,
    installmentId: `${uid}-2026-${installment}`,
    kind: "not-received",
    amountReceived: null,
    stateAtReport: "paid",
    partner: "bank-nusantara",
    partnerReference: "BN-1",
    status: "open",
    openedAt: at(minutes),
    resolvedAt: null,
    resolution: null,
    ...overrides,
  });

  describe(`${name}: participants' reports on payouts`, () => {
    it("when a report is opened, then it is created; the same request again answers it unchanged", async () => {
      const { payoutCases } = make();
      const uid = id("alice");
      const first = report(uid, "1", 0);
      expect(await payoutCases.open(id("r1"), first)).toEqual({ kind: "created", id: id("r1"), doc: first });
      expect(await payoutCases.open(id("r1"), { ...first, kind: "received-less", amountReceived: 1, openedAt: at(5) })).toEqual({
        kind: "existing",
        id: id("r1"),
        doc: first,
      });
      expect(await payoutCases.ofParticipant(uid)).toEqual([{ id: id("r1"), doc: first }]);
    });

    it("when a second request reports an installment with a report still open, then the open one is answered and none is created", async () => {
      const { payoutCases } = make();
      const uid = id("bob");
      const first = report(uid, "1", 0);
      await payoutCases.open(id("b1"), first);
      expect(await payoutCases.open(id("b2"), report(uid, "1", 1, { kind: "received-less", amountReceived: 100 }))).toEqual({
        kind: "existing",
        id: id("b1"),
        doc: first,
      });
      // Another installment has a report of its own.
      expect((await payoutCases.open(id("b3"), report(uid, "2", 2))).kind).toBe("created");
      expect((await payoutCases.ofParticipant(uid)).map((entry) => entry.id)).toEqual([id("b3"), id("b1")]);
    });

    it("when reports are listed, then a participant's come newest first and only theirs; the open ones oldest first, resolved ones left out", async () => {
      const { payoutCases } = make();
      const [carol, dave] = [id("carol"), id("dave")];
      await payoutCases.open(id("c1"), report(carol, "1", 10));
      await payoutCases.open(id("c2"), report(carol, "2", 20, { status: "resolved", resolvedAt: at(30), resolution: "Dana masuk." }));
      await payoutCases.open(id("d1"), report(dave, "1", 5));
      expect((await payoutCases.ofParticipant(carol)).map((entry) => entry.id)).toEqual([id("c2"), id("c1")]);
      const open = (await payoutCases.openCases(1000)).filter((entry) => entry.doc.uid === carol || entry.doc.uid === dave);
      expect(open.map((entry) => entry.id)).toEqual([id("d1"), id("c1")]);
    });

    it("when `resolveCase` resolves a report, then it is written as returned and leaves the open list; null writes nothing; a missing one is seen as null", async () => {
      const { payoutCases } = make();
      const uid = id("erin");
      const opened = report(uid, "1", 40);
      await payoutCases.open(id("e1"), opened);
      const resolved: PayoutCaseDoc = {
        ...opened,
        status: "resolved",
        resolvedAt: at(50),
        resolution: "Bank mengonfirmasi dana masuk.",
        resolvedAs: "paid-confirmed",
        resolvedBy: "admin-1",
        resolveRequestId: "contract-resolve",
      };
      expect(await payoutCases.resolveCase(id("e1"), () => ({ doc: null, result: "left" }))).toBe("left");
      expect(await payoutCases.ofParticipant(uid)).toEqual([{ id: id("e1"), doc: opened }]);
      const seen = await payoutCases.resolveCase(id("e1"), (current) => ({ doc: current === null ? null : resolved, result: current }));
      expect(seen).toEqual(opened);
      expect(await payoutCases.ofParticipant(uid)).toEqual([{ id: id("e1"), doc: resolved }]);
      expect((await payoutCases.openCases(1000)).some((entry) => entry.id === id("e1"))).toBe(false);
      expect(await payoutCases.resolveCase(id("missing"), (current) => ({ doc: null, result: current }))).toBeNull();
    });
  });

  describe(`${name}: resolving a quarantined partner report`, () => {
    const quarantined = (eventKey: string): QuarantineDoc => ({
      partner: "kirim-dana",
      eventKey,
      reference: "PKJ-nobody-2026-1",
      installmentId: null,
      reason: "unknown-reference",
      reported: { state: "paid", amount: 600_000, currency: "IDR", code: "SUCCESS" },
      ours: null,
      at: at(0),
      status: "open",
    });

    it("when `decide` resolves it, then the report is written as returned, and `decide` saw it as it was", async () => {
      const ports = make();
      const key = id("q1");
      await ports.seedQuarantine(key, quarantined(key));
      const seen: Array<QuarantineDoc | null> = [];
      const result = await ports.payoutCases.resolveQuarantine(key, (current) => {
        seen.push(current);
        return {
          doc: current === null ? null : { ...current, status: "resolved", resolvedBy: "admin-1", resolvedAt: at(9), note: "Checked." },
          result: "done",
        };
      });
      expect(result).toBe("done");
      expect(seen.at(-1)).toEqual(quarantined(key));
      expect(await ports.readQuarantine(key)).toEqual({ ...quarantined(key), status: "resolved", resolvedBy: "admin-1", resolvedAt: at(9), note: "Checked." });
    });

    it("when `decide` returns nothing to write, then the report stays as it was; a missing one is seen as null", async () => {
      const ports = make();
      const key = id("q2");
      await ports.seedQuarantine(key, quarantined(key));
      expect(await ports.payoutCases.resolveQuarantine(key, () => ({ doc: null, result: "left" }))).toBe("left");
      expect(await ports.readQuarantine(key)).toEqual(quarantined(key));
      expect(await ports.payoutCases.resolveQuarantine(id("missing"), (current) => ({ doc: null, result: current }))).toBeNull();
      expect(await ports.readQuarantine(id("missing"))).toBeNull();
    });
  });
}
