import { describe, expect, it } from "vitest";
import { canSeeRegion, coversRegion, decideRoleGrant, type Actor } from "../../functions/src/domain/roles.js";

const admin: Actor = { uid: "admin-1", claims: { role: "admin" } };

describe("decideRoleGrant", () => {
  it("when an admin grants an operator role, then the region is kept", () => {
    expect(decideRoleGrant(admin, "u2", { role: "operator", region: "3171" })).toEqual({ ok: true, claims: { role: "operator", region: "3171" } });
  });

  it("when an admin grants a non-operator role, then no region is carried", () => {
    expect(decideRoleGrant(admin, "u2", { role: "auditor", region: "31" })).toEqual({ ok: true, claims: { role: "auditor" } });
  });

  it.each(["applicant", "operator", "auditor"] as const)("when a %s grants a role, then it is refused as not-admin", (role) => {
    const actor: Actor = { uid: "x", claims: role === "operator" ? { role, region: "31" } : { role } };
    expect(decideRoleGrant(actor, "u2", { role: "admin" })).toEqual({ ok: false, reason: "not-admin" });
  });

  it("when an admin changes their own role, then it is refused", () => {
    expect(decideRoleGrant(admin, "admin-1", { role: "applicant" })).toEqual({ ok: false, reason: "own-role" });
  });
});

describe("region scope", () => {
  it("when the scope is a province, then its regencies and districts are covered", () => {
    expect(coversRegion("31", "3171")).toBe(true);
    expect(coversRegion("31", "317101")).toBe(true);
    expect(coversRegion("31", "3271")).toBe(false);
  });

  it("when the scope is a regency, then the rest of the province is not covered", () => {
    expect(coversRegion("3171", "317101")).toBe(true);
    expect(coversRegion("3171", "3172")).toBe(false);
    expect(coversRegion("3171", "31")).toBe(false);
  });

  it("when the reader is an admin or auditor, then every region is visible; an applicant sees none", () => {
    expect(canSeeRegion({ role: "admin" }, "9471")).toBe(true);
    expect(canSeeRegion({ role: "auditor" }, "9471")).toBe(true);
    expect(canSeeRegion({ role: "applicant" }, "9471")).toBe(false);
    expect(canSeeRegion({ role: "operator" }, "9471")).toBe(false);
    expect(canSeeRegion({ role: "operator", region: "94" }, "9471")).toBe(true);
  });
});
