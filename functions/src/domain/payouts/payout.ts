/**
 * The payout state machine: one installment's way from the budget to the participant, monotonic,
 * every change a value computed here and written by the store in one transaction with its ledger
 * entries and its timeline event (adapters/payouts.ts).
 *
 *   scheduled ─▶ queued ─▶ sending ─▶ sent ─▶ paid ─▶ reversed ─▶ (released) scheduled
 *       │           │         │   ╰─▶ unknown ─╯▲  ╲
 *       │           │         ╰──────────────────┴─▶ failed ─▶ (retried) queued
 *       ╰──────────▶ held ◀──────────────────────────╯            held ─▶ scheduled | cancelled
 *
 * - `sending` is taken under a lease by one task attempt; a lease that lapses (a crash during the
 *   partner call) makes the payout `unknown`, as does a timeout or a 5xx: an unknown payout is
 *   settled by asking the partner's status API by our reference, never by sending again blind.
 * - A retry (`failed` → `queued`) is a new attempt that sends the same reference: the partner
 *   answers with the transaction it has instead of paying twice.
 * - Partner reports move it only forward (`RANK`): a late `accepted` after `paid` changes nothing; a
 *   reversal is its own transition, after `paid` (or before we saw it, out of order).
 */
import type { PaymentPartnerCode } from "./partners.js";

export const PAYOUT_STATES = ["scheduled", "queued", "sending", "sent", "unknown", "paid", "failed", "reversed", "held", "cancelled"] as const;
export type PayoutState = (typeof PAYOUT_STATES)[number];

/** States in which the money is with a partner or on its way: the reconciliation poller asks about these. */
export const IN_FLIGHT: readonly PayoutState[] = ["sending", "sent", "unknown"];

/** Order within one attempt: a report never takes a payout back to a lower rank. */
const RANK: Record<PayoutState, number> = {
  scheduled: 0,
  held: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  unknown: 3,
  failed: 5,
  paid: 5,
  reversed: 6,
  cancelled: 7,
};

/** Ledger accounts (rupiah move between them, never appear or vanish). */
export type LedgerAccount = "budget" | "entitlement" | `payout:${PaymentPartnerCode}` | `paid:${PaymentPartnerCode}` | "returned" | "clawback";

/** One double-entry move: `amount` rupiah leave `from` and arrive in `to`. */
export interface LedgerMove {
  from: LedgerAccount;
  to: LedgerAccount;
  amount: number;
}

/** Where an installment's money is in each state (`partner` for the states that have one). */
export function accountOf(state: PayoutState, partner: PaymentPartnerCode | null): LedgerAccount {
  switch (state) {
    case "scheduled":
    case "queued":
    case "held":
    case "failed":
      return "entitlement";
    case "sending":
    case "sent":
    case "unknown":
    case "paid":
      if (partner === null) throw new Error(`a ${state} payout has a partner`);
      return state === "paid" ? `paid:${partner}` : `payout:${partner}`;
    case "reversed":
    case "cancelled":
      return "returned";
  }
}

/** Who moved a payout: for its timeline and for the audit. */
export type TransitionSource = "schedule" | "dispatch" | "task" | "partner-answer" | "notification" | "status-poll" | "lease-lapsed" | "review";

/** The part of a payout the machine reads. */
export interface PayoutView {
  state: PayoutState;
  amount: number;
  attempt: number;
  partner: PaymentPartnerCode | null;
}

export type TransitionRefusal = "not-allowed" | "stale";

/** Transitions the program itself makes (the partner's reports go through `applyReport`). */
const ALLOWED: Record<PayoutState, readonly PayoutState[]> = {
  scheduled: ["queued", "held"],
  queued: ["sending", "held", "queued", "scheduled"],
  sending: ["sent", "paid", "failed", "unknown", "reversed"],
  sent: ["paid", "failed", "unknown", "reversed"],
  unknown: ["sent", "paid", "failed", "reversed", "queued"],
  paid: ["reversed"],
  failed: ["queued", "scheduled", "held"],
  reversed: ["scheduled", "cancelled"],
  held: ["scheduled", "cancelled"],
  cancelled: [],
};

/** A change of state with what it moves in the ledger; `attempt` is the attempt after the change. */
export interface Transition {
  from: PayoutState;
  to: PayoutState;
  attempt: number;
  moves: LedgerMove[];
}

/**
 * The transition `from` → `to` for a payout, with its ledger moves, or why not. `partner` is the
 * partner of the attempt (needed from `sending` on). Going back to `queued` or `scheduled` from
 * `failed`, `unknown` or `reversed` starts a new attempt (attempt + 1): its task gets a new name,
 * while the partner gets the same reference.
 */
export function transition(
  payout: PayoutView,
  to: PayoutState,
  partner: PaymentPartnerCode | null = payout.partner,
): { ok: true; value: Transition } | { ok: false; reason: TransitionRefusal } {
  if (!ALLOWED[payout.state].includes(to)) return { ok: false, reason: "not-allowed" };
  // A new attempt at the partner: after a failure, an unknown the partner never received, or a reversal paid again.
  const retried = (to === "queued" || to === "scheduled") && (payout.state === "failed" || payout.state === "unknown" || payout.state === "reversed");
  const attempt = retried ? payout.attempt + 1 : payout.attempt;
  const before = accountOf(payout.state, payout.partner);
  const after = accountOf(to, to === "queued" || to === "scheduled" || to === "held" ? null : partner);
  const moves: LedgerMove[] = before === after ? [] : [{ from: before, to: after, amount: payout.amount }];
  return { ok: true, value: { from: payout.state, to, attempt, moves } };
}

/** What a partner said, reduced to what the machine needs (ports.ts PartnerPayoutReport). */
export interface ReportView {
  state: "accepted" | "paid" | "failed" | "reversed";
  amount: number | null;
  currency: string | null;
}

/** Why a partner's report was put aside for a person to look at instead of applied. */
export type QuarantineReason = "amount-mismatch" | "currency-mismatch" | "unknown-reference" | "conflicting-report";

export type ReportOutcome =
  | { kind: "apply"; transition: Transition }
  /** Already there or past it (a duplicate, a late `accepted`): nothing changes. */
  | { kind: "ignore"; reason: "duplicate" | "stale" }
  | { kind: "quarantine"; reason: QuarantineReason };

const REPORTED: Record<ReportView["state"], PayoutState> = { accepted: "sent", paid: "paid", failed: "failed", reversed: "reversed" };

/**
 * Applies a partner's report (its answer, its status API or a notification) to a payout: forward
 * only, a reversal only after (or instead of) `paid`, and amounts and currency checked first.
 * A report that contradicts a final state — `failed` after `paid`, `paid` after `failed` of the same
 * attempt, anything about a held or cancelled payout — is quarantined, never applied.
 */
export function applyReport(payout: PayoutView, report: ReportView): ReportOutcome {
  if (report.currency !== null && report.currency !== "IDR") return { kind: "quarantine", reason: "currency-mismatch" };
  if (report.amount !== null && report.amount !== payout.amount) return { kind: "quarantine", reason: "amount-mismatch" };
  const to = REPORTED[report.state];
  if (payout.state === to) return { kind: "ignore", reason: "duplicate" };
  if (payout.state === "held" || payout.state === "cancelled" || payout.state === "scheduled") return { kind: "quarantine", reason: "conflicting-report" };
  if (payout.state === "failed" && to === "paid") return { kind: "quarantine", reason: "conflicting-report" };
  if (payout.state === "paid" && to === "failed") return { kind: "quarantine", reason: "conflicting-report" };
  if (payout.state === "queued") {
    // Queued again after a failure or an unknown: a report about the earlier attempt of the same reference.
    if (to === "paid" || to === "reversed") return { kind: "quarantine", reason: "conflicting-report" };
    return { kind: "ignore", reason: "stale" };
  }
  if (RANK[to] < RANK[payout.state] || (payout.state === "reversed" && to !== "reversed")) return { kind: "ignore", reason: "stale" };
  const next = transition(payout, to);
  if (!next.ok) return { kind: "quarantine", reason: "conflicting-report" };
  return { kind: "apply", transition: next.value };
}

/** The ledger position an installment must have in its state: the balance check of reconciliation. */
export function expectedPosition(payout: PayoutView): Map<LedgerAccount, number> {
  return new Map([[accountOf(payout.state, payout.partner), payout.amount]]);
}

/** An installment's position from its ledger entries: each account's balance, zero balances left out. */
export function ledgerPosition(moves: readonly LedgerMove[]): Map<LedgerAccount, number> {
  const balances = new Map<LedgerAccount, number>();
  for (const move of moves) {
    balances.set(move.from, (balances.get(move.from) ?? 0) - move.amount);
    balances.set(move.to, (balances.get(move.to) ?? 0) + move.amount);
  }
  balances.delete("budget");
  for (const [account, balance] of balances) if (balance === 0) balances.delete(account);
  return balances;
}
