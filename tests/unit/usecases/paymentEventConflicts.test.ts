import { describe, expect, it } from "vitest";
import { signedNotification } from "../../../functions/src/adapters/memory/paymentNotifications.js";
import { paymentEventKey, receivePaymentNotification } from "../../../functions/src/usecases/payouts/events.js";
import type { PartnerNotification } from "../../../functions/src/usecases/ports.js";
import { trainingSetup } from "./trainingFixtures.js";

/**
 * A partner's redelivery is the same event again: stored once, nothing else. An event that reuses a
 * stored event's ID with other content is not a redelivery — a partner's bug could hide a reversal
 * behind it — and is put aside for the program office, once per distinct body, never applied.
 */

const REFERENCE = "PKJ-u1-2026-1";

const notice = (state: "paid" | "reversed", amount: number, at: Date): PartnerNotification => ({
  eventId: "EVT-1",
  report: { state, reference: REFERENCE, partnerReference: "BN-1", amount, currency: "IDR", code: state === "paid" ? "00" : "04", message: "", at },
});

describe("partner events reusing an ID", () => {
  it("when the same event arrives twice, then it is one event and nothing is put aside", async () => {
    const memory = trainingSetup();
    const now = memory.clock.now();
    for (let i = 0; i < 2; i++) {
      const answer = await receivePaymentNotification(memory, "bank-nusantara", signedNotification("bank-nusantara", notice("paid", 600_000, now)));
      expect(answer).toMatchObject({ ok: true, value: { kind: i === 0 ? "stored" : "duplicate" } });
    }
    expect(memory.state.paymentEvents.size).toBe(1);
    expect(memory.state.paymentQuarantine.size).toBe(0);
  });

  it("when an event's ID comes again with a reversal, or another amount, then each distinct body is put aside once and the stored event is untouched", async () => {
    const memory = trainingSetup();
    const now = memory.clock.now();
    const key = paymentEventKey("bank-nusantara", "EVT-1");
    await receivePaymentNotification(memory, "bank-nusantara", signedNotification("bank-nusantara", notice("paid", 600_000, now)));
    const reversal = signedNotification("bank-nusantara", notice("reversed", 600_000, now));
    expect(await receivePaymentNotification(memory, "bank-nusantara", reversal)).toMatchObject({ ok: true, value: { kind: "duplicate", key } });
    await receivePaymentNotification(memory, "bank-nusantara", reversal);
    await receivePaymentNotification(memory, "bank-nusantara", signedNotification("bank-nusantara", notice("paid", 60_000, now)));
    const aside = [...memory.state.paymentQuarantine.values()];
    expect(aside).toHaveLength(2);
    expect(aside.map((q) => [q.reason, q.eventKey, q.installmentId, q.reported.state, q.reported.amount]).sort()).toEqual(
      [
        ["conflicting-report", key, "u1-2026-1", "paid", 60_000],
        ["conflicting-report", key, "u1-2026-1", "reversed", 600_000],
      ].sort(),
    );
    expect(memory.state.paymentEvents.read(key)).toMatchObject({ state: "paid", amount: 600_000, outcome: "pending" });
  });
});
