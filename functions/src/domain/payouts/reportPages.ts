/**
 * A day's differences are stored in pages (`reconciliationReports/{day}/differences/{n}`), each
 * far under Firestore's 1 MiB a document: the page size is computed from the largest difference
 * the report can make (every text at its bound, every optional part present) and the byte
 * budget of a page, and each page is measured again as it is filled.
 */
import { documentBytes, MAX_DOCUMENT_BYTES, valueBytes } from "../documentSize.js";
import { PAYMENT_PARTNER_CODES } from "./partners.js";
import { PAYOUT_STATES } from "./payout.js";
import { DIFFERENCE_KINDS, LEDGER_ROWS_LIMIT, TEXT_LIMIT, type Difference } from "./differences.js";

/** Half of what a document may hold: "far under", whatever Firestore adds to a document we did not count. */
export const PAGE_BYTE_BUDGET = MAX_DOCUMENT_BYTES / 2;
/** The most differences a page ever holds, whatever their size. */
export const PAGE_SIZE_CAP = 500;

const longest = <T extends string>(words: readonly T[]): T => words.reduce((a, b) => (b.length > a.length ? b : a));
const text = "x".repeat(TEXT_LIMIT);
const instant = new Date(0);

const ours: Difference["ours"] = { state: longest(PAYOUT_STATES), amount: 0, paidAt: instant, dueAt: instant, hold: text };
const common = { kind: longest(DIFFERENCE_KINDS), installmentId: text, partner: longest(PAYMENT_PARTNER_CODES), reference: text, amount: 0, ours };

/**
 * The largest differences `reconcile` makes: one about a statement line (the line, no ledger) and
 * one about a ledger (its accounts, no line); no difference has both.
 */
export const LARGEST_DIFFERENCES: readonly Difference[] = [
  { ...common, statement: { state: "reversed", amount: 0, partnerReference: text, at: instant }, ledger: null },
  { ...common, statement: null, ledger: Array.from({ length: LEDGER_ROWS_LIMIT }, () => ({ account: text, expected: 0, actual: 0 })) },
];
export const LARGEST_DIFFERENCE_BYTES = Math.max(...LARGEST_DIFFERENCES.map(valueBytes));

/** A page as stored: its day, its number and its differences. */
export interface DifferencesPage {
  day: string;
  page: number;
  differences: Difference[];
}

/** A page's document ID: its number, 4 digits, so that pages list in order. */
export const pageId = (page: number): string => String(page).padStart(4, "0");

const emptyPageBytes = documentBytes(`reconciliationReports/0000-00-00/differences/${pageId(99999)}`, { day: "0000-00-00", page: 0, differences: [] });

/** How many differences a page holds: as many as fit in the budget at their largest, at most the cap. */
export const DIFFERENCES_PER_PAGE = Math.min(PAGE_SIZE_CAP, Math.floor((PAGE_BYTE_BUDGET - emptyPageBytes) / LARGEST_DIFFERENCE_BYTES));

/** The differences cut into pages of at most DIFFERENCES_PER_PAGE, each within PAGE_BYTE_BUDGET (checked, not assumed). */
export function paginate(day: string, differences: readonly Difference[]): DifferencesPage[] {
  const pages: DifferencesPage[] = [];
  let current: Difference[] = [];
  let bytes = emptyPageBytes;
  for (const difference of differences) {
    const size = valueBytes(difference);
    if (emptyPageBytes + size > PAGE_BYTE_BUDGET) throw new Error(`a ${difference.kind} difference of ${size} bytes does not fit a page`);
    if (current.length === DIFFERENCES_PER_PAGE || bytes + size > PAGE_BYTE_BUDGET) {
      pages.push({ day, page: pages.length, differences: current });
      current = [];
      bytes = emptyPageBytes;
    }
    current.push(difference);
    bytes += size;
  }
  if (current.length > 0) pages.push({ day, page: pages.length, differences: current });
  return pages;
}
