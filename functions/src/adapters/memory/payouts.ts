import { installmentId } from "../../domain/payouts/schedule.js";
import type { PayoutAccounts, PayoutChange, PayoutStore, StoredPayout } from "../../usecases/ports.js";
import type { Batch } from "./store.js";
import { roundTrip, type Memory } from "./state.js";

/**
 * Payouts in memory, with the Firestore adapter's reads, writes and guards (adapters/payouts.ts):
 * every transactional method reads, decides and writes with no `await` in between, a change's
 * timeline event and ledger entries are created (a second writer of the same version fails), and
 * queries answer in Firestore's order (the ordered field, then the document ID).
 *
 * The IDs follow the Firestore adapter's: events `{id}/{version, 4 digits}`, ledger entries
 * `{id}-{version}-{n}`.
 */
/** Stages one payout change in `batch` as adapters/payouts.ts writeChange does (also for the training review's new schedule). */
export function stagePayoutChange(memory: Memory, batch: Batch, id: string, change: PayoutChange, create: boolean): void {
  const { payouts, payoutEvents, payoutLedger } = memory.state;
  if (create) batch.create(payouts, id, change.payout);
  else batch.set(payouts, id, change.payout);
  batch.create(payoutEvents, `${id}/${String(change.payout.version).padStart(4, "0")}`, change.event);
  change.ledger.forEach((entry, n) => batch.create(payoutLedger, `${id}-${change.payout.version}-${n}`, entry));
}

export function memoryPayouts(memory: Memory): PayoutStore {
  const { payouts, payoutEvents, payoutLedger, paymentEvents, paymentQuarantine, paymentPartners } = memory.state;
  const stageChange = (batch: Batch, id: string, change: PayoutChange, create: boolean) => stagePayoutChange(memory, batch, id, change, create);

  const byId = (a: StoredPayout, b: StoredPayout) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  /** Every payout, in document ID order (Firestore's order when a query names no other). */
  const all = (): StoredPayout[] => payouts.under("").map(([id, payout]) => ({ id, payout }));

  return {
    async change(id, options, decide) {
      await roundTrip();
      const payout = payouts.read(id) ?? null;
      const event = options.eventKey === undefined ? null : (paymentEvents.read(options.eventKey) ?? null);
      const account = options.withAccount === true && payout !== null ? (memory.state.payoutAccounts.read(payout.uid) ?? null) : null;
      const clawback = payout?.state === "paid" ? memory.state.clawbacks.has(id) : false;
      const decision = decide({ payout, account, event, clawback });
      const batch = memory.batch();
      if (decision.change !== undefined) stageChange(batch, id, decision.change, payout === null);
      if (decision.quarantine !== undefined) batch.set(paymentQuarantine, decision.quarantine.id, decision.quarantine.doc);
      if (decision.eventOutcome !== undefined && options.eventKey !== undefined && event !== null) {
        batch.update(paymentEvents, options.eventKey, {
          outcome: decision.eventOutcome,
          ...(decision.appliedAt === undefined ? {} : { appliedAt: decision.appliedAt }),
        });
      }
      batch.commit();
      return decision.result;
    },

    async createAll(changes) {
      await roundTrip();
      const first = changes[0];
      if (first === undefined) return true;
      const id = (change: PayoutChange) => installmentId(change.payout.uid, change.payout.programYear, change.payout.number);
      if (payouts.has(id(first))) return false;
      const batch = memory.batch();
      for (const change of changes) stageChange(batch, id(change), change, true);
      batch.commit();
      return true;
    },

    async get(id) {
      await roundTrip();
      return payouts.read(id) ?? null;
    },

    async inState(state, field, before, limit, after) {
      await roundTrip();
      // A null field is of another type than the bound: Firestore's `<` leaves it out.
      const valueOf = (entry: StoredPayout) => entry.payout[field]?.getTime() ?? Infinity;
      const order = (a: StoredPayout, b: StoredPayout) => valueOf(a) - valueOf(b) || byId(a, b);
      return all()
        .filter((entry) => entry.payout.state === state && valueOf(entry) < before.getTime())
        .sort(order)
        .filter((entry) => after === undefined || order(entry, after) > 0)
        .slice(0, limit);
    },

    async ofPartner(partner, state, limit) {
      await roundTrip();
      return all()
        .filter((entry) => entry.payout.partner === partner && entry.payout.state === state)
        .slice(0, limit);
    },

    async count(state, partner) {
      await roundTrip();
      return all().filter((entry) => entry.payout.state === state && (partner === undefined || entry.payout.partner === partner)).length;
    },

    async ofParticipant(uid) {
      await roundTrip();
      return all()
        .filter((entry) => entry.payout.uid === uid)
        .sort((a, b) => a.payout.number - b.payout.number || byId(a, b))
        .map((entry) => ({
          ...entry,
          // Ordered by `at`, then by document ID (the version), as Firestore breaks ties.
          events: payoutEvents
            .under(`${entry.id}/`)
            .map(([, event]) => event)
            .sort((a, b) => a.at.getTime() - b.at.getTime()),
        }));
    },

    async ledger(id) {
      await roundTrip();
      return payoutLedger
        .under("")
        .map(([, entry]) => entry)
        .filter((entry) => entry.installmentId === id);
    },

    async event(key) {
      await roundTrip();
      return paymentEvents.read(key) ?? null;
    },

    async pendingEvents(before, limit) {
      await roundTrip();
      return paymentEvents
        .under("")
        .map(([key, event]) => ({ key, event }))
        .filter(({ event }) => event.outcome === "pending" && event.receivedAt.getTime() < before.getTime())
        .sort((a, b) => a.event.receivedAt.getTime() - b.event.receivedAt.getTime())
        .slice(0, limit);
    },

    async recordEvent(key, event) {
      await roundTrip();
      if (paymentEvents.has(key)) return false;
      memory.batch().create(paymentEvents, key, event).commit();
      return true;
    },

    async quarantine(id, doc, eventKey) {
      await roundTrip();
      memory.batch().set(paymentQuarantine, id, doc).update(paymentEvents, eventKey, { outcome: "quarantined", appliedAt: doc.at }).commit();
    },

    async putAside(id, doc) {
      await roundTrip();
      if (paymentQuarantine.has(id)) return false;
      memory.batch().create(paymentQuarantine, id, doc).commit();
      return true;
    },

    async openQuarantine(limit) {
      await roundTrip();
      return paymentQuarantine
        .under("")
        .map(([id, doc]) => ({ id, doc }))
        .filter((entry) => entry.doc.status === "open")
        .sort((a, b) => a.doc.at.getTime() - b.doc.at.getTime())
        .slice(0, limit);
    },

    async partnerState(code) {
      await roundTrip();
      return paymentPartners.read(code) ?? null;
    },

    async setPaused(code, paused, by, at) {
      await roundTrip();
      const current = paymentPartners.read(code);
      if (current === undefined) return null;
      const next = { ...current, paused, pausedAt: paused ? at : null, pausedBy: paused ? by : null };
      memory.batch().set(paymentPartners, code, next).commit();
      return paymentPartners.read(code) ?? null;
    },
  };
}

/** Payout accounts in memory (`payoutAccounts/{uid}`, `accountUsers/{accountKey}`), linked in one transaction as in adapters/payouts.ts. */
export function memoryPayoutAccounts(memory: Memory): PayoutAccounts {
  const { payoutAccounts, accountUsers } = memory.state;
  return {
    async get(uid) {
      await roundTrip();
      return payoutAccounts.read(uid) ?? null;
    },
    async link(uid, accountKey, decide) {
      await roundTrip();
      const users = accountUsers.read(accountKey) ?? null;
      const { account, result } = decide({ current: payoutAccounts.read(uid) ?? null, users });
      if (account === null) return result;
      const batch = memory.batch().set(payoutAccounts, uid, account);
      const uids = users?.uids ?? [];
      if (!uids.includes(uid)) {
        batch.set(accountUsers, accountKey, { uids: [...uids, uid].slice(-1000), count: (users?.count ?? 0) + 1, updatedAt: account.linkedAt });
      }
      batch.commit();
      return result;
    },
    async inReview(limit) {
      await roundTrip();
      // Firestore's order: linkedAt, then the document ID.
      return payoutAccounts
        .under("")
        .map(([uid, account]) => ({ uid, account }))
        .filter((entry) => entry.account.status === "review")
        .sort((a, b) => a.account.linkedAt.getTime() - b.account.linkedAt.getTime() || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0))
        .slice(0, limit);
    },
    async decide(uid, decide) {
      await roundTrip();
      // From here to the commit nothing awaits, as in a transaction.
      const { account, result } = decide(payoutAccounts.read(uid) ?? null);
      if (account !== null) memory.batch().set(payoutAccounts, uid, account).commit();
      return result;
    },
  };
}
