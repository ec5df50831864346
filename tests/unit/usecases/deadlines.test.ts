import { describe, expect, it } from "vitest";
import { myTraining } from "../../../functions/src/usecases/training/participant.js";
import { runDeadlines } from "../../../functions/src/usecases/training/deadlines.js";
import { authorizePurchase } from "../../../functions/src/usecases/training/purchase.js";
import { createdWave } from "./fixtures.js";
import { otpFor, participant, PLATFORM, SELF_PACED, trainingSetup } from "./trainingFixtures.js";

/** The first-purchase deadline with an injected clock: reminders, revocation, freed seats. */

const DAY = 86_400_000;

describe("the first-purchase deadline", () => {
  it("when 23 and 29 days have passed, then each participant gets the 7-day and then the 1-day reminder, once", async () => {
    const memory = trainingSetup();
    const pid = await participant(memory, "u1", 1);
    const start = memory.clock.now();
    const at = (days: number) => new Date(start.getTime() + days * DAY);
    expect(await runDeadlines(memory, at(22))).toMatchObject({ reminded: 0 });
    expect(await runDeadlines(memory, at(23))).toMatchObject({ reminded: 1 });
    expect(await runDeadlines(memory, at(23.5))).toMatchObject({ reminded: 0 });
    expect(await runDeadlines(memory, at(29))).toMatchObject({ reminded: 1, revoked: 0 });
    const kinds = [...memory.state.sms.entries()].map(([key, sms]) => [key, sms.kind]);
    expect(kinds).toEqual([
      [`deadline-7d-${pid}`, "deadline-reminder-7d"],
      [`deadline-1d-${pid}`, "deadline-reminder-1d"],
    ]);
    expect(memory.state.applicants.read("u1")?.remindAt).toBeNull();
  });

  it("when the deadline passes, then exactly those who bought nothing are revoked, their balance returned and their seat freed, once", async () => {
    const memory = trainingSetup();
    const pids = [await participant(memory, "u1", 1), await participant(memory, "u2", 2), await participant(memory, "u3", 3)];
    const { token, otp } = await otpFor(memory, "u2", pids[1], SELF_PACED);
    expect(await authorizePurchase(memory, PLATFORM, { token, otp, invoiceCode: "INV-u2", invoiceUrl: "https://p.test/u2" })).toMatchObject({ ok: true });
    const deadline = memory.state.applicants.read("u1")!.purchaseDeadline!;
    expect(await runDeadlines(memory, new Date(deadline.getTime() - 1))).toMatchObject({ revoked: 0 });
    const run = await runDeadlines(memory, deadline);
    expect(run).toMatchObject({ revoked: 2, seatsAssigned: 0, seatsWaiting: 2 });
    expect(["u1", "u2", "u3"].map((uid) => memory.state.applicants.read(uid)?.status)).toEqual(["revoked", "participant", "revoked"]);
    expect(memory.state.applicants.read("u1")).toMatchObject({ trainingBalance: 0, revokedFor: "purchase-deadline-passed", lapseAt: null });
    expect([...memory.state.budgetLedger.values()].map((e) => [e.kind, e.amount, e.waveId])).toEqual([
      ["unspent-returned", 3_500_000, "2026-1"],
      ["unspent-returned", 3_500_000, "2026-1"],
    ]);
    expect([...memory.state.freedSeats.keys()].sort()).toEqual([pids[0], pids[2]].sort());
    expect(memory.state.timeline.read("u1/revoked")).toMatchObject({ kind: "revoked", amount: 3_500_000 });
    // "My training" says why there is nothing, not that they were never drawn.
    expect(await myTraining(memory, "u1")).toEqual({ ok: false, reason: "participant-revoked" });
    expect([...memory.state.sms.values()].filter((m) => m.kind === "revoked")).toHaveLength(2);
    const revocations = () => memory.audit.records.filter((r) => r.act === "revoke-participant");
    expect(revocations().sort((a, b) => a.target.localeCompare(b.target))).toEqual(
      ["u1", "u3"].map((uid) => ({
        act: "revoke-participant",
        actor: "system",
        role: "system",
        target: uid,
        key: `purchase-deadline-${uid}`,
        at: deadline,
        details: { reason: "purchase-deadline-passed", balanceReturned: 3_500_000 },
      })),
    );
    const writes = memory.writes.length;
    expect(await runDeadlines(memory, new Date(deadline.getTime() + DAY))).toMatchObject({ revoked: 0, reminded: 0 });
    expect(memory.writes.length).toBe(writes);
    expect(revocations()).toHaveLength(2);
  });

  it("when a later wave is scheduled, then freed seats are added to its quota before it opens, each once, saying where they came from", async () => {
    const memory = trainingSetup();
    await participant(memory, "u1", 1);
    await participant(memory, "u2", 2);
    const deadline = memory.state.applicants.read("u1")!.purchaseDeadline!;
    await runDeadlines(memory, deadline);
    const opensAt = new Date(deadline.getTime() + 3 * DAY);
    const waveId = await createdWave(memory, {
      number: 9,
      quota: 100,
      opensAt: opensAt.toISOString(),
      closesAt: new Date(opensAt.getTime() + 7 * DAY).toISOString(),
    });
    expect(await runDeadlines(memory, new Date(deadline.getTime() + DAY))).toMatchObject({ seatsAssigned: 2, seatsWaiting: 0 });
    expect(memory.state.waves.read(waveId)).toMatchObject({ quota: 102, freedSeats: [{ fromWave: "2026-1", seats: 2 }] });
    expect([...memory.state.freedSeats.values()].map((s) => s.toWave)).toEqual([waveId, waveId]);
    expect(await runDeadlines(memory, new Date(deadline.getTime() + 2 * DAY))).toMatchObject({ seatsAssigned: 0 });
    expect(memory.state.waves.read(waveId)?.quota).toBe(102);
  });

  it("when the only later wave has opened already, then the seats wait for the next one rather than change an open wave", async () => {
    const memory = trainingSetup();
    await participant(memory, "u1", 1);
    const deadline = memory.state.applicants.read("u1")!.purchaseDeadline!;
    const waveId = await createdWave(memory, {
      number: 9,
      quota: 100,
      opensAt: new Date(deadline.getTime() - DAY).toISOString(),
      closesAt: new Date(deadline.getTime() + 7 * DAY).toISOString(),
    });
    expect(await runDeadlines(memory, deadline)).toMatchObject({ revoked: 1, seatsAssigned: 0, seatsWaiting: 1 });
    expect(memory.state.waves.read(waveId)?.quota).toBe(100);
  });
});

describe("a revocation whose notice fails", () => {
  it("when the outbox fails for one person, then everyone lapsed is still revoked and the failure is counted", async () => {
    const memory = trainingSetup();
    await participant(memory, "u1", 1);
    await participant(memory, "u2", 2);
    const deadline = memory.state.applicants.read("u1")!.purchaseDeadline!;
    const send = memory.notifications.send.bind(memory.notifications);
    memory.notifications.send = (key, notification) =>
      notification.kind === "revoked" && notification.uid === "u1" ? Promise.reject(new Error("outbox down")) : send(key, notification);
    expect(await runDeadlines(memory, deadline)).toMatchObject({ revoked: 2, noticesFailed: 1 });
    expect(["u1", "u2"].map((uid) => memory.state.applicants.read(uid)?.status)).toEqual(["revoked", "revoked"]);
  });
});

describe("a revocation whose transaction fails", () => {
  it("when one person's transaction fails, then the others are revoked, the failure is counted, and the next run revokes that person", async () => {
    const memory = trainingSetup();
    await participant(memory, "u1", 1);
    await participant(memory, "u2", 2);
    const deadline = memory.state.applicants.read("u1")!.purchaseDeadline!;
    const revoke = memory.deadlines.revoke.bind(memory.deadlines);
    memory.deadlines.revoke = (uid, decide) => (uid === "u1" ? Promise.reject(Object.assign(new Error("lock timeout"), { code: 10 })) : revoke(uid, decide));
    expect(await runDeadlines(memory, deadline)).toMatchObject({ revoked: 1, revokeFailed: 1 });
    expect(memory.state.applicants.read("u1")?.status).toBe("participant");
    memory.deadlines.revoke = revoke;
    expect(await runDeadlines(memory, deadline)).toMatchObject({ revoked: 1, revokeFailed: 0 });
    expect(memory.state.applicants.read("u1")?.status).toBe("revoked");
  });
});
