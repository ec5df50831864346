import { PAYMENT_PARTNER_CODES, type PaymentPartnerCode } from "../../domain/payouts/partners.js";
import type { PayoutState } from "../../domain/payouts/payout.js";
import type { LedgerLine, OurPayout, StatementEntry } from "../../domain/payouts/differences.js";
import type { ReconciliationInput } from "../../domain/payouts/reconciliation.js";
import { installmentOfReference } from "../../domain/payouts/schedule.js";
import type { Ports, StoredPayout } from "../ports.js";

/**
 * What the daily report reads (report.ts), every read a query of a bounded shape
 * (adapters/reconciliationQueries.ts), never the whole `payouts` collection. `reads` counts
 * documents read as Firestore bills them (a query that finds nothing: 1).
 */
export type ReportPorts = Pick<Ports, "payouts" | "paymentPartners" | "reconciliation" | "clawbacks" | "clock">;

/** Payouts per query page, and how many run at once. */
const PAGE = 500;
const PARALLEL = 50;
/** `due-not-paid` reads at most this many installments per state; beyond it the report says it was cut. */
export const OVERDUE_LIMIT_PER_STATE = 5_000;
/** States in which an installment due is not paid (nor given up: `cancelled`). */
export const UNPAID_STATES: readonly PayoutState[] = ["scheduled", "queued", "sending", "sent", "unknown", "failed", "held", "reversed"];
/** Clawback cases changed on one day whose ledgers are checked. */
const CHANGED_CLAWBACKS_LIMIT = 5_000;

export interface Counter {
  reads: number;
}

const atLeastOne = (found: number) => Math.max(1, found);

/** Runs `work` over `items`, PARALLEL at a time, in order. */
async function inBatches<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += PARALLEL) results.push(...(await Promise.all(items.slice(start, start + PARALLEL).map(work))));
  return results;
}

export const ourPayout = ({ id, payout }: StoredPayout): OurPayout => ({
  id,
  state: payout.state,
  amount: payout.amount,
  attempt: payout.attempt,
  partner: payout.partner,
  reference: payout.reference,
  paidAt: payout.paidAt,
  dueAt: payout.dueAt,
  hold: payout.hold?.reason ?? null,
});

/** Each partner's statement of the day; null for a partner whose statement could not be fetched. */
export async function statementsOf(ports: ReportPorts, day: string): Promise<Map<PaymentPartnerCode, StatementEntry[] | null>> {
  const fetched = await Promise.all(
    PAYMENT_PARTNER_CODES.map(async (code) => {
      try {
        return [code, await ports.paymentPartners.get(code).statement(day)] as const;
      } catch {
        // The difference `statement-unavailable` says so; the report goes on with the others.
        return [code, null] as const;
      }
    }),
  );
  return new Map(fetched);
}

/** Payouts whose `paidAt` is in [start, end), page by page. */
export async function paidOn(ports: ReportPorts, start: Date, end: Date, counter: Counter): Promise<StoredPayout[]> {
  const paid: StoredPayout[] = [];
  for (;;) {
    const page = await ports.reconciliation.paidBetween(start, end, PAGE, paid.at(-1) ?? null);
    counter.reads += atLeastOne(page.length);
    paid.push(...page);
    if (page.length < PAGE) return paid;
  }
}

/** Unpaid installments due before `before`, per state, at most OVERDUE_LIMIT_PER_STATE each. */
export async function overdueBefore(ports: ReportPorts, before: Date, counter: Counter): Promise<{ overdue: StoredPayout[]; truncated: boolean }> {
  const perState = await Promise.all(
    UNPAID_STATES.map(async (state) => {
      const found: StoredPayout[] = [];
      while (found.length < OVERDUE_LIMIT_PER_STATE) {
        const page = await ports.payouts.inState(state, "dueAt", before, Math.min(PAGE, OVERDUE_LIMIT_PER_STATE - found.length), found.at(-1));
        counter.reads += atLeastOne(page.length);
        found.push(...page);
        if (page.length < PAGE) break;
      }
      return found;
    }),
  );
  return { overdue: perState.flat(), truncated: perState.some((found) => found.length >= OVERDUE_LIMIT_PER_STATE) };
}

/**
 * Every payout the comparison looks at by ID — those paid on the day, those the statements name,
 * those whose clawback case changed on the day — with their ledgers and clawback cases.
 */
export async function examined(
  ports: ReportPorts,
  paidOnDay: readonly StoredPayout[],
  statements: ReadonlyMap<PaymentPartnerCode, readonly StatementEntry[] | null>,
  day: { start: Date; end: Date },
  counter: Counter,
): Promise<Pick<ReconciliationInput, "payouts" | "ledgers" | "clawbacks">> {
  const payouts = new Map<string, OurPayout | null>(paidOnDay.map((stored) => [stored.id, ourPayout(stored)]));
  const changed = await ports.clawbacks.changedBetween(day.start, day.end, CHANGED_CLAWBACKS_LIMIT);
  counter.reads += atLeastOne(changed.length);
  const named = [...statements.values()].flatMap((lines) => (lines ?? []).map((line) => installmentOfReference(line.reference)));
  const wanted = [...new Set([...named, ...changed.map((entry) => entry.id)])].filter((id): id is string => id !== null && !payouts.has(id));
  const found = await inBatches(wanted, async (id) => [id, await ports.payouts.get(id)] as const);
  counter.reads += found.length;
  for (const [id, payout] of found) payouts.set(id, payout === null ? null : ourPayout({ id, payout }));

  const ids = [...payouts].filter(([, payout]) => payout !== null).map(([id]) => id);
  const ledgers = new Map<string, LedgerLine[]>(
    await inBatches(ids, async (id) => {
      const entries = await ports.payouts.ledger(id);
      counter.reads += atLeastOne(entries.length);
      return [id, entries.map(({ from, to, amount }): LedgerLine => ({ from, to, amount }))] as const;
    }),
  );
  const clawbacks = await ports.clawbacks.ofInstallments(ids);
  counter.reads += Math.ceil(ids.length / 30) + clawbacks.size;
  return { payouts, ledgers, clawbacks };
}
