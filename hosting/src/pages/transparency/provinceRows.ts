import type { ProvinceName } from "../../data/provinces.js";
import { share } from "./share.js";

export interface ProvinceRow {
  code: string;
  name: string;
  pool: number;
  winners: number;
  /** Of the whole pool and of all winners: comparable across provinces of any size. */
  poolShare: number;
  winnersShare: number;
  poolShareText: string;
  winnersShareText: string;
}

/** The manifest's byProvince as rows in code order (the order of the official region table). */
export function provinceRows(byProvince: Record<string, { pool: number; winners: number }>, provinceName: ProvinceName): ProvinceRow[] {
  const entries = Object.entries(byProvince).sort(([a], [b]) => (a < b ? -1 : 1));
  const pool = entries.reduce((sum, [, counts]) => sum + counts.pool, 0);
  const winners = entries.reduce((sum, [, counts]) => sum + counts.winners, 0);
  return entries.map(([code, counts]) => ({
    code,
    name: provinceName(code),
    pool: counts.pool,
    winners: counts.winners,
    poolShare: pool === 0 ? 0 : counts.pool / pool,
    winnersShare: winners === 0 ? 0 : counts.winners / winners,
    poolShareText: share(counts.pool, pool),
    winnersShareText: share(counts.winners, winners),
  }));
}
