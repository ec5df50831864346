import { AggregateField, FieldPath } from "firebase-admin/firestore";
import { pageId } from "../domain/payouts/reportPages.js";
import type { ReconciliationStore } from "../usecases/ports.js";
import { payouts, reconciliationDifferences, reconciliationReports } from "./collections.js";

/**
 * The reconciliation report in Firestore (`reconciliationReports/{day}`, `…/differences/{nnnn}`)
 * and its reads of `payouts`, each of a shape in reconciliationQueries.ts: payouts paid on a day
 * (one read per payout), installments due (an aggregation: one read per 1,000 entries).
 */
export const firestoreReconciliation: ReconciliationStore = {
  async paidBetween(from, to, limit, after) {
    let query = payouts().where("paidAt", ">=", from).where("paidAt", "<", to).orderBy("paidAt").orderBy(FieldPath.documentId());
    if (after !== null) query = query.startAfter(after.payout.paidAt, after.id);
    return (await query.limit(limit).get()).docs.map((doc) => ({ id: doc.id, payout: doc.data() }));
  },

  async dueTotals(from, to) {
    const before = payouts().where("dueAt", "<", to);
    const query = from === null ? before : before.where("dueAt", ">=", from);
    const totals = (await query.aggregate({ count: AggregateField.count(), amount: AggregateField.sum("amount") }).get()).data();
    return { count: totals.count, amount: totals.amount };
  },

  async report(day) {
    return (await reconciliationReports().doc(day).get()).data() ?? null;
  },

  async latest() {
    return (await reconciliationReports().orderBy("day", "desc").limit(1).get()).docs[0]?.data() ?? null;
  },

  async page(day, page) {
    return (await reconciliationDifferences(day).doc(pageId(page)).get()).data() ?? null;
  },

  async save(report, pages) {
    const head = reconciliationReports().doc(report.day);
    const previous = (await head.get()).data();
    // A report replaced: its head goes first, so nobody reads the old totals beside new pages.
    if (previous !== undefined) await head.delete();
    const pageRefs = (n: number) => reconciliationDifferences(report.day).doc(pageId(n));
    await Promise.all(pages.map((page) => pageRefs(page.page).set(page)));
    const stale = Array.from({ length: Math.max(0, (previous?.pages ?? 0) - pages.length) }, (_, n) => pages.length + n);
    await Promise.all(stale.map((n) => pageRefs(n).delete()));
    await head.set(report);
  },
};
