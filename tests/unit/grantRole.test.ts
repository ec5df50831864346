import { describe, expect, it } from "vitest";
import type { RoleClaims } from "../../functions/src/domain/roles.js";
import type { RoleGrantDoc } from "../../functions/src/schemas/documents.js";
import { grantRole, type GrantRolePorts } from "../../functions/src/usecases/grantRole.js";

/** In-memory ports: the use case's own contract, exercised without any Firebase. */
function memoryPorts(emails: Record<string, string>) {
  const claims = new Map<string, RoleClaims>();
  const grants = new Map<string, RoleGrantDoc>();
  const calls = { setRole: 0 };
  const ports: GrantRolePorts = {
    accounts: {
      uidByEmail: async (email) => emails[email] ?? null,
      setRole: async (uid, value) => {
        calls.setRole += 1;
        claims.set(uid, value);
      },
    },
    grants: {
      find: async (id) => grants.get(id) ?? null,
      recordOnce: async (id, grant) => {
        if (grants.has(id)) return false;
        grants.set(id, grant);
        return true;
      },
    },
    clock: { now: () => new Date("2026-11-24T10:00:00Z") },
  };
  return { ports, claims, grants, calls };
}

const admin = { uid: "admin-1", claims: { role: "admin" as const } };
const requestId = "0b6f3c2e-8d1a-4c1e-9d2b-3f4a5b6c7d8e";

describe("grantRole use case", () => {
  it("when an admin grants a role, then the claims are set and the grant is recorded once", async () => {
    const { ports, claims, grants } = memoryPorts({ "op@example.id": "u-op" });
    const outcome = await grantRole(ports, admin, { requestId, email: "op@example.id", role: "operator", region: "31" }, "callable");
    expect(outcome).toEqual({ ok: true, value: { uid: "u-op", role: "operator", region: "31", applied: true } });
    expect(claims.get("u-op")).toEqual({ role: "operator", region: "31" });
    expect(grants.get(requestId)).toMatchObject({ targetUid: "u-op", role: "operator", region: "31", grantedBy: "admin-1", via: "callable" });
  });

  it("when the same request is retried, then nothing is applied twice", async () => {
    const { ports, grants, calls } = memoryPorts({ "op@example.id": "u-op" });
    const input = { requestId, email: "op@example.id", role: "auditor" as const };
    await grantRole(ports, admin, input, "callable");
    const retry = await grantRole(ports, admin, input, "callable");
    expect(retry).toEqual({ ok: true, value: { uid: "u-op", role: "auditor", applied: false } });
    expect(grants.size).toBe(1);
    expect(calls.setRole).toBe(1);
  });

  it("when a request id is reused for a different grant, then it is refused and nothing changes", async () => {
    const { ports, claims } = memoryPorts({ "op@example.id": "u-op" });
    await grantRole(ports, admin, { requestId, email: "op@example.id", role: "auditor" }, "callable");
    const reused = await grantRole(ports, admin, { requestId, email: "op@example.id", role: "admin" }, "callable");
    expect(reused).toEqual({ ok: false, reason: "request-id-reused" });
    expect(claims.get("u-op")).toEqual({ role: "auditor" });
  });

  it("when the email has no account, then it is refused as unknown-account", async () => {
    const { ports, grants } = memoryPorts({});
    expect(await grantRole(ports, admin, { requestId, email: "nobody@example.id", role: "auditor" }, "callable")).toEqual({ ok: false, reason: "unknown-account" });
    expect(grants.size).toBe(0);
  });

  it("when an operator tries to grant, then it is refused and nothing is written", async () => {
    const { ports, claims, grants } = memoryPorts({ "x@example.id": "u-x" });
    const operator = { uid: "op", claims: { role: "operator" as const, region: "31" } };
    expect(await grantRole(ports, operator, { requestId, email: "x@example.id", role: "admin" }, "callable")).toEqual({ ok: false, reason: "not-admin" });
    expect(claims.size + grants.size).toBe(0);
  });
});
