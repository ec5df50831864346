import { done, refused, type Outcome } from "../../domain/outcome.js";
import type { PaymentPartnerCode } from "../../domain/payouts/partners.js";
import { OVERDUE_WORKING_DAYS, reconcile, type Reconciliation } from "../../domain/payouts/reconciliation.js";
import { dayBounds, daysBefore, jakartaDay, workingDaysBefore } from "../../domain/payouts/reportDay.js";
import { DIFFERENCES_PER_PAGE, paginate } from "../../domain/payouts/reportPages.js";
import type { DifferenceDoc, DifferenceView, ReconciliationOverview, ReconciliationReportDoc } from "../../schemas/reconciliation.js";
import type { Ports } from "../ports.js";
import { examined, ourPayout, overdueBefore, paidOn, statementsOf, type Counter, type ReportPorts } from "./reportReads.js";

/**
 * The daily three-way reconciliation report (functions/reconciliationReport.ts, 06:00 Jakarta, for
 * the day before): entitlements (installments due), our payouts (states, `paidAt`, ledger
 * positions) and each partner's statement of the day, compared by domain/payouts/reconciliation.ts
 * and stored as `reconciliationReports/{day}` with its differences in pages of at most
 * DIFFERENCES_PER_PAGE (500) (domain/payouts/reportPages.ts).
 *
 * Reads per day, never the whole `payouts` collection (656,000 installments in a program year of
 * 164,000 participants × 4): with P payouts paid that day, L ledger entries per installment (3
 * for a payout paid at its first attempt), S statement lines naming installments not paid by us
 * that day, C clawback cases changed that day, O unpaid installments long due, N installments
 * due to date —
 *   P (paid that day, by `paidAt` range) + S + C (those installments by ID)
 *   + (P + S + C) × L (their ledgers) + (P + S + C) / 30 + clawback cases found (by ID, `in`)
 *   + O (by state + `dueAt`, at most OVERDUE_LIMIT_PER_STATE per state; 1 per empty state)
 *   + N / 1,000 (count and sum of installments due: one aggregation)
 *   + 1 (is the day reported already) — about 4P + O + N / 1,000: for a heavy day of 20,000
 *   payouts, ~80,000 + O + 656 reads; the statements are one HTTPS call per partner.
 * Writes: one per page of differences and the head.
 */

export type ReportRefusal = "day-invalid" | "day-not-over" | "report-exists";

export interface ReportRun {
  day: string;
  differences: number;
  pages: number;
  byKind: Reconciliation["byKind"];
  /** Partners whose statement could not be fetched. */
  unavailable: PaymentPartnerCode[];
  reads: number;
}

/**
 * Reports `day` (`YYYY-MM-DD`, Asia/Jakarta) once it is over. Idempotent per day: a day reported
 * already is `report-exists` unless `replace` (a person re-running a day after a partner's late
 * statement), which writes the same pages again and removes any left over.
 */
export async function runReconciliationReport(
  ports: ReportPorts,
  day: string,
  options: { replace?: boolean } = {},
): Promise<Outcome<ReportRun, ReportRefusal>> {
  const bounds = dayBounds(day);
  if (bounds === null) return refused("day-invalid");
  if (ports.clock.now() < bounds.end) return refused("day-not-over");
  const counter: Counter = { reads: options.replace === true ? 0 : 1 };
  if (options.replace !== true && (await ports.reconciliation.report(day)) !== null) return refused("report-exists");

  const overdueCutoff = dayBounds(workingDaysBefore(day, OVERDUE_WORKING_DAYS))?.start ?? bounds.start;
  const [statements, paidOnDay, overdue, dueToDate, dueOnDay] = await Promise.all([
    statementsOf(ports, day),
    paidOn(ports, bounds.start, bounds.end, counter),
    overdueBefore(ports, overdueCutoff, counter),
    ports.reconciliation.dueTotals(null, bounds.end),
    ports.reconciliation.dueTotals(bounds.start, bounds.end),
  ]);
  // An aggregation (count and sum together) is billed one read per 1,000 index entries it scans.
  counter.reads += Math.max(1, Math.ceil(dueToDate.count / 1000)) + Math.max(1, Math.ceil(dueOnDay.count / 1000));
  const seen = await examined(ports, paidOnDay, statements, bounds, counter);
  const result = reconcile({
    partners: [...statements.keys()],
    statements,
    paidOnDay: paidOnDay.map(ourPayout),
    ...seen,
    overdue: overdue.overdue.map(ourPayout),
  });

  const pages = paginate(day, result.differences);
  const report: ReconciliationReportDoc = {
    day,
    generatedAt: ports.clock.now(),
    entitlements: { dueToDate, dueOnDay },
    partners: result.partners,
    byKind: result.byKind,
    differences: result.differences.length,
    pages: pages.length,
    pageSize: DIFFERENCES_PER_PAGE,
    overdueTruncated: overdue.truncated,
    overdueBefore: overdueCutoff,
    reads: counter.reads,
  };
  await ports.reconciliation.save(report, pages);
  const unavailable = [...statements].filter(([, lines]) => lines === null).map(([code]) => code);
  return done({ day, differences: report.differences, pages: pages.length, byKind: result.byKind, unavailable, reads: counter.reads });
}

/** Days back the daily run looks for a day left unreported (a run that failed, an outage of the scheduler). */
export const CATCH_UP_DAYS = 7;

/**
 * The daily run: yesterday (Jakarta) and any of the CATCH_UP_DAYS days before it still without a
 * report, oldest first, each once (a day reported already costs one read).
 */
export async function reportDueDays(ports: ReportPorts, now: Date): Promise<Array<Outcome<ReportRun, ReportRefusal>>> {
  const yesterday = daysBefore(jakartaDay(now), 1);
  const days = Array.from({ length: CATCH_UP_DAYS }, (_, back) => daysBefore(yesterday, CATCH_UP_DAYS - 1 - back));
  const runs: Array<Outcome<ReportRun, ReportRefusal>> = [];
  for (const day of days) runs.push(await runReconciliationReport(ports, day));
  return runs;
}

const viewOf = (difference: DifferenceDoc): DifferenceView => ({
  ...difference,
  ours:
    difference.ours === null ? null : { ...difference.ours, paidAt: difference.ours.paidAt?.toISOString() ?? null, dueAt: difference.ours.dueAt.toISOString() },
  statement: difference.statement === null ? null : { ...difference.statement, at: difference.statement.at.toISOString() },
});

/**
 * The latest day's report for the program office's overview: its totals and its first `first`
 * differences in the report's order; null before any report. The caller checks who asks
 * (`read-payouts`). Reads: 1 + the pages needed (one page for up to 500).
 */
export async function reconciliationSummary(ports: Pick<Ports, "reconciliation">, first = 50): Promise<ReconciliationOverview | null> {
  const report = await ports.reconciliation.latest();
  if (report === null) return null;
  const differences: DifferenceDoc[] = [];
  for (let page = 0; page < report.pages && differences.length < first; page += 1) {
    const stored = await ports.reconciliation.page(report.day, page);
    if (stored === null) break;
    differences.push(...stored.differences);
  }
  return {
    day: report.day,
    generatedAt: report.generatedAt.toISOString(),
    entitlements: report.entitlements,
    partners: report.partners,
    byKind: report.byKind,
    differences: report.differences,
    pages: report.pages,
    overdueTruncated: report.overdueTruncated,
    overdueBefore: report.overdueBefore.toISOString(),
    first: differences.slice(0, first).map(viewOf),
  };
}
