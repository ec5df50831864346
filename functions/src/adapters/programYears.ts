import type { ProgramYearDoc } from "../schemas/documents.js";
import type { ProgramYears } from "../usecases/ports.js";
import { cached } from "./cache.js";
import { programYears } from "./collections.js";

/**
 * Program-year rules change a few times a year and are read by every registration: each
 * instance keeps a year's rules for a minute, so a registration costs no read for them. A year
 * not configured yet is not kept: once the program office publishes it, the next call sees it.
 */
const CACHE_MS = 60_000;
const byYear = new Map<number, () => Promise<ProgramYearDoc | null>>();

export const firestoreProgramYears: ProgramYears = {
  async get(year) {
    let load = byYear.get(year);
    if (!load) {
      load = cached(async () => (await programYears().doc(String(year)).get()).data() ?? null, CACHE_MS, Date.now);
      byYear.set(year, load);
    }
    const rules = await load();
    if (rules === null) byYear.delete(year);
    return rules;
  },
};
