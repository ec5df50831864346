import { z } from "zod";
import { URLS } from "../stack/config.js";
import type { Payee } from "./payoutSeed.js";
import { runConcurrently } from "./stats.js";

/**
 * Watching the payouts bench's installments through the emulators: until every one is paid (or
 * none has moved for a while: stuck ones are listed, never waited for forever), then when each
 * step happened — the commit time of each timeline event (`payouts/{id}/events`, created in the
 * transaction of its change), not the dispatcher's `now`, which is one time for the whole run.
 */
const STALL_SECONDS = Number(process.env.BENCH_PAYOUT_STALL_SECONDS ?? 120);

export interface Timings {
  /** Fired → the last one queued, and → the last one paid. */
  dispatchSeconds: number;
  seconds: number;
  paid: number;
  stuck: Array<{ id: string; state: string }>;
  queuedToPaid: number[];
  queuedToSending: number[];
  sendingToSent: number[];
  sentToPaid: number[];
}

/**
 * Starts the workers of the payout functions step by step (4, then 10, then all at once): the functions
 * emulator starts one worker per concurrent request, each loading the whole code base, and one
 * that is not ready within 30 s fails its request with "Failed to load function" (the task is
 * left hanging until its dispatch deadline). Twenty cold starts at once on two busy CPUs do not fit
 * in 30 s; a few at a time do. Each call is one the function answers at once: a send task of an
 * installment that does not exist, an event that was never stored, an unsigned notification.
 */
export async function warmUpFunctions(sends: number, others: number): Promise<number> {
  const began = Date.now();
  const post = async (url: string, body: unknown) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(120_000),
    });
    await response.text();
  };
  const targets = [
    { url: `${URLS.functions}/payBankNusantara`, body: { data: { installmentId: "warm-up", attempt: 0, version: 0 } }, most: sends },
    { url: `${URLS.webApp}/api/v1/payments/bank-nusantara/notify`, body: {}, most: others },
    { url: `${URLS.functions}/applyPaymentEvent`, body: { data: { key: "warm-up" } }, most: others },
  ];
  for (const target of targets) {
    for (const level of [...[4, 10].filter((n) => n < target.most), target.most]) {
      await runConcurrently(level * 2, level, () => post(target.url, target.body));
    }
  }
  return (Date.now() - began) / 1000;
}

/** Installments paid so far, whoever they are: a round is done at its count before plus its own. */
export async function paidCount(): Promise<number> {
  const { db } = await import("../../functions/src/adapters/firebase.js");
  return (await db().collection("payouts").where("state", "==", "paid").count().get()).data().count;
}

/** Waits until the `payees`' installments are paid (`before`: paid before the round was fired), then times their steps. */
export async function waitUntilPaid(payees: Payee[], firedAt: number, before: number): Promise<Timings> {
  const { db } = await import("../../functions/src/adapters/firebase.js");
  const ids = new Set(payees.map((p) => p.installment));
  let last = -1;
  let lastMoved = Date.now();
  for (;;) {
    const paid = (await paidCount()) - before;
    if (paid >= ids.size) break;
    if (paid !== last) {
      last = paid;
      lastMoved = Date.now();
    } else if (Date.now() - lastMoved > STALL_SECONDS * 1000) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }

  // Every timeline event of the round in one query (other `events` collections are not payouts').
  const at = new Map<string, Partial<Record<string, number>>>([...ids].map((id) => [id, {}]));
  for (const doc of (await db().collectionGroup("events").get()).docs) {
    const times = at.get(doc.ref.parent.parent?.id ?? "");
    if (times === undefined || doc.ref.parent.parent?.parent.id !== "payouts") continue;
    // The first time it reached each state (a retry would reach some twice).
    times[String(doc.get("to"))] ??= doc.createTime.toMillis();
  }
  const states = await db().getAll(...[...ids].map((id) => db().doc(`payouts/${id}`)));
  const stuck = states.filter((doc) => doc.get("state") !== "paid").map((doc) => ({ id: doc.id, state: String(doc.get("state")) }));
  const span = (from: string, to: string) =>
    [...at.values()]
      .flatMap((t) => (t[from] !== undefined && t[to] !== undefined ? [t[to] - t[from]] : []))
      .filter((v) => v >= 0)
      .sort((a, b) => a - b);
  const latest = (state: string) => Math.max(...[...at.values()].map((t) => t[state] ?? 0));
  return {
    dispatchSeconds: (Math.max(latest("queued"), firedAt + 1) - firedAt) / 1000,
    seconds: (Math.max(latest("paid"), firedAt + 1) - firedAt) / 1000,
    paid: payees.length - stuck.length,
    stuck,
    queuedToPaid: span("queued", "paid"),
    queuedToSending: span("queued", "sending"),
    sendingToSent: span("sending", "sent"),
    sentToPaid: span("sent", "paid"),
  };
}

/** What the simulator's `GET /_control/transactions` says of each reference (docs/payment-partners.md). */
const simTransactions = z.object({ transactions: z.array(z.object({ reference: z.string(), state: z.string(), duplicates: z.number() })) });
type SimTransaction = z.infer<typeof simTransactions>["transactions"][number];

/** Exactly once, checked: paid once at the partner, the ledger where each payout's state says, nothing quarantined. */
export async function payoutOutcomes(payees: Payee[]): Promise<{ paid: number; doubled: number; unbalanced: number; quarantined: number; resent: number }> {
  const { payoutLedger, payouts, paymentQuarantine } = await import("../../functions/src/adapters/collections.js");
  const { accountOf } = await import("../../functions/src/domain/payouts/payout.js");
  const response = await fetch(`${URLS.payments}/_control/transactions`);
  const { transactions } = simTransactions.parse(await response.json());
  const atPartner = new Map<string, SimTransaction[]>();
  for (const t of transactions) atPartner.set(t.reference, [...(atPartner.get(t.reference) ?? []), t]);

  let paid = 0;
  let doubled = 0;
  let unbalanced = 0;
  let quarantined = 0;
  let resent = 0;
  for (let start = 0; start < payees.length; start += 30) {
    const chunk = payees.slice(start, start + 30);
    const ids = chunk.map((p) => p.installment);
    const [docs, entries, quarantine] = await Promise.all([
      Promise.all(ids.map((id) => payouts().doc(id).get())),
      payoutLedger().where("installmentId", "in", ids).get(),
      paymentQuarantine()
        .where(
          "reference",
          "in",
          chunk.map((p) => p.reference),
        )
        .get(),
    ]);
    quarantined += quarantine.size;
    for (const [i, payee] of chunk.entries()) {
      const payout = docs[i].data();
      if (payout === undefined) continue;
      if (payout.state === "paid") paid += 1;
      const moves = entries.docs.map((d) => d.data()).filter((e) => e.installmentId === payee.installment);
      // Every account's balance from the entries: only the one the state names may hold the money (domain ledgerPosition).
      const balances = new Map<string, number>();
      for (const move of moves) {
        balances.set(move.from, (balances.get(move.from) ?? 0) - move.amount);
        balances.set(move.to, (balances.get(move.to) ?? 0) + move.amount);
      }
      balances.delete("budget");
      const held = [...balances].filter(([, amount]) => amount !== 0);
      const account = accountOf(payout.state, payout.partner);
      if (held.length !== 1 || held[0][0] !== account || held[0][1] !== payout.amount) unbalanced += 1;
      const partnerPaid = (atPartner.get(payee.reference) ?? []).filter((t) => t.state === "paid");
      if (partnerPaid.length > 1 || moves.filter((e) => e.to.startsWith("paid:")).length > 1) doubled += 1;
      resent += (atPartner.get(payee.reference) ?? []).reduce((n, t) => n + t.duplicates, 0);
    }
  }
  return { paid, doubled, unbalanced, quarantined, resent };
}
