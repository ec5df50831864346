import { EXCLUSION_LIST_TYPES, type ExclusionListType } from "./eligibility.js";

/**
 * Versions of an exclusion list. Each import allocates a new version; the list's current version
 * only ever moves forward, so a slow import finishing late never brings back an older list.
 */

/** The next version: above the current one and above every import ever started, failed ones included. */
export function nextVersion(currentVersion: number, startedVersions: readonly number[]): number {
  return Math.max(currentVersion, ...startedVersions) + 1;
}

/** Completed imports only move a list forward: a lower version finishing late never replaces a higher one. */
export const becomesCurrent = (version: number, currentVersion: number): boolean => version > currentVersion;

/** What an exclusion entry holds: for each list, the versions the NIK was on. */
export interface ListMemberships {
  lists: Partial<Record<ExclusionListType, { versions: readonly number[] }>>;
}

/** The lists an entry puts its NIK on: those whose current version the entry holds. */
export function hitsOf(entry: ListMemberships | undefined, versions: Partial<Record<ExclusionListType, number>>): ExclusionListType[] {
  return EXCLUSION_LIST_TYPES.filter((type) => {
    const current = versions[type];
    return current !== undefined && (entry?.lists[type]?.versions.includes(current) ?? false);
  });
}

/**
 * How long an import may run: the timeout of the function that runs it, after which Cloud
 * Functions stops it. An import still `running` later than that has lost the process that would
 * have completed or failed it.
 */
export const IMPORT_TIMEOUT_SECONDS = 3600;

/** What an import record calls for at `now`: `expire` once it has run past its timeout. */
export function importExpiry(record: { status: "running" | "completed" | "failed"; startedAt: Date }, now: Date): "expire" | "finished" | "not-yet-due" {
  if (record.status !== "running") return "finished";
  return now.getTime() - record.startedAt.getTime() > IMPORT_TIMEOUT_SECONDS * 1000 ? "expire" : "not-yet-due";
}
