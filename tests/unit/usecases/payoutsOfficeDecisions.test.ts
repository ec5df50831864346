import { describe, expect, it } from "vitest";
import type { MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import type { ResolvePayoutCaseInput, ReviewPayoutAccountInput } from "../../../functions/src/schemas/payouts.js";
import { reviewPayoutAccount } from "../../../functions/src/usecases/payouts/accountReview.js";
import { resolvePayoutCase } from "../../../functions/src/usecases/payouts/caseResolution.js";
import { payoutOverview } from "../../../functions/src/usecases/payouts/office.js";
import { myPayouts, reportPayout } from "../../../functions/src/usecases/payouts/participant.js";
import { admin, applicantActor, auditor, operatorOf, writesOf } from "./fixtures.js";
import { storeAccount, storeInstallment } from "./payoutViewFixtures.js";
import { participant, trainingSetup } from "./trainingFixtures.js";
import { sealedDestination } from "../../support/vault.js";

/**
 * The program office's two decisions on what waits for a person, through the memory adapters: a
 * payout account linked for review (doubtful name, shared number) verified or refused, and a
 * participant's "not received" / "received less" report resolved.
 */

const REQUEST = "0b6f3c2e-8d1a-4c1e-9d2b-3f4a5b6c7d8e";
const OTHER_REQUEST = "1c7f4d3f-9e2b-4d2f-8e3c-4a5b6c7d8e9f";
const note = "Buku tabungan dilihat di kantor; nama sesuai KTP.";

/** u1's account, linked for review a minute ago, and the decision's input on it. */
function accountInReview(memory: MemoryPorts): Omit<ReviewPayoutAccountInput, "decision"> {
  const linkedAt = new Date(memory.clock.now().getTime() - 60_000);
  storeAccount(memory, "u1", { status: "review", flags: ["doubtful-name", "shared-account"], nameScore: 0.82, nameVerdict: "doubtful", linkedAt });
  return { uid: "u1", linkedAt: linkedAt.toISOString(), note, requestId: REQUEST };
}

describe("reviewPayoutAccount", () => {
  it("when an admin verifies an account in review, then it is verified with who, when, the note and the request, and its payouts held for it are scheduled again", async () => {
    const memory = trainingSetup();
    const input = accountInReview(memory);
    const waiting = storeInstallment(memory, { uid: "u1", number: 1, state: "held", hold: { reason: "account-review", at: memory.clock.now() } });
    const screened = storeInstallment(memory, {
      uid: "u1",
      number: 2,
      state: "held",
      hold: { reason: "eligibility", details: ["civil-servant"], at: memory.clock.now() },
    });
    const now = memory.clock.now();

    const answer = await reviewPayoutAccount(memory, admin, { ...input, decision: "verify" });
    expect(answer).toEqual({ ok: true, value: { uid: "u1", status: "verified", decidedAt: now.toISOString(), decidedBy: admin.uid, released: 1 } });
    expect(memory.state.payoutAccounts.read("u1")).toMatchObject({
      status: "verified",
      flags: ["doubtful-name", "shared-account"],
      review: { decision: "verify", by: admin.uid, at: now, note, requestId: REQUEST },
    });
    expect(memory.state.payouts.read(waiting)).toMatchObject({ state: "scheduled", version: 1 });
    expect(memory.state.payoutEvents.read(`${waiting}/0001`)).toMatchObject({ from: "held", to: "scheduled", source: "review" });
    // Held for another reason (an exclusion-list hit), it waits for its own review.
    expect(memory.state.payouts.read(screened)?.state).toBe("held");
    const overview = await payoutOverview(memory, admin);
    expect(overview.ok && overview.value.accountsInReview).toEqual([]);
    expect(memory.audit.records).toEqual([
      { act: "review-payout-account", actor: admin.uid, role: "admin", target: "u1", key: REQUEST, at: now, details: { decision: "verify" } },
    ]);
  });

  it("when an admin refuses an account in review, then it is refused with the decision recorded, its flags kept, its payouts still held, and the participant sees it refused", async () => {
    const memory = trainingSetup();
    const input = accountInReview(memory);
    const waiting = storeInstallment(memory, { uid: "u1", number: 1, state: "held", hold: { reason: "account-review", at: memory.clock.now() } });

    const { result, writes } = await writesOf(memory, () => reviewPayoutAccount(memory, admin, { ...input, decision: "refuse" }));
    expect(result).toEqual({
      ok: true,
      value: { uid: "u1", status: "refused", decidedAt: memory.clock.now().toISOString(), decidedBy: admin.uid, released: 0 },
    });
    expect(writes).toEqual(["payoutAccounts/u1"]);
    expect(memory.state.payoutAccounts.read("u1")).toMatchObject({
      status: "refused",
      flags: ["doubtful-name", "shared-account"],
      review: { decision: "refuse" },
    });
    expect(memory.state.payouts.read(waiting)?.state).toBe("held");
    const mine = await myPayouts(memory, "u1");
    expect(mine.ok && mine.value.account).toMatchObject({ status: "refused", masked: "••••7890" });
    // Who decided and the note are the program office's: the participant's answer carries neither.
    expect(JSON.stringify(mine)).not.toContain(note);
    expect(JSON.stringify(mine)).not.toContain(admin.uid);
  });

  it("when the same request comes again, then it answers as the first did, writing only what a crash left held; the same request ID with the other decision is refused", async () => {
    const memory = trainingSetup();
    const input: ReviewPayoutAccountInput = { ...accountInReview(memory), decision: "verify" };
    const first = await reviewPayoutAccount(memory, admin, input);
    memory.clock.advance(60_000);

    const { result, writes } = await writesOf(memory, () => reviewPayoutAccount(memory, admin, input));
    expect(result).toEqual(first.ok ? { ok: true, value: { ...first.value, released: 0 } } : first);
    expect(writes).toEqual([]);
    // The first call's release never ran (the instance died after the decision): the retry releases.
    const waiting = storeInstallment(memory, { uid: "u1", number: 1, state: "held", hold: { reason: "account-review", at: memory.clock.now() } });
    expect(await reviewPayoutAccount(memory, admin, input)).toMatchObject({ ok: true, value: { status: "verified", released: 1 } });
    expect(memory.state.payouts.read(waiting)?.state).toBe("scheduled");

    expect(await reviewPayoutAccount(memory, admin, { ...input, decision: "refuse" })).toEqual({ ok: false, reason: "request-id-reused" });
    expect(memory.state.payoutAccounts.read("u1")?.status).toBe("verified");
  });

  it("when another request decides an account not in review, then it is refused with the status found, and nothing is written", async () => {
    const memory = trainingSetup();
    const input = accountInReview(memory);
    await reviewPayoutAccount(memory, admin, { ...input, decision: "refuse" });
    const { result, writes } = await writesOf(memory, () => reviewPayoutAccount(memory, admin, { ...input, decision: "verify", requestId: OTHER_REQUEST }));
    expect(result).toEqual({ ok: false, reason: "account-not-in-review", details: { status: "refused" } });
    expect(writes).toEqual([]);

    storeAccount(memory, "u2");
    const linkedAt = memory.state.payoutAccounts.read("u2")?.linkedAt.toISOString() ?? "";
    expect(await reviewPayoutAccount(memory, admin, { ...input, uid: "u2", linkedAt, decision: "refuse", requestId: OTHER_REQUEST })).toEqual({
      ok: false,
      reason: "account-not-in-review",
      details: { status: "verified" },
    });
  });

  it("when the participant linked another account since the list was read, then the decision is refused as about another account, and nothing is written", async () => {
    const memory = trainingSetup();
    const input = accountInReview(memory);
    storeAccount(memory, "u1", {
      status: "review",
      flags: ["shared-account"],
      destination: sealedDestination("9876543210", "SITI NURHALIZA"),
      masked: "••••3210",
      linkedAt: memory.clock.now(),
    });
    const { result, writes } = await writesOf(memory, () => reviewPayoutAccount(memory, admin, { ...input, decision: "verify" }));
    expect(result).toEqual({ ok: false, reason: "account-changed" });
    expect(writes).toEqual([]);
    expect(memory.state.payoutAccounts.read("u1")?.status).toBe("review");
  });

  it("when there is no such account, then it is not found; anyone but an admin is refused before anything is read", async () => {
    const memory = trainingSetup();
    const input = accountInReview(memory);
    expect(await reviewPayoutAccount(memory, admin, { ...input, uid: "nobody", decision: "verify" })).toEqual({
      ok: false,
      reason: "payout-account-not-found",
    });
    for (const actor of [auditor, operatorOf("31"), applicantActor("u1")]) {
      const { result, writes } = await writesOf(memory, () => reviewPayoutAccount(memory, actor, { ...input, decision: "verify" }));
      expect(result, actor.claims.role).toEqual({ ok: false, reason: "not-admin" });
      expect(writes).toEqual([]);
    }
    expect(memory.state.payoutAccounts.read("u1")?.status).toBe("review");
  });
});

describe("payoutOverview: accounts in review", () => {
  it("when accounts wait for review, then the overview lists them oldest link first with the last digits, the name's score and the flags, never the number", async () => {
    const memory = trainingSetup();
    const now = memory.clock.now().getTime();
    storeAccount(memory, "late", { status: "review", flags: ["shared-account"], linkedAt: new Date(now - 1_000) });
    storeAccount(memory, "early", { status: "review", flags: ["doubtful-name"], nameScore: 0.75, nameVerdict: "doubtful", linkedAt: new Date(now - 5_000) });
    storeAccount(memory, "fine");
    storeAccount(memory, "gone", { status: "refused", flags: ["shared-account"] });

    for (const actor of [admin, auditor]) {
      const answer = await payoutOverview(memory, actor);
      if (!answer.ok) throw new Error(answer.reason);
      expect(answer.value.accountsInReview).toEqual([
        {
          uid: "early",
          partner: "bank-nusantara",
          channel: "bank",
          institution: "009",
          masked: "••••7890",
          nameScore: 0.75,
          nameVerdict: "doubtful",
          flags: ["doubtful-name"],
          linkedAt: new Date(now - 5_000).toISOString(),
        },
        expect.objectContaining({ uid: "late", flags: ["shared-account"], nameVerdict: "match" }),
      ]);
      expect(JSON.stringify(answer.value.accountsInReview)).not.toContain("1234567890");
    }
  });
});

describe("resolvePayoutCase", () => {
  /** f's paid installment 1, reported not received; the case's ID. */
  async function openCase(memory: MemoryPorts): Promise<string> {
    storeInstallment(memory, { uid: "f", number: 1, state: "paid" });
    await participant(memory, "f", 1);
    const opened = await reportPayout(memory, "f", { installmentId: "f-2026-1", kind: "not-received", requestId: REQUEST });
    if (!opened.ok) throw new Error(opened.reason);
    return opened.value.case.id;
  }
  const resolution = "Bank Nusantara's statement shows the transfer on 2 March; the participant's bank confirmed it.";

  it("when an admin resolves an open report, then it is resolved with what was found, who, when and the note, which the participant reads; the payout is untouched", async () => {
    const memory = trainingSetup();
    const id = await openCase(memory);
    memory.clock.advance(3_600_000);
    const at = memory.clock.now();
    const payout = memory.state.payouts.read("f-2026-1");

    const { result, writes } = await writesOf(memory, () =>
      resolvePayoutCase(memory, admin, { id, resolution: "paid-confirmed", note: resolution, requestId: OTHER_REQUEST }),
    );
    expect(result).toEqual({ ok: true, value: { id, resolution: "paid-confirmed", resolvedAt: at.toISOString(), resolvedBy: admin.uid } });
    expect(writes).toEqual([`payoutCases/${id}`]);
    expect(memory.state.payoutCases.read(id)).toMatchObject({
      status: "resolved",
      resolvedAt: at,
      resolution,
      resolvedAs: "paid-confirmed",
      resolvedBy: admin.uid,
      resolveRequestId: OTHER_REQUEST,
    });
    expect(memory.state.payouts.read("f-2026-1")).toEqual(payout);
    const mine = await myPayouts(memory, "f");
    expect(mine.ok && mine.value.cases).toEqual([
      { id, installmentId: "f-2026-1", kind: "not-received", status: "resolved", openedAt: expect.any(String), resolution },
    ]);
    const overview = await payoutOverview(memory, admin);
    expect(overview.ok && overview.value.cases).toEqual([]);
  });

  it("when the same request comes again, then it answers as the first did and writes nothing; another request or another finding is refused", async () => {
    const memory = trainingSetup();
    const id = await openCase(memory);
    const input: ResolvePayoutCaseInput = { id, resolution: "repaid", note: resolution, requestId: OTHER_REQUEST };
    const first = await resolvePayoutCase(memory, admin, input);
    memory.clock.advance(60_000);
    const { result, writes } = await writesOf(memory, () => resolvePayoutCase(memory, admin, input));
    expect(result).toEqual(first);
    expect(writes).toEqual([]);
    expect(await resolvePayoutCase(memory, admin, { ...input, requestId: REQUEST })).toEqual({ ok: false, reason: "payout-case-resolved" });
    expect(await resolvePayoutCase(memory, admin, { ...input, resolution: "other" })).toEqual({ ok: false, reason: "payout-case-resolved" });
    expect(memory.state.payoutCases.read(id)?.resolvedAs).toBe("repaid");
    expect(memory.audit.records.filter((r) => r.act === "resolve-payout-case")).toEqual([
      {
        act: "resolve-payout-case",
        actor: admin.uid,
        role: "admin",
        target: id,
        key: OTHER_REQUEST,
        at: memory.state.payoutCases.read(id)?.resolvedAt,
        details: { resolution: "repaid" },
      },
    ]);
  });

  it("when the report does not exist, then it is not found; anyone but an admin is refused and nothing is written", async () => {
    const memory = trainingSetup();
    const id = await openCase(memory);
    const input: ResolvePayoutCaseInput = { id, resolution: "other", note: resolution, requestId: OTHER_REQUEST };
    expect(await resolvePayoutCase(memory, admin, { ...input, id: "no-such-case" })).toEqual({ ok: false, reason: "payout-case-not-found" });
    for (const actor of [auditor, operatorOf("31"), applicantActor("f")]) {
      const { result, writes } = await writesOf(memory, () => resolvePayoutCase(memory, actor, input));
      expect(result, actor.claims.role).toEqual({ ok: false, reason: "not-admin" });
      expect(writes).toEqual([]);
    }
    expect(memory.state.payoutCases.read(id)?.status).toBe("open");
  });
});
