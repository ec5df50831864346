import { pageId } from "../../domain/payouts/reportPages.js";
import type { ReconciliationStore, StoredPayout } from "../../usecases/ports.js";
import { roundTrip, type Memory } from "./state.js";

/**
 * The reconciliation report in memory, with the Firestore adapter's orders (adapters/
 * reconciliation.ts): payouts paid on a day by `paidAt` then ID, the latest report by day, the
 * head written after its pages.
 */
export function memoryReconciliation(memory: Memory): ReconciliationStore {
  const { payouts, reconciliationReports, reconciliationDifferences } = memory.state;
  const all = (): StoredPayout[] => payouts.under("").map(([id, payout]) => ({ id, payout }));
  /** Firestore's order of the query: `paidAt`, then the document ID. */
  const compare = (a: StoredPayout, b: StoredPayout) =>
    (a.payout.paidAt?.getTime() ?? 0) - (b.payout.paidAt?.getTime() ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  return {
    async paidBetween(from, to, limit, after) {
      await roundTrip();
      return all()
        .filter(({ payout }) => payout.paidAt !== null && payout.paidAt >= from && payout.paidAt < to)
        .sort(compare)
        .filter((entry) => after === null || compare(entry, after) > 0)
        .slice(0, limit);
    },

    async dueTotals(from, to) {
      await roundTrip();
      const due = all().filter(({ payout }) => payout.dueAt < to && (from === null || payout.dueAt >= from));
      return { count: due.length, amount: due.reduce((sum, { payout }) => sum + payout.amount, 0) };
    },

    async report(day) {
      await roundTrip();
      return reconciliationReports.read(day) ?? null;
    },

    async latest() {
      await roundTrip();
      return reconciliationReports.under("").at(-1)?.[1] ?? null;
    },

    async page(day, page) {
      await roundTrip();
      return reconciliationDifferences.read(`${day}/${pageId(page)}`) ?? null;
    },

    async save(report, pages) {
      await roundTrip();
      const previous = reconciliationReports.read(report.day);
      if (previous !== undefined) memory.batch().delete(reconciliationReports, report.day).commit();
      const batch = memory.batch();
      for (const page of pages) batch.set(reconciliationDifferences, `${report.day}/${pageId(page.page)}`, page);
      for (let n = pages.length; n < (previous?.pages ?? 0); n += 1) batch.delete(reconciliationDifferences, `${report.day}/${pageId(n)}`);
      batch.commit();
      memory.batch().set(reconciliationReports, report.day, report).commit();
    },
  };
}
