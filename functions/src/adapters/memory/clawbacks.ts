import type { ClawbackStore, StoredClawback } from "../../usecases/ports.js";
import { roundTrip, type Memory } from "./state.js";

/**
 * Clawback cases in memory, with the Firestore adapter's transaction and guards (adapters/
 * clawbacks.ts): an act reads, decides and writes with no `await` between, its repayment and
 * ledger entries are created (a second writer of one ID fails the whole act).
 */
export function memoryClawbacks(memory: Memory): ClawbackStore {
  const { payouts, clawbacks, clawbackRepayments, payoutLedger } = memory.state;
  const all = (): StoredClawback[] => clawbacks.under("").map(([id, clawback]) => ({ id, clawback }));
  const byDeadline = (a: StoredClawback, b: StoredClawback) => a.clawback.deadline.getTime() - b.clawback.deadline.getTime() || (a.id < b.id ? -1 : 1);

  return {
    async act(id, requestId, decide) {
      await roundTrip();
      const decision = decide({
        payout: payouts.read(id) ?? null,
        clawback: clawbacks.read(id) ?? null,
        repayment: requestId === null ? null : (clawbackRepayments.read(`${id}/${requestId}`) ?? null),
      });
      const batch = memory.batch();
      if (decision.clawback !== undefined) batch.set(clawbacks, id, decision.clawback);
      if (decision.repayment !== undefined) {
        if (requestId === null) throw new Error("a repayment is recorded under its request ID");
        batch.create(clawbackRepayments, `${id}/${requestId}`, decision.repayment);
      }
      for (const { id: entryId, entry } of decision.ledger ?? []) batch.create(payoutLedger, entryId, entry);
      batch.commit();
      return decision.result;
    },

    async get(id) {
      await roundTrip();
      return clawbacks.read(id) ?? null;
    },

    async outstanding(limit) {
      await roundTrip();
      return all()
        .filter(({ clawback }) => clawback.status === "open" || clawback.status === "escalated")
        .sort(byDeadline)
        .slice(0, limit);
    },

    async lapsed(now, limit) {
      await roundTrip();
      return all()
        .filter(({ clawback }) => clawback.status === "open" && clawback.deadline <= now)
        .sort(byDeadline)
        .slice(0, limit);
    },

    async ofInstallments(ids) {
      await roundTrip();
      return new Map(
        all()
          .filter((entry) => ids.includes(entry.id))
          .map((entry) => [entry.id, entry.clawback]),
      );
    },

    async changedBetween(from, to, limit) {
      await roundTrip();
      return all()
        .filter(({ clawback }) => clawback.updatedAt >= from && clawback.updatedAt < to)
        .sort((a, b) => a.clawback.updatedAt.getTime() - b.clawback.updatedAt.getTime() || (a.id < b.id ? -1 : 1))
        .slice(0, limit);
    },
  };
}
