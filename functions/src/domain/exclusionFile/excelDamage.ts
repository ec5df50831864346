/**
 * The data-quality gate against Excel's damage. Excel holds a number in 15 significant digits, so
 * a NIK column typed as numbers (its "General" format, the default) arrives with the 16th digit
 * of every NIK turned to 0, or in scientific notation: those NIKs are not on the list any more
 * and the people excluded pass. Each such NIK looks valid alone; only the column shows it.
 *
 * A NIK's last digit is the last digit of its serial (a count per region and birth date), so
 * about 1 in 10 NIKs end in 0 (a little fewer: serials 1–9 do not). Damaged, all of them do.
 * The rule, over the first SAMPLE_NIKS NIKs of the column (or what its first SAMPLE_LINES lines
 * hold), counting as damaged a NIK ending in 0 and a number in Excel's notation (cells.ts):
 *   - 20 NIKs or more: stopped when the damaged are "far above" the 1 in 10 expected — five
 *     standard deviations of a binomial count above its mean: n/10 + 5·√(0.09·n). That is 9 of 20
 *     (45%), 25 of 100, 148 of 1,000 (14.8%): a column with a quarter of its cells typed as numbers
 *     is stopped, and an intact list is stopped with a chance below one in a million;
 *   - 6 to 19 NIKs (a short list): stopped when all are.
 * Below 6 NIKs nothing is concluded (a single NIK ending in 0 is 1 in 10).
 */

export const SAMPLE_NIKS = 1_000;
export const SAMPLE_LINES = 10_000;
const MIN_NIKS = 20;
const MIN_SHORT_LIST = 6;

export interface DamageTally {
  /** NIKs seen in the NIK column: 16 digits, or a number in Excel's notation. */
  checked: number;
  /** Of them, 16 digits ending in 0. */
  endingInZero: number;
  /** Of them, numbers in Excel's notation (`3.17101E+15`, …): their last digit is gone. */
  excelNumbers: number;
}

export const noDamage = (): DamageTally => ({ checked: 0, endingInZero: 0, excelNumbers: 0 });

export function isExcelDamaged(tally: DamageTally): boolean {
  const damaged = tally.endingInZero + tally.excelNumbers;
  if (tally.checked >= MIN_NIKS) return damaged >= farAboveExpected(tally.checked);
  return tally.checked >= MIN_SHORT_LIST && damaged === tally.checked;
}

/** Five standard deviations above the count of NIKs ending in 0 expected among `n` intact ones (p = 0.1). */
export const farAboveExpected = (n: number): number => Math.ceil(n * 0.1 + 5 * Math.sqrt(n * 0.09));
