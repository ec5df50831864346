/**
 * The daily three-way comparison (usecases/payouts/report.ts reads, this decides): what the
 * participants are entitled to (installments due), what we recorded (payouts, their ledger) and
 * what each partner's statement of the day says. Pure; every difference names its kind:
 *
 * - `paid-by-partner-not-by-us`: a statement's payment we never recorded as paid through that
 *   partner (an unknown reference, a payout we think unpaid or sent elsewhere, or a second payment
 *   of one reference that day);
 * - `paid-by-us-not-by-partner`: a payout we recorded paid that day that the partner's statement
 *   lacks (a payment near midnight may sit on the partner's other day: a timing difference a
 *   person clears);
 * - `amount-differs`: both sides have it, for different rupiah;
 * - `reversed-by-partner`: a reversal in the statement we never recorded (no `paid:<partner>` →
 *   `returned` move in the installment's ledger);
 * - `ledger-unbalanced`: an installment we read whose ledger position is not the one its state
 *   and its clawback case call for (clawback.ts expectedPositionWith);
 * - `due-not-paid`: due more than `OVERDUE_WORKING_DAYS` working days before the day and still
 *   unpaid, with its state and hold;
 * - `statement-unavailable`: a partner whose statement could not be fetched (its payments of the
 *   day are then compared with nothing).
 */
import { expectedPositionWith, type ClawbackView } from "./clawback.js";
import {
  clip,
  DIFFERENCE_KINDS,
  LEDGER_ROWS_LIMIT,
  positionOf,
  type Difference,
  type DifferenceKind,
  type LedgerLine,
  type OurPayout,
  type StatementEntry,
  type Tally,
} from "./differences.js";
import type { PaymentPartnerCode } from "./partners.js";
import { installmentOfReference } from "./schedule.js";

/** Installments due longer ago than this many working days and still unpaid are differences (payouts arrive in 3–5). */
export const OVERDUE_WORKING_DAYS = 5;

export interface ReconciliationInput {
  partners: readonly PaymentPartnerCode[];
  /** Each partner's statement of the day, or null when it could not be fetched. */
  statements: ReadonlyMap<PaymentPartnerCode, readonly StatementEntry[] | null>;
  /** Our payouts whose `paidAt` falls on the day. */
  paidOnDay: readonly OurPayout[];
  /** Every payout read by ID (paid that day, named by a statement, its clawback changed that day); null: none with that ID. */
  payouts: ReadonlyMap<string, OurPayout | null>;
  ledgers: ReadonlyMap<string, readonly LedgerLine[]>;
  clawbacks: ReadonlyMap<string, Pick<ClawbackView, "amount" | "repaid">>;
  /** Unpaid installments due before the overdue cut-off. */
  overdue: readonly OurPayout[];
}

export interface PartnerTotals {
  partner: PaymentPartnerCode;
  ours: Tally;
  statement: { paid: Tally; reversed: Tally } | null;
}

export interface Reconciliation {
  differences: Difference[];
  partners: PartnerTotals[];
  /** Every kind, in DIFFERENCE_KINDS order, with its count and rupiah (zero when none). */
  byKind: Array<{ kind: DifferenceKind } & Tally>;
}

const tally = (amounts: readonly number[]): Tally => ({ count: amounts.length, amount: amounts.reduce((sum, amount) => sum + amount, 0) });
const oursOf = (payout: OurPayout): Difference["ours"] => ({
  state: payout.state,
  amount: payout.amount,
  paidAt: payout.paidAt,
  dueAt: payout.dueAt,
  hold: payout.hold === null ? null : clip(payout.hold),
});
const lineOf = (line: StatementEntry): Difference["statement"] => ({
  state: line.state,
  amount: line.amount,
  partnerReference: clip(line.partnerReference),
  at: line.at,
});

function difference(kind: DifferenceKind, amount: number, parts: Partial<Omit<Difference, "kind" | "amount">>): Difference {
  return { kind, installmentId: null, partner: null, reference: null, ours: null, statement: null, ledger: null, ...parts, amount };
}

/** The accounts whose balance differs from the expected one, the largest gaps first; empty when balanced. */
function ledgerGap(
  payout: OurPayout,
  moves: readonly LedgerLine[],
  clawback: Pick<ClawbackView, "amount" | "repaid"> | null,
): NonNullable<Difference["ledger"]> {
  const expected = new Map<string, number>(expectedPositionWith(payout, clawback));
  const actual = positionOf(moves);
  return [...new Set<string>([...expected.keys(), ...actual.keys()])]
    .map((account) => ({ account, expected: expected.get(account) ?? 0, actual: actual.get(account) ?? 0 }))
    .filter((row) => row.expected !== row.actual)
    .sort((a, b) => Math.abs(b.expected - b.actual) - Math.abs(a.expected - a.actual) || (a.account < b.account ? -1 : 1))
    .slice(0, LEDGER_ROWS_LIMIT)
    .map((row) => ({ ...row, account: clip(row.account) }));
}

/** Compares the three sides of one day. */
export function reconcile(input: ReconciliationInput): Reconciliation {
  const differences: Difference[] = [];
  const lookup = (reference: string): OurPayout | null => {
    const id = installmentOfReference(reference);
    return id === null ? null : (input.payouts.get(id) ?? null);
  };
  const reversalRecorded = (payout: OurPayout, partner: PaymentPartnerCode) =>
    (input.ledgers.get(payout.id) ?? []).some((move) => move.from === `paid:${partner}` && move.to === "returned");

  for (const partner of input.partners) {
    const lines = input.statements.get(partner) ?? null;
    if (lines === null) {
      const ours = input.paidOnDay.filter((payout) => payout.partner === partner);
      differences.push(difference("statement-unavailable", tally(ours.map((p) => p.amount)).amount, { partner }));
      continue;
    }
    const paidLines = new Map<string, number>();
    const reversals = new Map<string, number>();
    for (const line of lines) {
      const payout = lookup(line.reference);
      const parts = {
        partner,
        reference: clip(line.reference),
        installmentId: payout === null ? null : clip(payout.id),
        ours: payout === null ? null : oursOf(payout),
        statement: lineOf(line),
      };
      if (line.state === "reversed") {
        reversals.set(line.reference, (reversals.get(line.reference) ?? 0) + 1);
        if (payout === null || !reversalRecorded(payout, partner)) differences.push(difference("reversed-by-partner", line.amount, parts));
        else if (payout.amount !== line.amount) differences.push(difference("amount-differs", Math.abs(payout.amount - line.amount), parts));
        continue;
      }
      const seen = paidLines.get(line.reference) ?? 0;
      paidLines.set(line.reference, seen + 1);
      // A second payment of one reference on one day is money paid twice, unless a reversal came between.
      const repeated = seen > (reversals.get(line.reference) ?? 0);
      if (payout === null || payout.paidAt === null || payout.partner !== partner || repeated) {
        differences.push(difference("paid-by-partner-not-by-us", line.amount, parts));
      } else if (payout.amount !== line.amount) {
        differences.push(difference("amount-differs", Math.abs(payout.amount - line.amount), parts));
      }
    }
    for (const payout of input.paidOnDay) {
      if (payout.partner !== partner || paidLines.has(payout.reference)) continue;
      differences.push(
        difference("paid-by-us-not-by-partner", payout.amount, {
          partner,
          reference: clip(payout.reference),
          installmentId: clip(payout.id),
          ours: oursOf(payout),
        }),
      );
    }
  }

  for (const [id, payout] of [...input.payouts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const moves = input.ledgers.get(id);
    if (payout === null || moves === undefined) continue;
    const gap = ledgerGap(payout, moves, input.clawbacks.get(id) ?? null);
    if (gap.length > 0) {
      differences.push(
        difference("ledger-unbalanced", payout.amount, {
          installmentId: clip(id),
          partner: payout.partner,
          reference: clip(payout.reference),
          ours: oursOf(payout),
          ledger: gap,
        }),
      );
    }
  }

  for (const payout of input.overdue) {
    differences.push(
      difference("due-not-paid", payout.amount, {
        installmentId: clip(payout.id),
        partner: payout.partner,
        reference: clip(payout.reference),
        ours: oursOf(payout),
      }),
    );
  }

  const byKind = DIFFERENCE_KINDS.map((kind) => ({ kind, ...tally(differences.filter((d) => d.kind === kind).map((d) => d.amount)) }));
  const partners = input.partners.map((partner): PartnerTotals => {
    const lines = input.statements.get(partner) ?? null;
    const amounts = (state: StatementEntry["state"]) => (lines ?? []).filter((line) => line.state === state).map((line) => line.amount);
    return {
      partner,
      ours: tally(input.paidOnDay.filter((payout) => payout.partner === partner).map((payout) => payout.amount)),
      statement: lines === null ? null : { paid: tally(amounts("paid")), reversed: tally(amounts("reversed")) },
    };
  });
  return { differences, partners, byKind };
}
