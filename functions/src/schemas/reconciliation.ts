import { z } from "zod";
import { DIFFERENCE_KINDS, LEDGER_ROWS_LIMIT, type Difference, type DifferenceKind } from "../domain/payouts/differences.js";
import { paymentPartnerCode, payoutState } from "./payouts.js";

/**
 * The daily three-way reconciliation report (domain/payouts/reconciliation.ts): the day's head
 * document `reconciliationReports/{day}` with its totals, and its differences in pages
 * `reconciliationReports/{day}/differences/{nnnn}` (domain/payouts/reportPages.ts bounds them).
 */

// Amounts as partners report them: not trusted to be whole or positive, only compared.
const tally = z.object({ count: z.number().int().nonnegative(), amount: z.number() });
export type Tally = z.infer<typeof tally>;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

// The stored shape is the domain's (the report writes domain/payouts/differences.ts Differences as these).
export const differenceDoc = z.object({
  kind: z.enum(DIFFERENCE_KINDS),
  installmentId: z.string().nullable(),
  partner: paymentPartnerCode.nullable(),
  reference: z.string().nullable(),
  amount: z.number(),
  ours: z.object({ state: payoutState, amount: z.number(), paidAt: z.date().nullable(), dueAt: z.date(), hold: z.string().nullable() }).nullable(),
  statement: z.object({ state: z.enum(["paid", "reversed"]), amount: z.number(), partnerReference: z.string(), at: z.date() }).nullable(),
  ledger: z
    .array(z.object({ account: z.string(), expected: z.number(), actual: z.number() }))
    .max(LEDGER_ROWS_LIMIT)
    .nullable(),
}) satisfies z.ZodType<Difference>;
export type DifferenceDoc = z.infer<typeof differenceDoc>;

/** `reconciliationReports/{day}/differences/{nnnn}`. */
export const differencesPageDoc = z.object({ day, page: z.number().int().nonnegative(), differences: z.array(differenceDoc) });
export type DifferencesPageDoc = z.infer<typeof differencesPageDoc>;

/** `reconciliationReports/{day}`: written last, once every page is, so a head always has its pages. */
export const reconciliationReportDoc = z.object({
  day,
  generatedAt: z.date(),
  /** The entitlements side: installments due up to the day's end (all of them), and due on the day. */
  entitlements: z.object({ dueToDate: tally, dueOnDay: tally }),
  /** Ours (paid that day, by `paidAt`) and each partner's statement (null: it could not be fetched). */
  partners: z.array(
    z.object({
      partner: paymentPartnerCode,
      ours: tally,
      statement: z.object({ paid: tally, reversed: tally }).nullable(),
    }),
  ),
  /** Every kind, with its count and rupiah at stake. */
  byKind: z.array(tally.extend({ kind: z.enum(DIFFERENCE_KINDS) })),
  differences: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  pageSize: z.number().int().positive(),
  /** `due-not-paid` reads at most a bounded number per state: true when some were left out (the count is then a floor). */
  overdueTruncated: z.boolean(),
  /** Installments due before this instant and unpaid are `due-not-paid`. */
  overdueBefore: z.date(),
  /** Documents the report read (queries, ledgers, aggregations at one per 1,000 entries): its cost. */
  reads: z.number().int().nonnegative(),
});
export type ReconciliationReportDoc = z.infer<typeof reconciliationReportDoc>;

/** A difference as the web app gets it: dates as ISO strings. */
export type DifferenceView = Omit<DifferenceDoc, "ours" | "statement"> & {
  ours: (Omit<NonNullable<DifferenceDoc["ours"]>, "paidAt" | "dueAt"> & { paidAt: string | null; dueAt: string }) | null;
  statement: (Omit<NonNullable<DifferenceDoc["statement"]>, "at"> & { at: string }) | null;
};

/** What the program office's overview shows of reconciliation (`reconciliationSummary`): the latest day's totals and its first differences. */
export interface ReconciliationOverview {
  day: string;
  generatedAt: string;
  entitlements: ReconciliationReportDoc["entitlements"];
  partners: ReconciliationReportDoc["partners"];
  byKind: Array<{ kind: DifferenceKind; count: number; amount: number }>;
  differences: number;
  pages: number;
  overdueTruncated: boolean;
  overdueBefore: string;
  /** The first differences of the day, in the report's order (page 0 onward). */
  first: DifferenceView[];
}
