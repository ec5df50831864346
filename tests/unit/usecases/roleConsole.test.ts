import { describe, expect, it } from "vitest";
import { memoryPorts } from "../../../functions/src/adapters/memory/index.js";
import { grantRole } from "../../../functions/src/usecases/grantRole.js";
import { GRANTS_PER_PAGE, listRoleGrants, regionNameOf } from "../../../functions/src/usecases/listRoleGrants.js";
import { claimsOf, revokeRole } from "../../../functions/src/usecases/revokeRole.js";
import { admin, applicantActor, auditor, operatorOf, writesOf } from "./fixtures.js";

/** The program office's role console through the memory adapters: grants checked against the region list, revocations, the record. */

const ids = ["0b6f3c2e-8d1a-4c1e-9d2b-3f4a5b6c7d8e", "1c7a4d3f-9e2b-4d2f-8e3c-4a5b6c7d8e9f", "2d8b5e4a-af3c-4e3a-9f4d-5b6c7d8e9fa0"] as const;

function withAccounts() {
  const memory = memoryPorts({ now: "2026-11-24T10:00:00Z" });
  memory.accounts.add("admin-1", { email: "admin@example.id", claims: { role: "admin" } });
  memory.accounts.add("u-op", { email: "op@example.id" });
  memory.accounts.add("u-aud", { email: "aud@example.id", claims: { role: "auditor" } });
  memory.accounts.add("u-plain", { email: "plain@example.id" });
  return memory;
}

describe("grantRole: the operator's region must be in the official list", () => {
  it.each(["99", "3199", "1", "31a"])("when the region is %s, then the grant is refused naming the code, and nothing is written", async (region) => {
    const memory = withAccounts();
    const { result, writes } = await writesOf(memory, () =>
      grantRole(memory, admin, { requestId: ids[0], email: "op@example.id", role: "operator", region }, "callable"),
    );
    expect(result).toEqual({ ok: false, reason: "region-unknown", details: { region } });
    expect(writes).toEqual([]);
  });

  it.each([
    ["32", "JAWA BARAT"],
    ["3273", "KOTA BANDUNG"],
  ])("when the region is %s, then the grant is made", async (region, name) => {
    const memory = withAccounts();
    const { result } = await writesOf(memory, () =>
      grantRole(memory, admin, { requestId: ids[0], email: "op@example.id", role: "operator", region }, "callable"),
    );
    expect(result).toEqual({ ok: true, value: { uid: "u-op", role: "operator", region, applied: true } });
    expect(regionNameOf(region)?.toUpperCase()).toBe(name);
  });
});

describe("revokeRole", () => {
  it("when an admin revokes an operator's role, then the claims go back to applicant, the revocation is recorded with the role it ended, and it is on the audit log", async () => {
    const memory = withAccounts();
    await grantRole(memory, admin, { requestId: ids[0], email: "op@example.id", role: "operator", region: "3273" }, "callable");
    memory.clock.set("2026-11-24T11:00:00Z");
    const { result, writes } = await writesOf(memory, () => revokeRole(memory, admin, { requestId: ids[1], uid: "u-op" }));
    expect(result).toEqual({ ok: true, value: { uid: "u-op", revoked: { role: "operator", region: "3273" }, applied: true } });
    expect(writes).toEqual(["auth/u-op", `roleGrants/${ids[1]}`]);
    expect(memory.state.accounts.get("u-op")?.claims).toEqual({ role: "applicant" });
    expect(memory.state.roleGrants.get(ids[1])).toMatchObject({
      targetUid: "u-op",
      role: "applicant",
      grantedBy: "admin-1",
      via: "callable",
      revokes: { role: "operator", region: "3273" },
    });
    expect(memory.audit.records.filter((record) => record.act === "revoke-role")).toEqual([
      expect.objectContaining({
        act: "revoke-role",
        actor: "admin-1",
        role: "admin",
        target: "u-op",
        key: ids[1],
        region: "3273",
        details: { revokedRole: "operator" },
      }),
    ]);
  });

  it("when the same revocation is retried, then it answers applied false, writes nothing and logs it once", async () => {
    const memory = withAccounts();
    await revokeRole(memory, admin, { requestId: ids[1], uid: "u-aud" });
    const { result, writes } = await writesOf(memory, () => revokeRole(memory, admin, { requestId: ids[1], uid: "u-aud" }));
    expect(result).toEqual({ ok: true, value: { uid: "u-aud", revoked: { role: "auditor" }, applied: false } });
    expect(writes).toEqual([]);
    expect(memory.audit.records.filter((r) => r.act === "revoke-role")).toHaveLength(1);
  });

  it("when a request ID of a grant is reused for a revocation, then request-id-reused", async () => {
    const memory = withAccounts();
    await grantRole(memory, admin, { requestId: ids[0], email: "op@example.id", role: "auditor" }, "callable");
    expect(await revokeRole(memory, admin, { requestId: ids[0], uid: "u-op" })).toEqual({ ok: false, reason: "request-id-reused" });
  });

  it("when an admin revokes their own role, then own-role and nothing is written", async () => {
    const memory = withAccounts();
    const { result, writes } = await writesOf(memory, () => revokeRole(memory, admin, { requestId: ids[1], uid: "admin-1" }));
    expect(result).toEqual({ ok: false, reason: "own-role" });
    expect(writes).toEqual([]);
    expect(memory.audit.records).toEqual([]);
  });

  it("when someone other than an admin revokes, then not-admin before anything is read", async () => {
    const memory = withAccounts();
    for (const actor of [auditor, operatorOf("31"), applicantActor("u-plain")]) {
      expect(await revokeRole(memory, actor, { requestId: ids[1], uid: "u-aud" })).toEqual({ ok: false, reason: "not-admin" });
    }
    expect(memory.state.accounts.get("u-aud")?.claims).toEqual({ role: "auditor" });
  });

  it("when the account has no role or does not exist, then no-role-to-revoke or no-such-account", async () => {
    const memory = withAccounts();
    expect(await revokeRole(memory, admin, { requestId: ids[1], uid: "u-plain" })).toEqual({ ok: false, reason: "no-role-to-revoke" });
    expect(await revokeRole(memory, admin, { requestId: ids[2], uid: "nobody" })).toEqual({ ok: false, reason: "no-such-account" });
    expect(memory.audit.records).toEqual([]);
  });

  it("when stored claims are unreadable, then they count as an applicant's", () => {
    expect(claimsOf({ role: "wizard" })).toEqual({ role: "applicant" });
    expect(claimsOf({ role: "operator", region: "32" })).toEqual({ role: "operator", region: "32" });
  });
});

describe("listRoleGrants", () => {
  it("when an admin lists operators of a region, then each grant comes with the emails, the region's name and whether it holds now", async () => {
    const memory = withAccounts();
    await grantRole(memory, admin, { requestId: ids[0], email: "op@example.id", role: "operator", region: "32" }, "callable");
    await grantRole(memory, admin, { requestId: ids[1], email: "plain@example.id", role: "operator", region: "31" }, "callable");
    await revokeRole(memory, admin, { requestId: ids[2], uid: "u-plain" });
    const result = await listRoleGrants(memory, admin, { role: "operator", region: "32" });
    expect(result).toEqual({
      ok: true,
      value: {
        grants: [
          {
            id: ids[0],
            targetUid: "u-op",
            email: "op@example.id",
            role: "operator",
            region: "32",
            regionName: "Jawa Barat",
            grantedBy: "admin-1",
            grantedByEmail: "admin@example.id",
            via: "callable",
            grantedAt: "2026-11-24T10:00:00.000Z",
            holdsNow: true,
          },
        ],
        next: null,
      },
    });
    const all = await listRoleGrants(memory, auditor, {});
    const rows = all.ok ? all.value.grants : [];
    expect(rows.map((row) => [row.id, row.role, row.holdsNow])).toEqual(
      expect.arrayContaining([
        [ids[1], "operator", false],
        [ids[2], "applicant", true],
      ]),
    );
    expect(rows.find((row) => row.id === ids[2])?.revokes).toEqual({ role: "operator", region: "31" });
    expect(rows.find((row) => row.id === ids[2])?.revokedHeldAgain).toBe(false);
    expect(rows.find((row) => row.id === ids[0])).not.toHaveProperty("revokedHeldAgain");
  });

  it("when a revoked account is granted the same role again, then the revocation's row says so (and a grant of another role does not)", async () => {
    const memory = withAccounts();
    await grantRole(memory, admin, { requestId: ids[0], email: "plain@example.id", role: "operator", region: "31" }, "callable");
    await revokeRole(memory, admin, { requestId: ids[1], uid: "u-plain" });
    await grantRole(memory, admin, { requestId: ids[2], email: "plain@example.id", role: "operator", region: "31" }, "callable");
    const again = await listRoleGrants(memory, admin, {});
    const revocation = (again.ok ? again.value.grants : []).find((row) => row.id === ids[1]);
    expect(revocation).toMatchObject({ role: "applicant", holdsNow: false, revokedHeldAgain: true });
  });

  it("when there are more grants than a page, then the cursor leads through every grant once, newest first", async () => {
    const memory = withAccounts();
    const total = GRANTS_PER_PAGE + 3;
    for (let i = 0; i < total; i += 1) {
      memory.state.roleGrants.set(`g-${String(i).padStart(3, "0")}`, {
        targetUid: "u-op",
        role: "auditor",
        grantedBy: "admin-1",
        via: "command",
        grantedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      });
    }
    const first = await listRoleGrants(memory, admin, {});
    if (!first.ok) throw new Error(first.reason);
    expect(first.value.grants).toHaveLength(GRANTS_PER_PAGE);
    expect(first.value.grants[0].id).toBe(`g-0${total - 1}`);
    const second = await listRoleGrants(memory, admin, { cursor: first.value.next ?? undefined });
    if (!second.ok) throw new Error(second.reason);
    expect(second.value).toMatchObject({ next: null });
    expect(new Set([...first.value.grants, ...second.value.grants].map((g) => g.id)).size).toBe(total);
  });

  it("when an operator or applicant asks, then not-admin-or-auditor", async () => {
    const memory = withAccounts();
    for (const actor of [operatorOf("32"), applicantActor("u-plain")])
      expect(await listRoleGrants(memory, actor, {})).toEqual({ ok: false, reason: "not-admin-or-auditor" });
  });
});
