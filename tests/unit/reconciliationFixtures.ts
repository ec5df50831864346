import type { MemoryPorts } from "../../functions/src/adapters/memory/index.js";
import type { PaymentPartnerCode } from "../../functions/src/domain/payouts/partners.js";
import type { LedgerMove, PayoutState } from "../../functions/src/domain/payouts/payout.js";
import { installmentId, payoutReference } from "../../functions/src/domain/payouts/schedule.js";
import type { PayoutDoc } from "../../functions/src/schemas/payouts.js";
import type { PaymentPartner, PaymentPartners, StatementLine } from "../../functions/src/usecases/ports.js";
import { setup } from "./usecases/fixtures.js";

/**
 * Payouts as the payout machine leaves them, each with the ledger its path through the machine
 * posts (budget → entitlement → payout:<partner> → paid:<partner> → returned), stored straight into
 * the memory state; and partners whose statements the test writes.
 */

/** Wednesday 2026-03-04, 07:00 in Jakarta: the report of Tuesday 2026-03-03 can run. */
export const NOW = "2026-03-04T00:00:00Z";
export const DAY = "2026-03-03";
/** 10:00 Jakarta on DAY. */
export const ON_DAY = new Date("2026-03-03T03:00:00Z");
/** Due 00:00 Jakarta on the day named. */
export const dueOn = (day: string) => new Date(new Date(`${day}T00:00:00Z`).getTime() - 7 * 3600_000);

export function reconciliationSetup(): MemoryPorts {
  return setup({ now: NOW });
}

export interface Installment {
  uid: string;
  number?: number;
  state: PayoutState;
  partner?: PaymentPartnerCode;
  amount?: number;
  paidAt?: Date | null;
  dueAt?: Date;
  hold?: PayoutDoc["hold"];
  /** The ledger as posted; by default the one the state's path posts. */
  ledger?: LedgerMove[];
}

/** The moves a payout's way to `state` posts. */
export function pathLedger(state: PayoutState, partner: PaymentPartnerCode, amount: number): LedgerMove[] {
  const moves: LedgerMove[] = [{ from: "budget", to: "entitlement", amount }];
  if (["sending", "sent", "unknown", "paid", "reversed"].includes(state)) moves.push({ from: "entitlement", to: `payout:${partner}`, amount });
  if (state === "paid" || state === "reversed") moves.push({ from: `payout:${partner}`, to: `paid:${partner}`, amount });
  if (state === "reversed") moves.push({ from: `paid:${partner}`, to: "returned", amount });
  if (state === "cancelled") moves.push({ from: "entitlement", to: "returned", amount });
  return moves;
}

/** Stores the installment and its ledger; its ID. */
export function store(memory: MemoryPorts, installment: Installment): string {
  const number = installment.number ?? 1;
  const id = installmentId(installment.uid, 2026, number);
  const amount = installment.amount ?? 600_000;
  const withPartner = !["scheduled", "queued", "held", "cancelled"].includes(installment.state);
  const partner = installment.partner ?? "bank-nusantara";
  const paid = installment.state === "paid" || installment.state === "reversed";
  const ledger = installment.ledger ?? pathLedger(installment.state, partner, amount);
  const payout: PayoutDoc = {
    uid: installment.uid,
    programYear: 2026,
    number,
    of: 4,
    amount,
    dueAt: installment.dueAt ?? dueOn("2026-03-02"),
    state: installment.state,
    attempt: withPartner ? 1 : 0,
    partner: withPartner ? partner : null,
    reference: payoutReference(id),
    externalId: withPartner ? "0000000000000000000000000000000001" : null,
    sentAt: withPartner ? dueOn("2026-03-02") : null,
    partnerReference: paid ? `${partner}-${id}` : null,
    leaseUntil: null,
    hold: installment.hold ?? null,
    version: ledger.length,
    createdAt: dueOn("2026-02-01"),
    updatedAt: installment.paidAt ?? dueOn("2026-03-02"),
    paidAt: installment.paidAt ?? (paid ? ON_DAY : null),
  };
  memory.state.payouts.set(id, payout);
  ledger.forEach((move, version) => {
    memory.state.payoutLedger.set(`${id}-${version}-0`, {
      installmentId: id,
      uid: installment.uid,
      programYear: 2026,
      ...move,
      at: payout.createdAt,
      version,
      cause: "test",
    });
  });
  return id;
}

/** The statement line of a stored payout, as its partner would list it. */
export function lineOf(memory: MemoryPorts, id: string, overrides: Partial<StatementLine> = {}): StatementLine {
  const payout = memory.state.payouts.read(id)!;
  return { reference: payout.reference, partnerReference: `${payout.partner}-${id}`, state: "paid", amount: payout.amount, at: ON_DAY, ...overrides };
}

/** Partners whose statements are the lines given (null: that partner's statement cannot be fetched); every other call is a test error. */
export function statementPartners(statements: Partial<Record<PaymentPartnerCode, StatementLine[] | null>>): PaymentPartners & { asked: string[] } {
  const asked: string[] = [];
  const unexpected = () => Promise.reject(new Error("the report only reads statements"));
  return {
    asked,
    get: (code): PaymentPartner => ({
      code,
      inquireAccount: unexpected,
      pay: unexpected,
      status: unexpected,
      verifyNotification: () => {
        throw new Error("the report only reads statements");
      },
      statement: (day) => {
        asked.push(`${code}:${day}`);
        const lines = statements[code] === undefined ? [] : statements[code];
        return lines === null ? Promise.reject(new Error(`${code} statement unavailable`)) : Promise.resolve(lines);
      },
    }),
  };
}
