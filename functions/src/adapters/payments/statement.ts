import { parse } from "csv-parse/sync";
import { z } from "zod";
import { parseSnapTimestamp } from "../../domain/payouts/snap.js";
import { rupiahFromSnap } from "../../domain/payouts/snapValues.js";
import type { StatementLine } from "../../usecases/ports.js";

/**
 * A partner's daily statement, as every partner of ours serves it (docs/payment-partners.md,
 * "Daily statement"): CSV, UTF-8, comma-separated, a header row
 * `reference,partner_reference,state,amount,at`, one row per payout paid or reversed that day
 * (Asia/Jakarta): our reference, the partner's, `paid` or `reversed`, the amount as SNAP writes
 * it (`600000.00`, IDR) and the time with its offset (`2026-11-30T13:27:23+07:00`).
 */
export const STATEMENT_COLUMNS = ["reference", "partner_reference", "state", "amount", "at"] as const;

const row = z.object({
  reference: z.string().min(1),
  partner_reference: z.string().min(1),
  state: z.enum(["paid", "reversed"]),
  amount: z.string(),
  at: z.string(),
});

/** The statement's lines; throws on the first line that is not one, naming it (a statement is all or nothing). */
export function parseStatement(csv: string): StatementLine[] {
  const records: unknown[] = parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  return records.map((record, index) => {
    const line = row.safeParse(record);
    const amount = line.success ? rupiahFromSnap({ value: line.data.amount, currency: "IDR" }) : null;
    const at = line.success ? parseSnapTimestamp(line.data.at) : null;
    if (!line.success || amount === null || !amount.ok || at === null)
      throw new Error(`statement line ${index + 2} is not reference,partner_reference,state,amount,at`);
    return { reference: line.data.reference, partnerReference: line.data.partner_reference, state: line.data.state, amount: amount.value, at };
  });
}

/** `YYYY-MM-DD`, checked before it goes into a URL. */
export function statementDay(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`not a day: ${day}`);
  return day;
}
