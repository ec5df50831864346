import { describe, expect, it } from "vitest";
import { sealedDestination } from "./vault.js";
import type { PaymentPartnerCode } from "../../functions/src/domain/payouts/partners.js";
import { expectedPosition, transition, type PayoutState } from "../../functions/src/domain/payouts/payout.js";
import { installmentId, payoutReference } from "../../functions/src/domain/payouts/schedule.js";
import type {
  AccountReviewDoc,
  LedgerEntryDoc,
  PaymentEventDoc,
  PaymentPartnerStateDoc,
  PayoutAccountDoc,
  PayoutDoc,
  QuarantineDoc,
} from "../../functions/src/schemas/payouts.js";
import type { Ports, PayoutChange } from "../../functions/src/usecases/ports.js";

/**
 * The payout ports' contract (PayoutStore, PayoutAccounts): a change is one transaction that
 * writes the payout, its timeline event and its ledger moves together or not at all; a schedule is
 * created once; a partner event is stored once. Part of tests/support/portContract.ts.
 *
 * Payouts, events and quarantined reports are dated in 2000 so that queries over the whole
 * collection (inState, openQuarantine) find the contract's documents first in a shared database.
 */
export interface PayoutContractPorts extends Pick<Ports, "payouts" | "payoutAccounts"> {
  /** Writes (or deletes, for null) `paymentPartners/{code}` as the program office's seed would. */
  seedPartnerState: (code: PaymentPartnerCode, doc: PaymentPartnerStateDoc | null) => Promise<void>;
}

const YEAR = 2026;

/** The value, or a failed test when it is missing. */
function must<T>(value: T | null | undefined, what = "value"): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}
const at = new Date("2000-01-03T03:00:00Z");
const later = (minutes: number) => new Date(at.getTime() + minutes * 60_000);

function payoutOf(uid: string, number: number, dueAt: Date): PayoutDoc {
  return {
    uid,
    programYear: YEAR,
    number,
    of: 4,
    amount: 600_000,
    dueAt,
    state: "scheduled",
    attempt: 0,
    partner: null,
    reference: payoutReference(installmentId(uid, YEAR, number)),
    externalId: null,
    sentAt: null,
    partnerReference: null,
    leaseUntil: null,
    hold: null,
    version: 0,
    createdAt: at,
    updatedAt: at,
    paidAt: null,
  };
}

/** The schedule's creation of a payout: budget → entitlement. */
function created(payout: PayoutDoc): PayoutChange {
  const id = installmentId(payout.uid, payout.programYear, payout.number);
  return {
    payout,
    event: { at: payout.createdAt, from: null, to: "scheduled", attempt: 0, source: "schedule" },
    ledger: [
      {
        installmentId: id,
        uid: payout.uid,
        programYear: payout.programYear,
        from: "budget",
        to: "entitlement",
        amount: payout.amount,
        at,
        version: 0,
        cause: "entitlement",
      },
    ],
  };
}

/** The change `payout` → `to`, as the use cases make it from domain/payouts/payout.ts. */
function changed(id: string, payout: PayoutDoc, to: PayoutState, minutes: number, extra: Partial<PayoutDoc> = {}): PayoutChange {
  const partner = extra.partner !== undefined ? extra.partner : payout.partner;
  const step = transition(payout, to, partner);
  if (!step.ok) throw new Error(`${payout.state} → ${to}: ${step.reason}`);
  const version = payout.version + 1;
  const next: PayoutDoc = { ...payout, ...extra, state: to, attempt: step.value.attempt, partner, version, updatedAt: later(minutes) };
  return {
    payout: next,
    event: { at: later(minutes), from: payout.state, to, attempt: next.attempt, source: "task" },
    ledger: step.value.moves.map((move) => ({
      installmentId: id,
      uid: payout.uid,
      programYear: YEAR,
      ...move,
      at: later(minutes),
      version,
      cause: `${payout.state}>${to}`,
    })),
  };
}

/** Each account's balance from stored entries, as domain/payouts/payout.ts ledgerPosition counts them (no budget, no zero). */
function balances(entries: readonly LedgerEntryDoc[]): Map<string, number> {
  const balance = new Map<string, number>();
  for (const { from, to, amount } of entries) {
    balance.set(from, (balance.get(from) ?? 0) - amount);
    balance.set(to, (balance.get(to) ?? 0) + amount);
  }
  balance.delete("budget");
  return new Map([...balance].filter(([, value]) => value !== 0));
}

function eventOf(reference: string, state: PaymentEventDoc["state"]): PaymentEventDoc {
  return {
    partner: "bank-nusantara",
    eventId: `${reference}-${state}`,
    reference,
    state,
    amount: 600_000,
    currency: "IDR",
    partnerReference: "BN-1",
    code: "00",
    message: "Success",
    reportedAt: at,
    receivedAt: at,
    outcome: "pending",
    appliedAt: null,
  };
}

function quarantineOf(reference: string, eventKey: string, minutes: number, status: QuarantineDoc["status"] = "open"): QuarantineDoc {
  return {
    partner: "bank-nusantara",
    eventKey,
    reference,
    installmentId: null,
    reason: "unknown-reference",
    reported: { state: "paid", amount: 600_000, currency: "IDR", code: "00" },
    ours: null,
    at: later(minutes),
    status,
  };
}

/** Sealed once: accounts compare equal field by field. */
const DESTINATION = sealedDestination("1234567890", "SITI NURHALIZA");

function accountOf(linkedAt: Date): PayoutAccountDoc {
  return {
    partner: "bank-nusantara",
    channel: "bank",
    institution: "009",
    destination: DESTINATION,
    masked: "7890",
    accountKey: "key",
    nameScore: 1,
    nameVerdict: "match",
    status: "verified",
    flags: [],
    linkedAt,
    requestId: "contract",
  };
}

export function describePayoutContract(name: string, make: () => PayoutContractPorts, id: (label: string) => string): void {
  /** A participant's schedule of two payouts, created; their IDs. */
  async function scheduled(payouts: Ports["payouts"], dueMinutes = [0, 1]): Promise<{ uid: string; ids: string[] }> {
    const uid = id("uid");
    const changes = dueMinutes.map((minutes, index) => created(payoutOf(uid, index + 1, later(minutes))));
    expect(await payouts.createAll(changes)).toBe(true);
    return { uid, ids: changes.map((change) => installmentId(uid, YEAR, change.payout.number)) };
  }

  /** Moves a payout through `steps` (each one change), returning it as stored. */
  async function walk(payouts: Ports["payouts"], payoutId: string, steps: Array<[PayoutState, Partial<PayoutDoc>?]>): Promise<PayoutDoc> {
    for (const [index, [to, extra]] of steps.entries()) {
      await payouts.change(payoutId, {}, ({ payout }) => ({ change: changed(payoutId, must(payout, payoutId), to, index + 1, extra), result: null }));
    }
    return must(await payouts.get(payoutId), payoutId);
  }

  describe(`${name}: payouts`, () => {
    it("when a schedule is created, then its payouts, events and ledger entries are written; created again, then nothing is", async () => {
      const { payouts } = make();
      const { uid, ids } = await scheduled(payouts);
      expect(await payouts.get(ids[0])).toMatchObject({ uid, number: 1, state: "scheduled", version: 0 });
      const mine = await payouts.ofParticipant(uid);
      expect(mine.map((entry) => [entry.id, entry.events.map((event) => event.to)])).toEqual([
        [ids[0], ["scheduled"]],
        [ids[1], ["scheduled"]],
      ]);
      expect(await payouts.ledger(ids[0])).toEqual([expect.objectContaining({ from: "budget", to: "entitlement", amount: 600_000 })]);
      const again = [created({ ...payoutOf(uid, 1, at), amount: 1 }), created(payoutOf(uid, 2, at))];
      expect(await payouts.createAll(again)).toBe(false);
      expect(await payouts.ledger(ids[0])).toHaveLength(1);
      expect((await payouts.get(ids[0]))?.amount).toBe(600_000);
      expect(await payouts.createAll([])).toBe(true);
    });

    it("when a schedule holds a payout that exists, then the whole schedule fails and writes nothing", async () => {
      const { payouts } = make();
      const { uid } = await scheduled(payouts, [0]);
      const clash = [created(payoutOf(uid, 4, at)), created(payoutOf(uid, 1, at))];
      await expect(payouts.createAll(clash)).rejects.toThrow();
      expect(await payouts.get(installmentId(uid, YEAR, 4))).toBeNull();
      expect(await payouts.ledger(installmentId(uid, YEAR, 4))).toEqual([]);
    });

    it("when a payout changes, then the payout, its event and its ledger move are written together, and the ledger explains its state", async () => {
      const { payouts } = make();
      const { uid, ids } = await scheduled(payouts);
      const payoutId = ids[0];
      const sent = await walk(payouts, payoutId, [
        ["queued", { partner: "bank-nusantara" }],
        ["sending", { leaseUntil: later(10) }],
        ["sent", { leaseUntil: null }],
      ]);
      expect(sent).toMatchObject({ state: "sent", version: 3, partner: "bank-nusantara" });
      const moves = await payouts.ledger(payoutId);
      expect(moves.map((move) => `${move.from}>${move.to}`)).toEqual(["budget>entitlement", "entitlement>payout:bank-nusantara"]);
      expect(balances(moves)).toEqual(expectedPosition(sent));
      const [first] = await payouts.ofParticipant(uid);
      expect(first?.events.map((event) => event.to)).toEqual(["scheduled", "queued", "sending", "sent"]);
    });

    it("when two runs change one payout at once, then each decides on what the other wrote: one queues it, the other finds it queued", async () => {
      const { payouts } = make();
      const { ids } = await scheduled(payouts);
      const payoutId = ids[0];
      const queue = () =>
        payouts.change(payoutId, {}, ({ payout }) =>
          payout?.state === "scheduled" ? { change: changed(payoutId, payout, "queued", 1), result: "queued" } : { result: "already" },
        );
      expect((await Promise.all([queue(), queue()])).sort()).toEqual(["already", "queued"]);
      expect(await payouts.ledger(payoutId)).toHaveLength(1);
      expect((await payouts.get(payoutId))?.version).toBe(1);
    });

    it("when a decision writes a version already written, then the transaction fails and writes nothing", async () => {
      const { payouts } = make();
      const { ids } = await scheduled(payouts);
      const payoutId = ids[0];
      const original = must(await payouts.get(payoutId));
      await walk(payouts, payoutId, [["queued", { partner: "bank-nusantara" }]]);
      const blind = changed(payoutId, original, "held", 5);
      await expect(payouts.change(payoutId, {}, () => ({ change: blind, result: null }))).rejects.toThrow();
      expect(await payouts.get(payoutId)).toMatchObject({ state: "queued", version: 1 });
    });

    it("when a change names an account and an event, then its decision reads both, and the event's outcome is written with it", async () => {
      const { payouts, payoutAccounts } = make();
      const { uid, ids } = await scheduled(payouts);
      const payoutId = ids[0];
      await payoutAccounts.link(uid, id("account"), () => ({ account: accountOf(at), result: null }));
      const key = id("event");
      const reference = payoutReference(payoutId);
      expect(await payouts.recordEvent(key, eventOf(reference, "paid"))).toBe(true);
      const seen = await payouts.change(payoutId, { withAccount: true, eventKey: key }, ({ account, event }) => ({
        quarantine: {
          id: key,
          doc: { ...quarantineOf(reference, key, 2), installmentId: payoutId, reason: "conflicting-report", ours: { state: "scheduled", amount: 600_000 } },
        },
        eventOutcome: "quarantined",
        appliedAt: later(2),
        result: [account?.institution, event?.state],
      }));
      expect(seen).toEqual(["009", "paid"]);
      expect(await payouts.event(key)).toMatchObject({ outcome: "quarantined", appliedAt: later(2) });
      expect((await payouts.openQuarantine(1000)).find((entry) => entry.id === key)?.doc).toMatchObject({
        reason: "conflicting-report",
        installmentId: payoutId,
      });
      expect(await payouts.change(payoutId, { eventKey: id("missing") }, ({ event, account }) => ({ result: [event, account] }))).toEqual([null, null]);
    });

    it("when payouts are listed by state, then inState orders them by the field, leaves out what has none, and pages after a cursor", async () => {
      const { payouts } = make();
      const { ids } = await scheduled(payouts, [3, 1]);
      const [late, early] = [ids[0], ids[1]];
      const due = (await payouts.inState("scheduled", "dueAt", later(4), 1000)).filter((entry) => ids.includes(entry.id)).map((entry) => entry.id);
      expect(due).toEqual([early, late]);
      expect((await payouts.inState("scheduled", "dueAt", later(2), 1000)).some((entry) => entry.id === late)).toBe(false);
      const page = await payouts.inState("scheduled", "dueAt", later(4), 1000, { id: early, payout: must(await payouts.get(early)) });
      expect(page.some((entry) => entry.id === early)).toBe(false);
      expect(page.some((entry) => entry.id === late)).toBe(true);
      expect((await payouts.inState("scheduled", "leaseUntil", new Date("2999-01-01T00:00:00Z"), 1000)).some((entry) => ids.includes(entry.id))).toBe(false);
      await walk(payouts, early, [
        ["queued", { partner: "kirim-dana" }],
        ["sending", { leaseUntil: later(30) }],
      ]);
      expect((await payouts.inState("sending", "leaseUntil", later(31), 1000)).map((entry) => entry.id)).toContain(early);
      expect((await payouts.inState("sending", "leaseUntil", later(30), 1000)).map((entry) => entry.id)).not.toContain(early);
    });

    it("when payouts are counted and listed by partner, then only that state and partner count", async () => {
      const { payouts } = make();
      const before = [await payouts.count("reversed", "kirim-dana"), await payouts.count("reversed"), await payouts.count("reversed", "dompet-kita")];
      const { ids } = await scheduled(payouts);
      for (const payoutId of ids) await walk(payouts, payoutId, [["queued", { partner: "kirim-dana" }], ["sending"], ["paid"], ["reversed"]]);
      const after = [await payouts.count("reversed", "kirim-dana"), await payouts.count("reversed"), await payouts.count("reversed", "dompet-kita")];
      expect(after.map((count, index) => count - must(before[index]))).toEqual([2, 2, 0]);
      const listed = (await payouts.ofPartner("kirim-dana", "reversed", 1000)).map((entry) => entry.id);
      expect(listed).toEqual(expect.arrayContaining(ids));
      expect((await payouts.ofPartner("bank-nusantara", "reversed", 1000)).map((entry) => entry.id)).not.toContain(ids[0]);
      expect(await payouts.ofPartner("kirim-dana", "reversed", 1)).toHaveLength(1);
    });

    it("when a partner event is recorded twice, then the second is a duplicate; quarantined without a payout, then it is listed while open", async () => {
      const { payouts } = make();
      const [key, other] = [id("event"), id("event")];
      const reference = `PKJ-${id("unknown")}`;
      expect(await payouts.recordEvent(key, eventOf(reference, "paid"))).toBe(true);
      expect(await payouts.recordEvent(key, { ...eventOf(reference, "failed"), amount: 1 })).toBe(false);
      await payouts.quarantine(key, quarantineOf(reference, key, 1), key);
      expect(await payouts.event(key)).toMatchObject({ state: "paid", amount: 600_000, outcome: "quarantined", appliedAt: later(1) });
      expect(await payouts.event(other)).toBeNull();
      await expect(payouts.quarantine(other, quarantineOf(reference, other, 0), other)).rejects.toThrow();
      const resolved = id("quarantine");
      expect(await payouts.recordEvent(resolved, eventOf(reference, "reversed"))).toBe(true);
      await payouts.quarantine(resolved, quarantineOf(reference, resolved, 0, "resolved"), resolved);
      const open = (await payouts.openQuarantine(1000)).map((entry) => entry.id);
      expect(open).toContain(key);
      expect(open).not.toContain(other);
      expect(open).not.toContain(resolved);
    });

    it("when events wait for their task, then pendingEvents lists those received before the bound, oldest first, and no longer once applied", async () => {
      const { payouts } = make();
      const reference = `PKJ-${id("pending")}`;
      const keys = [id("event"), id("event"), id("event")];
      const receivedAt = [later(2), later(1), later(3)];
      for (const [index, key] of keys.entries())
        expect(await payouts.recordEvent(key, { ...eventOf(reference, "paid"), receivedAt: receivedAt[index] ?? at })).toBe(true);
      const mine = async (before: Date) => (await payouts.pendingEvents(before, 1000)).map((entry) => entry.key).filter((key) => keys.includes(key));
      expect(await mine(later(3))).toEqual([keys[1], keys[0]]);
      await payouts.change(id("nothing"), { eventKey: keys[1] }, () => ({ eventOutcome: "ignored", appliedAt: later(4), result: null }));
      expect(await mine(later(10))).toEqual([keys[0], keys[2]]);
      expect((await payouts.pendingEvents(later(10), 1000)).find((entry) => entry.key === keys[0])?.event).toMatchObject({ reference, outcome: "pending" });
    });

    it("when a partner's queue is paused and resumed, then its state says so, by whom and since when; an unknown partner state stays unknown", async () => {
      const { payouts, seedPartnerState } = make();
      const code: PaymentPartnerCode = "kirim-dana";
      const before = await payouts.partnerState(code);
      try {
        await seedPartnerState(code, null);
        expect(await payouts.setPaused(code, true, "admin", at)).toBeNull();
        expect(await payouts.partnerState(code)).toBeNull();
        const seeded = {
          name: "KirimDana",
          channels: ["bank" as const, "ewallet" as const],
          institutions: ["009"],
          active: true,
          paused: false,
          pausedAt: null,
          pausedBy: null,
        };
        await seedPartnerState(code, seeded);
        expect(await payouts.setPaused(code, true, "admin", at)).toEqual({ ...seeded, paused: true, pausedAt: at, pausedBy: "admin" });
        expect(await payouts.partnerState(code)).toEqual({ ...seeded, paused: true, pausedAt: at, pausedBy: "admin" });
        expect(await payouts.setPaused(code, false, "admin", later(5))).toEqual(seeded);
        expect(await payouts.partnerState(code)).toEqual(seeded);
      } finally {
        await seedPartnerState(code, before);
      }
    });
  });

  describe(`${name}: payout accounts`, () => {
    it("when several people link one account number, then its users are counted once each; a decision of no account writes nothing", async () => {
      const { payoutAccounts } = make();
      const accountKey = id("account");
      const [a, b, c] = [id("uid"), id("uid"), id("uid")];
      const seen: number[] = [];
      for (const uid of [a, b, a, c]) {
        await payoutAccounts.link(uid, accountKey, ({ users }) => {
          seen.push(users?.count ?? 0);
          return { account: accountOf(at), result: null };
        });
      }
      expect(seen).toEqual([0, 1, 2, 2]);
      const last = await payoutAccounts.link(c, accountKey, ({ users, current }) => ({ account: null, result: [users?.uids, users?.count, current?.masked] }));
      expect(last).toEqual([[a, b, c], 3, "7890"]);
      expect(await payoutAccounts.get(a)).toEqual(accountOf(at));
      const stranger = id("uid");
      expect(await payoutAccounts.link(stranger, id("account"), () => ({ account: null, result: "refused" }))).toBe("refused");
      expect(await payoutAccounts.get(stranger)).toBeNull();
    });

    it("when two people link one account number at the same moment, then both are counted", async () => {
      const { payoutAccounts } = make();
      const accountKey = id("account");
      const [a, b] = [id("uid"), id("uid")];
      await Promise.all([a, b].map((uid) => payoutAccounts.link(uid, accountKey, () => ({ account: accountOf(at), result: null }))));
      const users = await payoutAccounts.link(a, accountKey, ({ users: found }) => ({ account: null, result: found }));
      expect([users?.count, [...(users?.uids ?? [])].sort()]).toEqual([2, [a, b].sort()]);
    });

    it("when accounts wait for review, then inReview lists them oldest link first, and decide writes what it returns (nothing for null)", async () => {
      const { payoutAccounts } = make();
      const [a, b, c, missing] = [id("uid"), id("uid"), id("uid"), id("uid")];
      const inReview = (linkedAt: Date): PayoutAccountDoc => ({ ...accountOf(linkedAt), status: "review", flags: ["shared-account"] });
      for (const [uid, account] of [
        [a, inReview(later(2))],
        [b, inReview(later(1))],
        [c, accountOf(later(0))],
      ] as const) {
        await payoutAccounts.link(uid, id("account"), () => ({ account, result: null }));
      }
      const ours = async () => (await payoutAccounts.inReview(1000)).filter((entry) => [a, b, c].includes(entry.uid));
      expect(await ours()).toEqual([
        { uid: b, account: inReview(later(1)) },
        { uid: a, account: inReview(later(2)) },
      ]);

      const review: AccountReviewDoc = { decision: "verify", by: "admin-1", at: later(3), note: "Checked at the desk.", requestId: "contract-review" };
      const seen = await payoutAccounts.decide(a, (current) => ({
        account: current === null ? null : { ...current, status: "verified", review },
        result: current,
      }));
      expect(seen).toEqual(inReview(later(2)));
      expect(await payoutAccounts.get(a)).toEqual({ ...inReview(later(2)), status: "verified", review });
      expect((await ours()).map((entry) => entry.uid)).toEqual([b]);

      expect(await payoutAccounts.decide(b, () => ({ account: null, result: "left" }))).toBe("left");
      expect(await payoutAccounts.get(b)).toEqual(inReview(later(1)));
      expect(await payoutAccounts.decide(missing, (current) => ({ account: null, result: current }))).toBeNull();
      expect(await payoutAccounts.get(missing)).toBeNull();
    });

    it("when two officers decide one account at once, then each decides on what the other wrote: one verifies it, the other finds it verified", async () => {
      const { payoutAccounts } = make();
      const uid = id("uid");
      const account: PayoutAccountDoc = { ...accountOf(at), status: "review", flags: ["doubtful-name"] };
      await payoutAccounts.link(uid, id("account"), () => ({ account, result: null }));
      const verify = (by: string) =>
        payoutAccounts.decide(uid, (current) =>
          current?.status === "review"
            ? { account: { ...current, status: "verified", review: { decision: "verify", by, at, note: "Seen.", requestId: by } }, result: "verified" }
            : { account: null, result: "already" },
        );
      expect((await Promise.all([verify("admin-1"), verify("admin-2")])).sort()).toEqual(["already", "verified"]);
      expect((await payoutAccounts.get(uid))?.status).toBe("verified");
    });
  });
}
