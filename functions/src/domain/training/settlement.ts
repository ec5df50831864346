import { calendarDateIn } from "../calendar.js";

/**
 * What the program owes a training institution for a voucher accrues only on evidence, in two
 * stages: when the participant redeems the code (first session attended) and when they complete
 * the training (post-test). Paying a partner for a sale alone is how shell providers drained
 * Singapore's SkillsFuture (S$39.9M, see ../shared/DOMAIN.md). The split is this platform's
 * policy, in basis points of the voucher's price; the two stages always add up to the price.
 */
export const SETTLEMENT_BASIS_POINTS = { redeemed: 5_000, completed: 5_000 } as const;
export type SettlementStage = keyof typeof SETTLEMENT_BASIS_POINTS;

/** Rupiah owed at `stage` for a voucher of `price` rupiah: the redeemed share rounds down, completion takes the rest. */
export function settlementAmount(price: number, stage: SettlementStage): number {
  const redeemed = Math.floor((price * SETTLEMENT_BASIS_POINTS.redeemed) / 10_000);
  return stage === "redeemed" ? redeemed : price - redeemed;
}

/** The statement month of an accrual (`2026-11`), on Jakarta's calendar. */
export function statementMonth(at: Date): string {
  const { year, month } = calendarDateIn(at);
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** One settlement entry per voucher and stage: its document ID, so evidence committed twice accrues once. */
export const settlementId = (redeemCode: string, stage: SettlementStage): string => `${redeemCode}-${stage}`;
