import { z } from "zod";
import { clientCode } from "./partners.js";

/** Input of `settlementStatement`: a partner's client code and a month (`2026-11`, Asia/Jakarta). */
export const settlementStatementInput = z.object({
  partnerCode: clientCode,
  month: z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, { message: "statement-month" }),
});

const line = z.object({ amount: z.number().int(), vouchers: z.number().int() });

/** A partner's month: rupiah accrued and held, by stage, with the vouchers behind each figure. */
export const settlementStatement = z.object({
  partnerCode: z.string(),
  partnerName: z.string(),
  month: z.string(),
  settlementsFrozen: z.boolean(),
  accrued: z.object({ redeemed: line, completed: line }),
  held: z.object({ redeemed: line, completed: line }),
  total: z.object({ accrued: z.number().int(), held: z.number().int() }),
});
export type SettlementStatement = z.infer<typeof settlementStatement>;

export const SETTLEMENT_MESSAGES = {
  "statement-month": { id: "Bulan ditulis TTTT-BB, misalnya 2026-11.", en: "Write the month as YYYY-MM, e.g. 2026-11." },
} as const satisfies Record<string, { id: string; en: string }>;
