import { describe, expect, it } from "vitest";
import { memoryPorts, type MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import type { Actor } from "../../../functions/src/domain/roles.js";
import type { GrantRoleInput } from "../../../functions/src/schemas/roles.js";
import { grantRole } from "../../../functions/src/usecases/grantRole.js";
import { admin, applicantActor, auditor, operatorOf, writesOf } from "./fixtures.js";

/** grantRole through the memory adapters: Auth's claims and the grants' audit records. */

const requestId = "0b6f3c2e-8d1a-4c1e-9d2b-3f4a5b6c7d8e";

function withAccounts() {
  const memory = memoryPorts({ now: "2026-11-24T10:00:00Z" });
  memory.accounts.add("u-op", { email: "op@example.id" });
  memory.accounts.add("admin-1", { email: "admin@example.id", claims: { role: "admin" } });
  return memory;
}
const grant = (memory: MemoryPorts, input: GrantRoleInput, actor: Actor = admin) => writesOf(memory, () => grantRole(memory, actor, input, "callable"));

describe("grantRole", () => {
  it("when an admin grants a role, then the claims are set and the grant is recorded once", async () => {
    const memory = withAccounts();
    const { result, writes } = await grant(memory, { requestId, email: "op@example.id", role: "operator", region: "31" });
    expect(result).toEqual({ ok: true, value: { uid: "u-op", role: "operator", region: "31", applied: true } });
    expect(writes).toEqual(["auth/u-op", `roleGrants/${requestId}`]);
    expect(memory.state.accounts.get("u-op")?.claims).toEqual({ role: "operator", region: "31" });
    expect(memory.state.roleGrants.get(requestId)).toEqual({
      targetUid: "u-op",
      role: "operator",
      region: "31",
      grantedBy: "admin-1",
      via: "callable",
      grantedAt: new Date("2026-11-24T10:00:00Z"),
    });
    expect(memory.audit.records).toEqual([
      {
        act: "grant-role",
        actor: "admin-1",
        role: "admin",
        target: "u-op",
        key: requestId,
        at: new Date("2026-11-24T10:00:00Z"),
        details: { role: "operator", via: "callable", region: "31" },
      },
    ]);
  });

  it("when the same request is retried, then it answers as the first time with applied false and writes nothing", async () => {
    const memory = withAccounts();
    const input = { requestId, email: "op@example.id", role: "auditor" as const };
    await grant(memory, input);
    expect(await grant(memory, input)).toEqual({ result: { ok: true, value: { uid: "u-op", role: "auditor", applied: false } }, writes: [] });
    expect(memory.state.roleGrants.size).toBe(1);
    expect(memory.audit.records.map((r) => [r.act, r.key])).toEqual([["grant-role", requestId]]);
  });

  it("when two calls with one request ID arrive together, then the grant is recorded once", async () => {
    const memory = withAccounts();
    const input = { requestId, email: "op@example.id", role: "auditor" as const };
    const outcomes = await Promise.all([grantRole(memory, admin, input, "callable"), grantRole(memory, admin, input, "callable")]);
    expect(outcomes.map((o) => o.ok && o.value.applied).sort()).toEqual([false, true]);
    expect(memory.writes.filter((w) => w.startsWith("roleGrants/"))).toHaveLength(1);
  });

  it("when a request ID is reused for a different grant, then request-id-reused and nothing changes", async () => {
    const memory = withAccounts();
    await grant(memory, { requestId, email: "op@example.id", role: "auditor" });
    expect(await grant(memory, { requestId, email: "op@example.id", role: "admin" })).toEqual({
      result: { ok: false, reason: "request-id-reused" },
      writes: [],
    });
    expect(memory.state.accounts.get("u-op")?.claims).toEqual({ role: "auditor" });
  });

  it("when the email has no account, then unknown-account and nothing is written", async () => {
    const memory = withAccounts();
    expect(await grant(memory, { requestId, email: "nobody@example.id", role: "auditor" })).toEqual({
      result: { ok: false, reason: "unknown-account" },
      writes: [],
    });
  });

  it("when an admin grants themself a role, then own-role and nothing is written", async () => {
    const memory = withAccounts();
    expect(await grant(memory, { requestId, email: "admin@example.id", role: "auditor" })).toEqual({ result: { ok: false, reason: "own-role" }, writes: [] });
    expect(memory.state.accounts.get("admin-1")?.claims).toEqual({ role: "admin" });
  });

  it("when a non-admin names an email with an account and one without, then both answers are not-admin and nothing is written", async () => {
    const memory = withAccounts();
    for (const actor of [operatorOf("31"), auditor, applicantActor("u-op")]) {
      const existing = await grant(memory, { requestId, email: "op@example.id", role: "admin" }, actor);
      const missing = await grant(memory, { requestId, email: "nobody@example.id", role: "admin" }, actor);
      expect(existing).toEqual({ result: { ok: false, reason: "not-admin" }, writes: [] });
      expect(missing).toEqual(existing);
    }
  });
});
