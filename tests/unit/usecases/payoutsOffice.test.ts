import { describe, expect, it } from "vitest";
import { OVERVIEW_LIMIT, payoutOverview, resolveQuarantine } from "../../../functions/src/usecases/payouts/office.js";
import { reportPayout } from "../../../functions/src/usecases/payouts/participant.js";
import { admin, applicantActor, auditor, operatorOf, writesOf } from "./fixtures.js";
import { storeInstallment, storeQuarantine } from "./payoutViewFixtures.js";
import { participant, trainingSetup } from "./trainingFixtures.js";

/** The program office's overview of payouts and its resolution of quarantined partner reports, through the memory adapters. */

const REQUEST = "0b6f3c2e-8d1a-4c1e-9d2b-3f4a5b6c7d8e";

function partnerState(paused: boolean, at: Date) {
  return {
    name: "Bank Nusantara",
    channels: ["bank" as const],
    institutions: ["009"],
    active: true,
    paused,
    pausedAt: paused ? at : null,
    pausedBy: paused ? "admin-1" : null,
  };
}

describe("payoutOverview", () => {
  it("when nobody but an admin or an auditor asks, then it is refused before anything is read", async () => {
    const memory = trainingSetup();
    for (const actor of [applicantActor("u1"), operatorOf("31"), { uid: "p", claims: { role: "partner" as const, partner: "akademi-digital" } }]) {
      expect(await payoutOverview(memory, actor), actor.claims.role).toEqual({ ok: false, reason: "not-admin-or-auditor" });
    }
  });

  it("when an admin asks, then each payment partner comes with its queue state and counts per state, with the held payouts, quarantine and open cases", async () => {
    const memory = trainingSetup();
    const now = memory.clock.now();
    memory.state.paymentPartners.set("bank-nusantara", partnerState(true, now));
    storeInstallment(memory, { uid: "a", number: 1, state: "queued" });
    storeInstallment(memory, { uid: "b", number: 1, state: "queued" });
    storeInstallment(memory, { uid: "c", number: 1, state: "sent" });
    storeInstallment(memory, { uid: "d", number: 1, state: "unknown", partner: "dompet-kita" });
    storeInstallment(memory, { uid: "e", number: 1, state: "failed", partner: "kirim-dana" });
    storeInstallment(memory, { uid: "f", number: 1, state: "paid" });
    const held = storeInstallment(memory, {
      uid: "g",
      number: 1,
      state: "held",
      hold: { reason: "eligibility", details: ["civil-servant"], at: new Date(now.getTime() - 1000) },
    });
    storeQuarantine(memory, "q1");
    storeQuarantine(memory, "q2", { status: "resolved", resolvedBy: "admin-1", resolvedAt: now, note: "done" });
    await participant(memory, "f", 1);
    await reportPayout(memory, "f", { installmentId: "f-2026-1", kind: "not-received", requestId: REQUEST });
    // Two send tasks wait in Bank Nusantara's queue (its task function's), none in the others'.
    for (const id of ["a-2026-1", "b-2026-1"]) await memory.tasks.enqueue("payBankNusantara", { installmentId: id, attempt: 0, version: 1 }, { key: id });

    const answer = await payoutOverview(memory, admin);
    if (!answer.ok) throw new Error(answer.reason);
    const overview = answer.value;
    expect(overview.readOnly).toBe(false);
    expect(overview.generatedAt).toBe(now.toISOString());
    expect(overview.partners.map((p) => p.code)).toEqual(["bank-nusantara", "dompet-kita", "kirim-dana"]);
    expect(overview.partners[0]).toEqual({
      code: "bank-nusantara",
      name: "Bank Nusantara",
      channels: ["bank"],
      state: { active: true, paused: true, pausedAt: now.toISOString(), pausedBy: "admin-1" },
      counts: { queued: 2, sending: 0, sent: 1, unknown: 0, failed: 0, held: 0 },
      queueDepth: 2,
    });
    expect(overview.partners[1]?.queueDepth).toBe(0);
    expect(overview.partners[1]).toMatchObject({ state: null, counts: { unknown: 1, queued: 0 } });
    expect(overview.partners[2]?.counts.failed).toBe(1);
    expect(overview.heldTotal).toBe(1);
    expect(overview.held).toEqual([
      {
        id: held,
        number: 1,
        of: 4,
        amount: 600_000,
        dueAt: expect.any(String),
        partner: null,
        reason: "eligibility",
        details: ["civil-servant"],
        heldAt: new Date(now.getTime() - 1000).toISOString(),
      },
    ]);
    expect(overview.quarantine.map((q) => [q.id, q.reason, q.reported.amount, q.ours?.amount])).toEqual([["q1", "amount-mismatch", 500_000, 600_000]]);
    expect(overview.cases).toEqual([
      {
        id: REQUEST,
        installmentId: "f-2026-1",
        kind: "not-received",
        amountReceived: null,
        stateAtReport: "paid",
        partner: "bank-nusantara",
        partnerReference: "BN-1",
        openedAt: now.toISOString(),
      },
    ]);
  });

  it("when an auditor asks, then they see the same overview, marked read-only", async () => {
    const memory = trainingSetup();
    const answer = await payoutOverview(memory, auditor);
    expect(answer).toMatchObject({ ok: true, value: { readOnly: true, held: [], quarantine: [], cases: [], report: null, clawbacks: [] } });
  });

  it("when more payouts are held than a page shows, then the oldest are listed and the total says how many there are", async () => {
    const memory = trainingSetup();
    for (let n = 0; n < OVERVIEW_LIMIT + 2; n += 1) {
      storeInstallment(memory, { uid: `u${n}`, number: 1, state: "held", hold: { reason: "no-account", at: memory.clock.now() } });
      memory.clock.advance(1000);
    }
    const answer = await payoutOverview(memory, admin);
    expect(answer.ok && answer.value.held.length).toBe(OVERVIEW_LIMIT);
    expect(answer.ok && answer.value.heldTotal).toBe(OVERVIEW_LIMIT + 2);
    expect(answer.ok && answer.value.held[0]?.id).toBe("u0-2026-1");
  });
});

describe("resolveQuarantine", () => {
  const note = "Bank confirmed the amount; our payout stands.";

  it("when an admin resolves an open quarantined report, then it is marked resolved with who, when and the note, and leaves the open list", async () => {
    const memory = trainingSetup();
    storeQuarantine(memory, "q1");
    const { result, writes } = await writesOf(memory, () => resolveQuarantine(memory, admin, { id: "q1", note }));
    const at = memory.clock.now();
    expect(result).toEqual({ ok: true, value: { id: "q1", resolvedAt: at.toISOString(), resolvedBy: admin.uid } });
    expect(writes).toEqual(["paymentQuarantine/q1"]);
    expect(memory.state.paymentQuarantine.read("q1")).toMatchObject({ status: "resolved", resolvedBy: admin.uid, resolvedAt: at, note });
    expect(memory.audit.records).toEqual([{ act: "resolve-quarantine", actor: admin.uid, role: "admin", target: "q1", key: "quarantine-q1", at }]);
    const overview = await payoutOverview(memory, admin);
    expect(overview.ok && overview.value.quarantine).toEqual([]);
  });

  it("when the same resolution comes again (a retried call), then it answers as the first did and writes nothing; another note is refused", async () => {
    const memory = trainingSetup();
    storeQuarantine(memory, "q1");
    const first = await resolveQuarantine(memory, admin, { id: "q1", note });
    memory.clock.advance(60_000);
    const { result, writes } = await writesOf(memory, () => resolveQuarantine(memory, admin, { id: "q1", note }));
    expect(result).toEqual(first);
    expect(writes).toEqual([]);
    expect(memory.audit.records).toHaveLength(1);
    expect(await resolveQuarantine(memory, admin, { id: "q1", note: "Something else." })).toEqual({ ok: false, reason: "quarantine-resolved" });
    expect(await resolveQuarantine(memory, { uid: "admin-2", claims: { role: "admin" } }, { id: "q1", note })).toEqual({
      ok: false,
      reason: "quarantine-resolved",
    });
  });

  it("when the report does not exist, then it is not found; an auditor may not resolve anything", async () => {
    const memory = trainingSetup();
    storeQuarantine(memory, "q1");
    expect(await resolveQuarantine(memory, admin, { id: "q9", note })).toEqual({ ok: false, reason: "quarantine-not-found" });
    const { result, writes } = await writesOf(memory, () => resolveQuarantine(memory, auditor, { id: "q1", note }));
    expect(result).toEqual({ ok: false, reason: "not-admin" });
    expect(writes).toEqual([]);
  });
});
