/**
 * The shapes of the queries of the reconciliation report and of clawbacks (adapters/
 * reconciliation.ts, adapters/clawbacks.ts, and PayoutStore.inState for `due-not-paid`). Pure,
 * so tests/unit/indexes.test.ts checks firestore.indexes.json against each: the emulator serves
 * any query, production refuses one without its index.
 */
export interface ReportQueryShape {
  collectionGroup: string;
  /** Fields compared with `==` or `in`, in the index's order. */
  equalities: string[];
  /** The field of a range (`<`, `>=`), ordered by ascending; null for none. */
  range: string | null;
  /** A field summed by an aggregation: it must be in the same index as the range. */
  sum: string | null;
}

/** Payouts paid on a day: `paidAt >= start, < end`, by paidAt (single-field index). */
export const PAID_ON_DAY: ReportQueryShape = { collectionGroup: "payouts", equalities: [], range: "paidAt", sum: null };

/** Installments due by a day, counted and summed: `dueAt <` (and `>=`), count(), sum(amount) (composite dueAt + amount). */
export const DUE_TOTALS: ReportQueryShape = { collectionGroup: "payouts", equalities: [], range: "dueAt", sum: "amount" };

/** Unpaid installments long due, one state at a time: `state ==, dueAt <`, by dueAt (PayoutStore.inState). */
export const OVERDUE_IN_STATE: ReportQueryShape = { collectionGroup: "payouts", equalities: ["state"], range: "dueAt", sum: null };

/** Clawback cases with something owed, or lapsed: `status in / ==, deadline <=`, by deadline. */
export const CLAWBACKS_BY_DEADLINE: ReportQueryShape = { collectionGroup: "clawbacks", equalities: ["status"], range: "deadline", sum: null };

/** Clawback cases changed on a day: `updatedAt >= start, < end` (single-field index). */
export const CLAWBACKS_CHANGED: ReportQueryShape = { collectionGroup: "clawbacks", equalities: [], range: "updatedAt", sum: null };

/** The latest report: by `day` descending, 1 (single-field index). */
export const LATEST_REPORT: ReportQueryShape = { collectionGroup: "reconciliationReports", equalities: [], range: "day", sum: null };

export const REPORT_QUERY_SHAPES = [PAID_ON_DAY, DUE_TOTALS, OVERDUE_IN_STATE, CLAWBACKS_BY_DEADLINE, CLAWBACKS_CHANGED, LATEST_REPORT] as const;

/**
 * The composite index a shape needs, or null when Firestore's automatic single-field index
 * serves it (one field in all: then that field must not be exempted).
 */
export function compositeIndexOf(shape: ReportQueryShape): Array<{ fieldPath: string; order: "ASCENDING" }> | null {
  const fields = [...shape.equalities, ...(shape.range === null ? [] : [shape.range]), ...(shape.sum === null ? [] : [shape.sum])];
  return fields.length <= 1 ? null : fields.map((fieldPath) => ({ fieldPath, order: "ASCENDING" }));
}
