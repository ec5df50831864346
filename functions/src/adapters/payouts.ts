import { FieldPath, type Transaction } from "firebase-admin/firestore";
import type { PaymentPartnerCode } from "../domain/payouts/partners.js";
import { installmentId } from "../domain/payouts/schedule.js";
import type { PayoutAccounts, PayoutChange, PayoutStore, StoredPayout } from "../usecases/ports.js";
import {
  accountUsers,
  clawbacks,
  fields,
  paymentEvents,
  paymentPartners,
  paymentQuarantine,
  payoutAccounts,
  payoutEvents,
  payoutLedger,
  payouts,
} from "./collections.js";
import { paymentEventDoc } from "../schemas/payouts.js";
import { db } from "./firebase.js";

/**
 * Every query shape this file runs (equalities, then the field it orders by or ranges over):
 * tests/unit/indexes.test.ts checks each against firestore.indexes.json, which the emulator never does.
 */
export const PAYOUT_QUERY_SHAPES = [
  { collection: "payouts", equalities: ["state"], orderBy: "dueAt" },
  { collection: "payouts", equalities: ["state"], orderBy: "updatedAt" },
  { collection: "payouts", equalities: ["state"], orderBy: "leaseUntil" },
  { collection: "payouts", equalities: ["partner", "state"], orderBy: null },
  { collection: "payouts", equalities: ["uid"], orderBy: "number" },
  { collection: "paymentEvents", equalities: ["outcome"], orderBy: "receivedAt" },
  { collection: "paymentQuarantine", equalities: ["status"], orderBy: "at" },
  { collection: "payoutAccounts", equalities: ["status"], orderBy: "linkedAt" },
] as const;

/** The ID of a change's n-th ledger entry: one per (installment, version, n), so a retried transaction cannot post twice. */
export const ledgerEntryId = (installmentId: string, version: number, n: number) => `${installmentId}-${version}-${n}`;

/**
 * Writes one payout change inside `tx`: the payout, its event (`events/{version}`, created: a
 * second writer of the same version fails the transaction) and its ledger entries (created).
 * 2 + moves writes; a change moves at most 1 entry (domain/payouts/payout.ts transition).
 */
export function writeChange(tx: Transaction, id: string, change: PayoutChange, create: boolean): void {
  if (create) tx.create(payouts().doc(id), change.payout);
  else tx.set(payouts().doc(id), change.payout);
  tx.create(payoutEvents(id).doc(String(change.payout.version).padStart(4, "0")), change.event);
  change.ledger.forEach((entry, n) => tx.create(payoutLedger().doc(ledgerEntryId(id, change.payout.version, n)), entry));
}

const stored = (docs: Array<{ id: string; data(): StoredPayout["payout"] }>): StoredPayout[] => docs.map((doc) => ({ id: doc.id, payout: doc.data() }));

/** Payouts in Firestore (collections `payouts`, `payouts/{id}/events`, `payoutLedger`, `paymentEvents`, `paymentQuarantine`, `paymentPartners`). */
export const firestorePayouts: PayoutStore = {
  async change(id, options, decide) {
    return db().runTransaction(async (tx) => {
      const [payoutSnap, eventSnap] = await Promise.all([
        tx.get(payouts().doc(id)),
        options.eventKey === undefined ? Promise.resolve(null) : tx.get(paymentEvents().doc(options.eventKey)),
      ]);
      const payout = payoutSnap.data() ?? null;
      const account = options.withAccount === true && payout !== null ? ((await tx.get(payoutAccounts().doc(payout.uid))).data() ?? null) : null;
      const event = eventSnap?.data() ?? null;
      // Only a paid payout can have a repayment case: one more read for those alone.
      const clawback = payout?.state === "paid" ? (await tx.get(clawbacks().doc(id))).exists : false;
      const decision = decide({ payout, account, event, clawback });
      if (decision.change !== undefined) writeChange(tx, id, decision.change, payout === null);
      if (decision.quarantine !== undefined) tx.set(paymentQuarantine().doc(decision.quarantine.id), decision.quarantine.doc);
      if (decision.eventOutcome !== undefined && options.eventKey !== undefined && event !== null) {
        tx.update(
          paymentEvents().doc(options.eventKey),
          fields(paymentEventDoc, { outcome: decision.eventOutcome, ...(decision.appliedAt === undefined ? {} : { appliedAt: decision.appliedAt }) }),
        );
      }
      return decision.result;
    });
  },

  async createAll(changes) {
    const first = changes[0];
    if (first === undefined) return true;
    const id = (change: PayoutChange) => installmentId(change.payout.uid, change.payout.programYear, change.payout.number);
    return db().runTransaction(async (tx) => {
      if ((await tx.get(payouts().doc(id(first)))).exists) return false;
      for (const change of changes) writeChange(tx, id(change), change, true);
      return true;
    });
  },

  async get(id) {
    return (await payouts().doc(id).get()).data() ?? null;
  },

  async inState(state, field, before, limit, after) {
    let query = payouts().where("state", "==", state).where(field, "<", before).orderBy(field).orderBy(FieldPath.documentId());
    if (after !== undefined) query = query.startAfter(after.payout[field], after.id);
    return stored((await query.limit(limit).get()).docs);
  },

  async ofPartner(partner, state, limit) {
    return stored((await payouts().where("partner", "==", partner).where("state", "==", state).limit(limit).get()).docs);
  },

  async count(state, partner) {
    const base = payouts().where("state", "==", state);
    const query = partner === undefined ? base : base.where("partner", "==", partner);
    return (await query.count().get()).data().count;
  },

  async ofParticipant(uid) {
    const list = stored((await payouts().where("uid", "==", uid).orderBy("number").get()).docs);
    return Promise.all(list.map(async (entry) => ({ ...entry, events: (await payoutEvents(entry.id).orderBy("at").get()).docs.map((doc) => doc.data()) })));
  },

  async ledger(installmentId) {
    return (await payoutLedger().where("installmentId", "==", installmentId).get()).docs.map((doc) => doc.data());
  },

  async event(key) {
    return (await paymentEvents().doc(key).get()).data() ?? null;
  },

  async pendingEvents(before, limit) {
    const snapshot = await paymentEvents().where("outcome", "==", "pending").where("receivedAt", "<", before).orderBy("receivedAt").limit(limit).get();
    return snapshot.docs.map((doc) => ({ key: doc.id, event: doc.data() }));
  },

  async recordEvent(key, event) {
    try {
      await paymentEvents().doc(key).create(event);
      return true;
    } catch (error) {
      // 6 ALREADY_EXISTS: this event was stored before (the partner delivered it again).
      if ((error as { code?: number }).code === 6) return false;
      throw error;
    }
  },

  async quarantine(id, doc, eventKey) {
    const batch = db().batch();
    batch.set(paymentQuarantine().doc(id), doc);
    batch.update(paymentEvents().doc(eventKey), fields(paymentEventDoc, { outcome: "quarantined", appliedAt: doc.at }));
    await batch.commit();
  },

  async putAside(id, doc) {
    try {
      await paymentQuarantine().doc(id).create(doc);
      return true;
    } catch (error) {
      // 6 ALREADY_EXISTS: the same contradicting body again.
      if ((error as { code?: number }).code === 6) return false;
      throw error;
    }
  },

  async openQuarantine(limit) {
    return (await paymentQuarantine().where("status", "==", "open").orderBy("at").limit(limit).get()).docs.map((doc) => ({ id: doc.id, doc: doc.data() }));
  },

  async partnerState(code) {
    return (await paymentPartners().doc(code).get()).data() ?? null;
  },

  async setPaused(code: PaymentPartnerCode, paused, by, at) {
    return db().runTransaction(async (tx) => {
      const current = (await tx.get(paymentPartners().doc(code))).data();
      if (current === undefined) return null;
      const next = { ...current, paused, pausedAt: paused ? at : null, pausedBy: paused ? by : null };
      tx.set(paymentPartners().doc(code), next);
      return next;
    });
  },
};

/** Payout accounts (`payoutAccounts/{uid}`) and who uses each account number (`accountUsers/{accountKey}`). */
export const firestorePayoutAccounts: PayoutAccounts = {
  async get(uid) {
    return (await payoutAccounts().doc(uid).get()).data() ?? null;
  },
  async link(uid, accountKey, decide) {
    return db().runTransaction(async (tx) => {
      const [current, users] = await Promise.all([tx.get(payoutAccounts().doc(uid)), tx.get(accountUsers().doc(accountKey))]);
      const { account, result } = decide({ current: current.data() ?? null, users: users.data() ?? null });
      if (account === null) return result;
      tx.set(payoutAccounts().doc(uid), account);
      const uids = users.data()?.uids ?? [];
      if (!uids.includes(uid)) {
        const next = [...uids, uid].slice(-1000);
        tx.set(accountUsers().doc(accountKey), { uids: next, count: (users.data()?.count ?? 0) + 1, updatedAt: account.linkedAt });
      }
      return result;
    });
  },
  async inReview(limit) {
    // linkedAt has no single-field index (fieldOverrides); the composite (status, linkedAt) serves this.
    const snapshot = await payoutAccounts().where("status", "==", "review").orderBy("linkedAt").limit(limit).get();
    return snapshot.docs.map((doc) => ({ uid: doc.id, account: doc.data() }));
  },
  async decide(uid, decide) {
    return db().runTransaction(async (tx) => {
      const ref = payoutAccounts().doc(uid);
      const { account, result } = decide((await tx.get(ref)).data() ?? null);
      if (account !== null) tx.set(ref, account);
      return result;
    });
  },
};
