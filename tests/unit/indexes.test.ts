import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * Firestore indexes every field unless told otherwise. Personal data must not sit in an index in
 * clear, and timestamps written by every registration would make an index hotspot at the
 * 1,333 registrations/s peak: firestore.indexes.json exempts them.
 */
const overrides = (
  JSON.parse(readFileSync("firestore.indexes.json", "utf8")) as {
    fieldOverrides: Array<{ collectionGroup: string; fieldPath: string; indexes: unknown[] }>;
  }
).fieldOverrides;

const unindexed = (collection: string, field: string) =>
  overrides.some((o) => o.collectionGroup === collection && o.fieldPath === field && o.indexes.length === 0);

describe("firestore.indexes.json", () => {
  it.each(["nik", "kk", "fullName", "phone", "birthDate"])("when an applicant's %s is stored, then it is in no index", (field) => {
    expect(unindexed("applicants", field)).toBe(true);
  });

  it.each([
    ["applicants", "registeredAt"],
    ["applicants", "consent.at"],
    ["applicants", "eligibility.checkedAt"],
    ["nikIndex", "at"],
  ])("when every registration writes %s.%s, then it is not indexed (no sequential-index hotspot)", (collection, field) => {
    expect(unindexed(collection, field)).toBe(true);
  });

  it("when a partner's signature is recorded against replays, then a TTL policy on expiresAt deletes it, and expiresAt is not indexed", () => {
    const override = overrides.find((o) => o.collectionGroup === "usedSignatures" && o.fieldPath === "expiresAt") as { ttl?: boolean } | undefined;
    expect(override?.ttl).toBe(true);
    expect(unindexed("usedSignatures", "expiresAt")).toBe(true);
  });
});
