import { describe, expect, it } from "vitest";
import { drawManifest, poolPage } from "../../functions/src/schemas/draw.js";

const hex = (c: string) => c.repeat(64);
const manifest = {
  algorithm: "prakerja-draw-v1",
  waveId: "2026-w1",
  poolRoot: hex("a"),
  poolSize: 5,
  pool: {
    pageSize: 4,
    pages: [
      { href: "pool/000000.json", count: 4, root: hex("b") },
      { href: "pool/000001.json", count: 1, root: hex("c") },
    ],
  },
  seedCommitment: hex("d"),
  seed: hex("e"),
  beacon: { source: "https://api.drand.sh/public", round: 42, value: hex("f") },
  quota: 1,
  familyLimit: 2,
  strata: { kind: "shares", basisPoints: { "31": 5000 } },
  winners: { count: 1, digest: hex("1"), pids: ["abc"] },
  result: { strata: {}, national: { seats: 1, selected: 1, cutoff: { priority: false, rank: hex("2"), pid: "abc" } }, skippedForFamilyLimit: 0 },
  excludedByReason: { "civil-servant": 3 },
  byProvince: { "31": { pool: 5, winners: 1 } },
  createdAt: "2026-12-16T09:00:00+07:00",
};
const issues = (value: unknown) => {
  const out = drawManifest.safeParse(value);
  return out.success ? [] : out.error.issues.map((i) => i.message);
};

describe("the draw manifest schema", () => {
  it("when the manifest is well formed, then it parses", () => {
    expect(issues(manifest)).toEqual([]);
  });

  it("when a page other than the last is not full, or counts do not add up, then it is refused", () => {
    expect(
      issues({
        ...manifest,
        pool: {
          ...manifest.pool,
          pages: [
            { ...manifest.pool.pages[0], count: 3 },
            { ...manifest.pool.pages[1], count: 2 },
          ],
        },
      }),
    ).toContain("pages-not-full");
    expect(issues({ ...manifest, poolSize: 6 })).toContain("pages-do-not-add-up-to-pool-size");
    expect(issues({ ...manifest, pool: { ...manifest.pool, pageSize: 3 } })).toContain("page-size-not-power-of-two");
  });

  it("when winners are both inline and paged, or their count is off, then it is refused", () => {
    expect(issues({ ...manifest, winners: { ...manifest.winners, pages: [{ href: "w/0.json", count: 1 }] } })).toContain("winners-inline-or-paged");
    expect(issues({ ...manifest, winners: { ...manifest.winners, count: 2 } })).toContain("winners-do-not-add-up");
  });

  it("when shares exceed the whole quota or a share is fractional, then it is refused", () => {
    expect(issues({ ...manifest, strata: { kind: "shares", basisPoints: { "31": 6000, "32": 4001 } } })).toContain("shares-exceed-whole");
    expect(issues({ ...manifest, strata: { kind: "shares", basisPoints: { "31": 0.2 } } })).not.toEqual([]);
  });

  it("when a page's href would leave the bundle or is not https, then it is refused", () => {
    for (const href of ["../secret.json", "pool/../../x.json", "http://example.com/p.json", "/etc/passwd", "file:///etc/passwd"]) {
      expect(issues({ ...manifest, pool: { ...manifest.pool, pages: [{ ...manifest.pool.pages[0], href }, manifest.pool.pages[1]] } })).not.toEqual([]);
    }
  });

  it("when a pool entry carries anything but pseudonymous fields, then it is refused", () => {
    const page = { waveId: "2026-w1", page: 0, pageSize: 4, entries: [{ pid: "abc", family: "fam", familyRecipientsBefore: 0 }] };
    expect(poolPage.safeParse(page).success).toBe(true);
    expect(poolPage.safeParse({ ...page, entries: [{ pid: "3171011203900001!", family: "fam", familyRecipientsBefore: 0 }] }).success).toBe(false);
    expect(poolPage.safeParse({ ...page, entries: [{ pid: "abc", family: "fam,x", familyRecipientsBefore: 0 }] }).success).toBe(false);
    expect(poolPage.safeParse({ ...page, entries: [{ pid: "abc", family: "fam", familyRecipientsBefore: 0, nik: "3171011203900001" }] }).success).toBe(false);
  });
});
