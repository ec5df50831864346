import type { ExclusionListType, ReasonCode } from "./eligibility.js";

/**
 * What the close's re-check can take from an applicant's last eligibility check instead of
 * reading their exclusion entry again (docs/draw.md §10, "Reads").
 */

/** True when `checked` (eligibility.listVersions) names exactly the list versions current now. */
export function checkedAgainst(checked: Readonly<Record<string, number>>, current: Readonly<Partial<Record<ExclusionListType, number>>>): boolean {
  const currentTypes = Object.entries(current).filter(([, version]) => version !== undefined);
  if (Object.keys(checked).length !== currentTypes.length) return false;
  return currentTypes.every(([type, version]) => checked[type] === version);
}

/**
 * The list hits a check against the current versions found, from the reasons it gave: a check
 * made against these very versions read the same entry, so it found the same hits. Only the
 * reasons the lists give are carried ("on-exclusion-list", and "blocked" from the block list):
 * any list but the block list and social aid stands for "on-exclusion-list" (domain/eligibility.ts
 * listReasons maps all of them alike). A social-aid hit gives no reason unless the program year
 * excludes social aid, and a program year's rules do not change within it.
 */
export function carriedHits(reasons: readonly ReasonCode[]): ExclusionListType[] {
  const hits: ExclusionListType[] = [];
  if (reasons.includes("on-exclusion-list")) hits.push("police");
  if (reasons.includes("blocked")) hits.push("block-list");
  return hits;
}

/**
 * The timeline event of a member taken out of the pool, once, because a family member was
 * selected and the family card reached its limit: the close never reads them again.
 */
export function familyLimitEvent(waveId: string, at: Date) {
  const reasons: ReasonCode[] = ["family-limit-reached"];
  return { kind: "left-pool-family-limit" as const, at, eligible: false, reasons, waveId };
}
