import { describe, expect, it } from "vitest";
import { myPayouts, reportPayout } from "../../../functions/src/usecases/payouts/participant.js";
import { writesOf } from "./fixtures.js";
import { paidTimeline, storeAccount, storeInstallment } from "./payoutViewFixtures.js";
import { participant, trainingSetup } from "./trainingFixtures.js";

/** What a participant sees of their incentives, and their one-tap report on a paid installment, through the memory adapters. */

const REQUEST = "0b6f3c2e-8d1a-4c1e-9d2b-3f4a5b6c7d8e";
const OTHER_REQUEST = "1c7f4d3f-9e2b-4d2f-8e3c-4a5b6c7d8e9f";

describe("getMyPayouts", () => {
  it("when an applicant who is not a participant asks, then the answer is empty, not a refusal", async () => {
    const memory = trainingSetup();
    expect(await myPayouts(memory, "nobody")).toEqual({ ok: true, value: { participant: false, account: null, installments: [], cases: [] } });
  });

  it("when a participant with no account and no installment yet asks, then they are told they are a participant, with nothing else", async () => {
    const memory = trainingSetup();
    await participant(memory, "u1", 1);
    expect(await myPayouts(memory, "u1")).toEqual({ ok: true, value: { participant: true, account: null, installments: [], cases: [] } });
  });

  it("when a participant has an account and installments, then the account is masked and each installment comes with its timeline, in order", async () => {
    const memory = trainingSetup();
    await participant(memory, "u1", 1);
    storeAccount(memory, "u1", { status: "review", flags: ["doubtful-name"] });
    storeInstallment(memory, { uid: "u1", number: 2, state: "scheduled" });
    const paid = storeInstallment(memory, { uid: "u1", number: 1, state: "paid", events: paidTimeline(memory) });
    storeInstallment(memory, { uid: "someone-else", number: 1, state: "paid" });

    const answer = await myPayouts(memory, "u1");
    if (!answer.ok) throw new Error("refused");
    const { account, installments } = answer.value;
    expect(account).toEqual({
      partner: "bank-nusantara",
      partnerName: "Bank Nusantara",
      channel: "bank",
      institution: "009",
      masked: "••••7890",
      status: "review",
      flags: ["doubtful-name"],
    });
    expect(JSON.stringify(answer.value)).not.toContain("1234567890");
    expect(installments.map((i) => [i.id, i.number, i.state])).toEqual([
      [paid, 1, "paid"],
      ["u1-2026-2", 2, "scheduled"],
    ]);
    expect(installments[0]).toMatchObject({ amount: 600_000, of: 4, partner: "bank-nusantara", partnerReference: "BN-1", hold: null });
    expect(installments[0]?.paidAt).toBe(memory.clock.now().toISOString());
    expect(installments[0]?.events.map((e) => e.to)).toEqual(["scheduled", "queued", "sending", "sent", "paid"]);
    expect(installments[0]?.events.at(-1)).toEqual({
      at: expect.any(String),
      to: "paid",
      source: "notification",
      code: "2005600",
      message: "Successful",
      partnerReference: "BN-1",
    });
  });

  it("when staff reviewed an installment, then the participant sees that it was reviewed, but neither who did it nor the note they kept", async () => {
    const memory = trainingSetup();
    await participant(memory, "u1", 1);
    const now = memory.clock.now();
    storeInstallment(memory, {
      uid: "u1",
      number: 1,
      state: "scheduled",
      events: [
        { at: new Date(now.getTime() - 2000), to: "scheduled", source: "schedule", code: "entitled" },
        { at: new Date(now.getTime() - 1000), to: "held", source: "dispatch", code: "eligibility" },
        { at: now, to: "scheduled", source: "review", code: "release", message: "Checked with the civil service list: not a civil servant.", by: "admin-7" },
      ],
    });
    const answer = await myPayouts(memory, "u1");
    expect(answer.ok && answer.value.installments[0]?.events.at(-1)).toEqual({
      at: now.toISOString(),
      to: "scheduled",
      source: "review",
      code: "release",
      message: null,
      partnerReference: null,
    });
    expect(JSON.stringify(answer)).not.toMatch(/admin-7|civil service/);
  });

  it("when an installment is held, then the participant sees why (the reason's code), and nothing more", async () => {
    const memory = trainingSetup();
    await participant(memory, "u1", 1);
    storeInstallment(memory, { uid: "u1", number: 1, state: "held", hold: { reason: "eligibility", details: ["civil-servant"], at: memory.clock.now() } });
    const answer = await myPayouts(memory, "u1");
    expect(answer.ok && answer.value.installments[0]?.hold).toBe("eligibility");
    expect(JSON.stringify(answer)).not.toContain("civil-servant");
  });
});

describe("reportPayout", () => {
  it("when a participant reports a paid installment not received, then a case opens with the payout as it stood, and the payout is not touched", async () => {
    const memory = trainingSetup();
    await participant(memory, "u1", 1);
    const id = storeInstallment(memory, { uid: "u1", number: 1, state: "paid", events: paidTimeline(memory) });
    const before = memory.state.payouts.read(id);

    const { result, writes } = await writesOf(memory, () => reportPayout(memory, "u1", { installmentId: id, kind: "not-received", requestId: REQUEST }));
    expect(result).toEqual({
      ok: true,
      value: {
        case: { id: REQUEST, installmentId: id, kind: "not-received", status: "open", openedAt: memory.clock.now().toISOString(), resolution: null },
        opened: true,
      },
    });
    expect(writes).toEqual([`payoutCases/${REQUEST}`]);
    expect(memory.state.payoutCases.read(REQUEST)).toMatchObject({
      uid: "u1",
      stateAtReport: "paid",
      partner: "bank-nusantara",
      partnerReference: "BN-1",
      amountReceived: null,
    });
    expect(memory.state.payouts.read(id)).toEqual(before);

    const mine = await myPayouts(memory, "u1");
    expect(mine.ok && mine.value.cases.map((c) => [c.id, c.status])).toEqual([[REQUEST, "open"]]);
  });

  it("when the same request comes again, then it answers the same case and writes nothing", async () => {
    const memory = trainingSetup();
    await participant(memory, "u1", 1);
    const id = storeInstallment(memory, { uid: "u1", number: 1, state: "paid" });
    const first = await reportPayout(memory, "u1", { installmentId: id, kind: "not-received", requestId: REQUEST });
    memory.clock.advance(60_000);
    const { result, writes } = await writesOf(memory, () => reportPayout(memory, "u1", { installmentId: id, kind: "not-received", requestId: REQUEST }));
    expect(writes).toEqual([]);
    expect(result.ok && result.value.case).toEqual(first.ok && first.value.case);
    expect(result.ok && result.value.opened).toBe(false);
  });

  it("when a second report on the same installment comes while the first is open, then the open case is answered and no second case is opened", async () => {
    const memory = trainingSetup();
    await participant(memory, "u1", 1);
    const id = storeInstallment(memory, { uid: "u1", number: 1, state: "paid" });
    await reportPayout(memory, "u1", { installmentId: id, kind: "not-received", requestId: REQUEST });
    const { result, writes } = await writesOf(memory, () =>
      reportPayout(memory, "u1", { installmentId: id, kind: "received-less", amountReceived: 100_000, requestId: OTHER_REQUEST }),
    );
    expect(writes).toEqual([]);
    expect(result).toMatchObject({ ok: true, value: { case: { id: REQUEST, kind: "not-received" }, opened: false } });
    expect(memory.state.payoutCases.size).toBe(1);
  });

  it("when a participant received less, then the amount received is recorded; an amount not below the incentive's, or none, is refused at its field", async () => {
    const memory = trainingSetup();
    await participant(memory, "u1", 1);
    const id = storeInstallment(memory, { uid: "u1", number: 1, state: "paid" });
    for (const amountReceived of [undefined, 600_000, 700_000]) {
      const { result, writes } = await writesOf(memory, () =>
        reportPayout(memory, "u1", { installmentId: id, kind: "received-less", amountReceived, requestId: REQUEST }),
      );
      expect(result, String(amountReceived)).toEqual({ ok: false, reason: "amount-received-invalid" });
      expect(writes).toEqual([]);
    }
    const result = await reportPayout(memory, "u1", { installmentId: id, kind: "received-less", amountReceived: 550_000, requestId: REQUEST });
    expect(result).toMatchObject({ ok: true, value: { case: { kind: "received-less" }, opened: true } });
    expect(memory.state.payoutCases.read(REQUEST)?.amountReceived).toBe(550_000);
  });

  it("when the installment is not paid, then the refusal names the state found, and nothing is written", async () => {
    const memory = trainingSetup();
    await participant(memory, "u1", 1);
    for (const [number, state] of [
      [1, "sent"],
      [2, "scheduled"],
      [3, "reversed"],
      [4, "held"],
    ] as const) {
      const id = storeInstallment(memory, { uid: "u1", number, state });
      const { result, writes } = await writesOf(memory, () => reportPayout(memory, "u1", { installmentId: id, kind: "not-received", requestId: REQUEST }));
      expect(result).toEqual({ ok: false, reason: "installment-not-paid", details: { state } });
      expect(writes).toEqual([]);
    }
  });

  it("when the installment does not exist or is someone else's, then it is not found, the same either way", async () => {
    const memory = trainingSetup();
    await participant(memory, "u1", 1);
    const theirs = storeInstallment(memory, { uid: "u2", number: 1, state: "paid" });
    for (const installmentId of [theirs, "u1-2026-9"]) {
      const { result, writes } = await writesOf(memory, () => reportPayout(memory, "u1", { installmentId, kind: "not-received", requestId: REQUEST }));
      expect(result).toEqual({ ok: false, reason: "installment-not-found" });
      expect(writes).toEqual([]);
    }
  });

  it("when a request ID is used again for another installment, then it is refused and the first case stays as it was", async () => {
    const memory = trainingSetup();
    await participant(memory, "u1", 1);
    const first = storeInstallment(memory, { uid: "u1", number: 1, state: "paid" });
    const second = storeInstallment(memory, { uid: "u1", number: 2, state: "paid" });
    await reportPayout(memory, "u1", { installmentId: first, kind: "not-received", requestId: REQUEST });
    const { result, writes } = await writesOf(memory, () => reportPayout(memory, "u1", { installmentId: second, kind: "not-received", requestId: REQUEST }));
    expect(result).toEqual({ ok: false, reason: "request-id-reused" });
    expect(writes).toEqual([]);
    expect(memory.state.payoutCases.read(REQUEST)?.installmentId).toBe(first);
  });
});
