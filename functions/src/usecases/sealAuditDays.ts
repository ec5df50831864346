import { auditDay, DayRoot, GENESIS, nextDay, previousDay } from "../domain/audit/chain.js";
import type { AuditDays } from "./ports.js";

/** Heads read at once while a day's root is computed: one day's heads never sit in memory beyond a page. */
export const SEAL_PAGE = 300;

/** Days one run seals at most (a backlog after an outage is finished by the next runs). */
export const SEAL_DAYS_PER_RUN = 31;

export interface SealReport {
  /** The days sealed by this run, in order, each with its root. */
  sealed: Array<{ day: string; root: string; chains: number; entries: number }>;
}

/**
 * Seals every Jakarta day before `now`'s that is not sealed yet, oldest first: marks the day
 * `sealing` (later appends dated that day go to the next day's chains), hashes its chains' heads
 * page by page in chain-ID order (domain/audit/chain.ts DayRoot) chained to the day before's
 * root, and stores the root. Days without acts get a root too, so sealed days never leave a gap.
 * Idempotent: a sealed day is never sealed again; a day left `sealing` by a stopped run is
 * finished with the `prev` it recorded. Nothing is sealed before the first day with a chain.
 */
export async function sealAuditDays(ports: { auditDays: AuditDays }, now: Date): Promise<SealReport> {
  const lastDay = previousDay(auditDay(now));
  const latest = await ports.auditDays.latest();
  let day: string;
  let prev: string;
  if (latest === null) {
    const first = await ports.auditDays.firstChainDay();
    if (first === null) return { sealed: [] };
    [day, prev] = [first, GENESIS];
  } else if (latest.state === "sealing") {
    [day, prev] = [latest.day, latest.prev];
  } else {
    [day, prev] = [nextDay(latest.day), latest.root];
  }
  const sealed: SealReport["sealed"] = [];
  for (; day <= lastDay && sealed.length < SEAL_DAYS_PER_RUN; day = nextDay(day)) {
    await ports.auditDays.beginSeal(day, prev);
    const root = new DayRoot(day, prev);
    for (let after: string | null = null; ;) {
      const heads = await ports.auditDays.heads(day, after, SEAL_PAGE);
      for (const head of heads) root.add(head);
      if (heads.length < SEAL_PAGE) break;
      after = heads[heads.length - 1]?.chain ?? null;
    }
    const digest = root.digest();
    await ports.auditDays.finishSeal(day, { prev, root: digest, chains: root.chains, entries: root.entries, sealedAt: now });
    sealed.push({ day, root: digest, chains: root.chains, entries: root.entries });
    prev = digest;
  }
  return { sealed };
}
