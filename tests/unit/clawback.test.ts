import { describe, expect, it } from "vitest";
import { repaymentDeadline } from "../../functions/src/domain/payouts/clawback.js";
import { clawbackLedgerEntryId, escalateClawbacks, openClawback, openClawbacks, recordRepayment } from "../../functions/src/usecases/payouts/clawback.js";
import type { MemoryPorts } from "../../functions/src/adapters/memory/index.js";
import { positionOf } from "../../functions/src/domain/payouts/differences.js";
import { reconciliationSetup, store } from "./reconciliationFixtures.js";
import { admin, applicantActor, auditor, writesOf } from "./usecases/fixtures.js";

/** Clawback cases through the memory adapters: open, repay (in parts), repaid; lapse, escalated once. */

const OPEN = "5f0c6a8e-1b2d-4e3f-8a9b-0c1d2e3f4a5b";
const PAY_1 = "6a1d7b9f-2c3e-4f50-9bac-1d2e3f4a5b6c";
const PAY_2 = "7b2e8c0a-3d4f-4061-8cbd-2e3f4a5b6c7d";
const PAY_3 = "8c3f9d1b-4e50-4172-9dce-3f4a5b6c7d8e";
const DAY_MS = 86_400_000;

const open = (memory: MemoryPorts, installmentId: string, requestId = OPEN) =>
  openClawback(memory, admin, { installmentId, reason: "exclusion-list", note: "civil-servant list v3 hit", requestId });
const repay = (memory: MemoryPorts, installmentId: string, amount: number, requestId: string, reference = `TRF-${requestId.slice(0, 8)}`) =>
  recordRepayment(memory, admin, { installmentId, amount, reference, requestId });

const position = async (memory: MemoryPorts, id: string) => Object.fromEntries(positionOf(await memory.payouts.ledger(id)));

describe("openClawback", () => {
  it("when a paid installment is found improper, then a case opens with the 60-day deadline and the paid amount moves to clawback, in one act", async () => {
    const memory = reconciliationSetup();
    const id = store(memory, { uid: "u1", state: "paid" });
    const { result, writes } = await writesOf(memory, () => open(memory, id));

    const deadline = repaymentDeadline(memory.clock.now(), 60);
    expect(result).toEqual({
      ok: true,
      value: { installmentId: id, status: "open", amount: 600_000, outstanding: 600_000, deadline: deadline.toISOString(), replayed: false },
    });
    // Opened Wednesday 2026-03-04 (Jakarta): the whole 60th day after counts, to 24:00 Jakarta.
    expect(deadline.toISOString()).toBe("2026-05-03T17:00:00.000Z");
    expect(writes).toEqual([`clawbacks/${id}`, `payoutLedger/${clawbackLedgerEntryId(id, 0)}`]);
    expect(memory.state.payoutLedger.read(clawbackLedgerEntryId(id, 0))).toMatchObject({
      from: "paid:bank-nusantara",
      to: "clawback",
      amount: 600_000,
      cause: "clawback-opened",
    });
    expect(await position(memory, id)).toEqual({ clawback: 600_000 });
    expect(memory.state.clawbacks.read(id)).toMatchObject({ uid: "u1", status: "open", reason: "exclusion-list", repaymentDays: 60, openedBy: "admin-1" });
    expect(memory.state.payouts.read(id)?.state).toBe("paid");
    expect(memory.audit.records).toEqual([
      { act: "open-clawback", actor: "admin-1", role: "admin", target: id, key: OPEN, at: memory.clock.now(), details: { reason: "exclusion-list" } },
    ]);
  });

  it("when the program year gives another figure, then the deadline follows it", async () => {
    const memory = reconciliationSetup();
    memory.programYears.set({ ...(await memory.programYears.get(2026))!, repaymentDays: 30 });
    const id = store(memory, { uid: "u1", state: "paid" });
    const result = await open(memory, id);
    expect(result.ok && result.value.deadline).toBe(repaymentDeadline(memory.clock.now(), 30).toISOString());
  });

  it("when the same request comes again, then it answers as before and writes nothing; another request on the installment is clawback-exists", async () => {
    const memory = reconciliationSetup();
    const id = store(memory, { uid: "u1", state: "paid" });
    await open(memory, id);
    const again = await writesOf(memory, () => open(memory, id));
    expect(again.writes).toEqual([]);
    expect(again.result.ok && again.result.value.replayed).toBe(true);
    const other = await writesOf(memory, () => open(memory, id, PAY_1));
    expect(other).toEqual({ result: { ok: false, reason: "clawback-exists", details: { status: "open" } }, writes: [] });
  });

  it("when the installment is not paid, unknown, or the caller is not an admin, then it is refused and nothing is written", async () => {
    const memory = reconciliationSetup();
    const sent = store(memory, { uid: "u1", state: "sent" });
    const paid = store(memory, { uid: "u2", state: "paid" });
    const cases = [
      [await writesOf(memory, () => open(memory, sent)), { ok: false, reason: "payout-not-paid", details: { state: "sent" } }],
      [await writesOf(memory, () => open(memory, "nobody-2026-1")), { ok: false, reason: "payout-not-found" }],
      [
        await writesOf(memory, () => openClawback(memory, auditor, { installmentId: paid, reason: "fraud", note: "report 12", requestId: OPEN })),
        { ok: false, reason: "not-admin" },
      ],
      [
        await writesOf(memory, () => openClawback(memory, applicantActor("u2"), { installmentId: paid, reason: "fraud", note: "report 12", requestId: OPEN })),
        { ok: false, reason: "not-admin" },
      ],
    ] as const;
    for (const [{ result, writes }, expected] of cases) {
      expect(result).toEqual(expected);
      expect(writes).toEqual([]);
    }
  });
});

describe("recordRepayment", () => {
  it("when the participant repays in two parts, then each moves clawback → returned and the case is repaid when nothing is owed", async () => {
    const memory = reconciliationSetup();
    const id = store(memory, { uid: "u1", state: "paid" });
    await open(memory, id);

    const first = await writesOf(memory, () => repay(memory, id, 200_000, PAY_1));
    expect(first.result).toEqual({ ok: true, value: { installmentId: id, status: "open", repaid: 200_000, outstanding: 400_000, replayed: false } });
    expect(first.writes).toEqual([`clawbacks/${id}`, `clawbacks/${id}/repayments/${PAY_1}`, `payoutLedger/${clawbackLedgerEntryId(id, 1)}`]);
    expect(await position(memory, id)).toEqual({ clawback: 400_000, returned: 200_000 });

    const second = await repay(memory, id, 400_000, PAY_2);
    expect(second).toEqual({ ok: true, value: { installmentId: id, status: "repaid", repaid: 600_000, outstanding: 0, replayed: false } });
    expect(await position(memory, id)).toEqual({ returned: 600_000 });
    expect(memory.state.clawbacks.read(id)).toMatchObject({ status: "repaid", repayments: 2, repaidAt: memory.clock.now(), version: 2 });

    expect(await writesOf(memory, () => repay(memory, id, 1, PAY_3))).toEqual({ result: { ok: false, reason: "clawback-repaid" }, writes: [] });
    expect(await openClawbacks(memory, 10)).toEqual([]);
    expect(memory.audit.records.filter((r) => r.act === "record-repayment").map((r) => [r.key, r.target, r.details])).toEqual([
      [PAY_1, id, { amount: 200_000, status: "open", outstanding: 400_000 }],
      [PAY_2, id, { amount: 400_000, status: "repaid", outstanding: 0 }],
    ]);
  });

  it("when a repayment is more than is owed, then it is refused with what is owed, and nothing is written", async () => {
    const memory = reconciliationSetup();
    const id = store(memory, { uid: "u1", state: "paid" });
    await open(memory, id);
    await repay(memory, id, 100_000, PAY_1);
    const over = await writesOf(memory, () => repay(memory, id, 500_001, PAY_2));
    expect(over).toEqual({ result: { ok: false, reason: "amount-exceeds-outstanding", details: { outstanding: 500_000 } }, writes: [] });
    expect(memory.state.clawbacks.read(id)).toMatchObject({ repaid: 100_000, outstanding: 500_000 });
  });

  it("when a repayment's request comes again, then it writes nothing new and answers with the case; the same requestId for another amount is refused", async () => {
    const memory = reconciliationSetup();
    const id = store(memory, { uid: "u1", state: "paid" });
    await open(memory, id);
    await repay(memory, id, 200_000, PAY_1, "TRF-1");
    const retried = await writesOf(memory, () => repay(memory, id, 200_000, PAY_1, "TRF-1"));
    expect(retried).toEqual({
      result: { ok: true, value: { installmentId: id, status: "open", repaid: 200_000, outstanding: 400_000, replayed: true } },
      writes: [],
    });
    expect(await writesOf(memory, () => repay(memory, id, 300_000, PAY_1, "TRF-1"))).toEqual({
      result: { ok: false, reason: "request-id-reused" },
      writes: [],
    });
    expect(await position(memory, id)).toEqual({ clawback: 400_000, returned: 200_000 });
  });

  it("when there is no case or the caller is not an admin, then it is refused", async () => {
    const memory = reconciliationSetup();
    const id = store(memory, { uid: "u1", state: "paid" });
    expect(await repay(memory, id, 1, PAY_1)).toEqual({ ok: false, reason: "clawback-not-found" });
    await open(memory, id);
    expect(await recordRepayment(memory, auditor, { installmentId: id, amount: 1, reference: "x", requestId: PAY_1 })).toEqual({
      ok: false,
      reason: "not-admin",
    });
  });
});

describe("escalateClawbacks", () => {
  it("when a deadline lapses with something owed, then the case is escalated exactly once; a case repaid or not yet due is left alone", async () => {
    const memory = reconciliationSetup();
    const [owed, repaid, later] = [
      store(memory, { uid: "u1", state: "paid" }),
      store(memory, { uid: "u2", state: "paid" }),
      store(memory, { uid: "u3", state: "paid" }),
    ];
    await open(memory, owed);
    await open(memory, repaid);
    await repay(memory, owed, 100_000, PAY_1);
    await repay(memory, repaid, 600_000, PAY_2);
    const deadline = memory.state.clawbacks.read(owed)!.deadline;

    memory.clock.set(new Date(deadline.getTime() - 1));
    await open(memory, later);
    expect(await escalateClawbacks(memory, memory.clock.now())).toEqual({ escalated: [] });

    memory.clock.set(new Date(deadline.getTime() + 30 * 60_000));
    const first = await writesOf(memory, () => escalateClawbacks(memory, memory.clock.now()));
    expect(first).toEqual({ result: { escalated: [owed] }, writes: [`clawbacks/${owed}`] });
    expect(memory.state.clawbacks.read(owed)).toMatchObject({ status: "escalated", escalatedAt: memory.clock.now(), outstanding: 500_000 });
    expect(memory.state.clawbacks.read(repaid)?.status).toBe("repaid");
    expect(memory.state.clawbacks.read(later)?.status).toBe("open");

    memory.clock.advance(DAY_MS);
    expect(await writesOf(memory, () => escalateClawbacks(memory, memory.clock.now()))).toEqual({ result: { escalated: [] }, writes: [] });

    // A claim collected later is still a repayment.
    expect(await repay(memory, owed, 500_000, PAY_3)).toMatchObject({ ok: true, value: { status: "repaid", outstanding: 0 } });
  });

  it("when the overview lists cases, then open and escalated ones come, soonest deadline first, with what is owed", async () => {
    const memory = reconciliationSetup();
    const first = store(memory, { uid: "u1", state: "paid" });
    const second = store(memory, { uid: "u2", state: "paid" });
    await open(memory, first);
    memory.clock.advance(DAY_MS);
    await open(memory, second, PAY_1);
    await repay(memory, second, 100_000, PAY_2);
    const listed = await openClawbacks(memory, 10);
    expect(listed.map((c) => [c.installmentId, c.status, c.outstanding])).toEqual([
      [first, "open", 600_000],
      [second, "open", 500_000],
    ]);
    expect(await openClawbacks(memory, 1)).toHaveLength(1);
  });
});
