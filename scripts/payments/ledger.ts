import { randomInt } from "node:crypto";
import { snapTimestamp } from "../../functions/src/domain/payouts/snap.js";

export type TransactionState = "pending" | "paid" | "failed" | "reversed";

/** One payout a simulated partner holds, by our reference (partnerReferenceNo / external_id). */
export interface Transaction {
  partner: string;
  reference: string;
  /** The X-EXTERNAL-ID (SNAP) or idempotency key (gateway) of the request that created it. */
  externalId: string;
  partnerReference: string;
  amount: number;
  institution: string;
  accountNumber: string;
  state: TransactionState;
  /** Why it failed: the partner's code and words. */
  failure: { code: string; message: string } | null;
  /** Refused on receipt (answered with the refusal), as opposed to accepted and failed later (notified). */
  refusedOnReceipt: boolean;
  createdAt: string;
  paidAt: string | null;
  reversedAt: string | null;
  /** How often the same reference came again (answered with this transaction, never paid twice). */
  duplicates: number;
}

/** The day (Asia/Jakarta) of an instant: what SNAP's "unique per day" and statements count by. */
export const jakartaDay = (at: Date): string => snapTimestamp(at).slice(0, 10);

export function ledger() {
  const transactions = new Map<string, Transaction>();
  const externalIds = new Map<string, string>();
  const key = (partner: string, reference: string) => `${partner}\u0000${reference}`;
  return {
    find: (partner: string, reference: string) => transactions.get(key(partner, reference)) ?? null,
    create(
      fields: Omit<Transaction, "partnerReference" | "duplicates" | "paidAt" | "reversedAt" | "failure" | "refusedOnReceipt" | "createdAt">,
      at: Date,
    ): Transaction {
      const transaction: Transaction = {
        ...fields,
        partnerReference: `${fields.partner.slice(0, 3).toUpperCase()}${Date.now().toString(36).toUpperCase()}${randomInt(1000, 9999)}`,
        duplicates: 0,
        failure: null,
        refusedOnReceipt: false,
        createdAt: at.toISOString(),
        paidAt: null,
        reversedAt: null,
      };
      transactions.set(key(fields.partner, fields.reference), transaction);
      return transaction;
    },
    /** Records an X-EXTERNAL-ID; `false` when the partner saw it already today. */
    useExternalId(partner: string, externalId: string, at: Date): boolean {
      const id = `${partner}\u0000${jakartaDay(at)}\u0000${externalId}`;
      if (externalIds.has(id)) return false;
      externalIds.set(id, at.toISOString());
      return true;
    },
    all: () => [...transactions.values()],
    duplicates: () => [...transactions.values()].reduce((sum, t) => sum + t.duplicates, 0),
    /** The partner's statement of `day`: CSV, as adapters/payments/statement.ts reads it. */
    statement(partner: string, day: string): string {
      const rows: string[] = ["reference,partner_reference,state,amount,at"];
      const at = (iso: string) => snapTimestamp(new Date(iso));
      for (const t of transactions.values()) {
        if (t.partner !== partner) continue;
        if (t.paidAt !== null && jakartaDay(new Date(t.paidAt)) === day)
          rows.push([t.reference, t.partnerReference, "paid", `${t.amount}.00`, at(t.paidAt)].join(","));
        if (t.reversedAt !== null && jakartaDay(new Date(t.reversedAt)) === day)
          rows.push([t.reference, t.partnerReference, "reversed", `${t.amount}.00`, at(t.reversedAt)].join(","));
      }
      return `${rows.join("\n")}\n`;
    },
    reset() {
      transactions.clear();
      externalIds.clear();
    },
  };
}
export type Ledger = ReturnType<typeof ledger>;
