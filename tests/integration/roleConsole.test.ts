import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { actKeyId, entryId } from "../../functions/src/domain/audit/chain.js";
import { URLS } from "../../scripts/stack/config.js";
import { adminAuth, adminDb } from "../support/admin.js";
import { accountWith, call, signUp } from "../support/stack.js";

/**
 * The program office's role console on the emulators: a grant's region checked against the
 * official list, the record of grants with emails and region names, revoking a role (claims back
 * to applicant, the record, the audit log), and the import function answering the browser's CORS preflight.
 */

interface Row {
  id: string;
  targetUid: string;
  email?: string;
  role: string;
  region?: string;
  regionName?: string;
  revokes?: { role: string; region?: string };
  holdsNow: boolean;
}

describe("setRegionTarget with an unknown region", () => {
  it("when the scope is no region, then the refusal is grantRole's: INVALID_ARGUMENT naming the code it got on the scope field, no placeholder left", async () => {
    const admin = await accountWith({ role: "admin" }, "admin");
    const response = await call("setRegionTarget", { requestId: randomUUID(), scope: "99", registrants: 1000 }, admin.idToken);
    expect(response.error).toMatchObject({ status: "INVALID_ARGUMENT", details: { reason: "region-unknown", region: "99", fields: [{ field: "scope" }] } });
    const details = response.error?.details as { fields: Array<{ message: { id: string; en: string } }> };
    expect(details.fields[0].message.id).toContain("Kode wilayah “99”");
    expect(details.fields[0].message.en).toContain("“99”");
    expect(response.error?.message).not.toContain("{region}");
  });
});

describe("grantRole with a region", () => {
  it("when the region is not in the official list, then the refusal names the code it got, on the region field, and nothing changes", async () => {
    const [admin, target] = await Promise.all([accountWith({ role: "admin" }, "admin"), signUp("target")]);
    const response = await call("grantRole", { requestId: randomUUID(), email: target.email, role: "operator", region: "3299" }, admin.idToken);
    expect(response.error).toMatchObject({ status: "INVALID_ARGUMENT", details: { reason: "region-unknown", region: "3299", fields: [{ field: "region" }] } });
    const details = response.error?.details as { fields: Array<{ message: { id: string; en: string } }> };
    expect(details.fields[0].message.id).toContain("“3299”");
    expect(details.fields[0].message.en).toContain("“3299”");
    expect(response.error?.message).toContain("3299");
    expect((await adminAuth.getUser(target.uid)).customClaims ?? {}).toEqual({});
  });

  it("when the region is a regency of the list, then the grant is made and listed under that region with the email and the official name", async () => {
    const [admin, target] = await Promise.all([accountWith({ role: "admin" }, "admin"), signUp("target")]);
    const requestId = randomUUID();
    const granted = await call("grantRole", { requestId, email: target.email, role: "operator", region: "3273" }, admin.idToken);
    expect(granted.error).toBeUndefined();
    const listed = await call("listRoleGrants", { role: "operator", region: "3273" }, admin.idToken);
    expect(listed.error).toBeUndefined();
    const rows = (listed.result as { grants: Row[] }).grants;
    expect(rows.find((row) => row.id === requestId)).toMatchObject({
      targetUid: target.uid,
      email: target.email,
      role: "operator",
      region: "3273",
      regionName: "Kota Bandung",
      holdsNow: true,
    });
    expect(rows.every((row) => row.role === "operator" && row.region === "3273")).toBe(true);
  });

  it("when an operator asks for the record of grants, then permission-denied", async () => {
    const operator = await accountWith({ role: "operator", region: "32" }, "operator");
    expect((await call("listRoleGrants", {}, operator.idToken)).error).toMatchObject({
      status: "PERMISSION_DENIED",
      details: { reason: "not-admin-or-auditor" },
    });
  });
});

describe("revokeRole", () => {
  it("when an admin revokes an operator, then the claims go back to applicant, the revocation is recorded and listed, and it is on the audit log", async () => {
    const [admin, operator] = await Promise.all([accountWith({ role: "admin" }, "admin"), accountWith({ role: "operator", region: "32" }, "operator")]);
    const requestId = randomUUID();
    // Revocation is kept in whole seconds: a token issued in the same second as the revocation survives it.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const revoked = await call("revokeRole", { requestId, uid: operator.uid }, admin.idToken);
    expect(revoked.error).toBeUndefined();
    expect(revoked.result).toEqual({ uid: operator.uid, revoked: { role: "operator", region: "32" }, applied: true });
    expect((await adminAuth.getUser(operator.uid)).customClaims).toEqual({ role: "applicant" });
    expect((await adminDb.doc(`roleGrants/${requestId}`).get()).data()).toMatchObject({
      targetUid: operator.uid,
      role: "applicant",
      grantedBy: admin.uid,
      revokes: { role: "operator", region: "32" },
    });

    // The operator's token was revoked with the role: it no longer reaches privileged callables.
    expect((await call("listVerificationCases", {}, operator.idToken)).error?.status).toBe("UNAUTHENTICATED");

    const key = (await adminDb.doc(`auditKeys/${actKeyId("revoke-role", admin.uid, requestId)}`).get()).data() as { chain: string; seq: number } | undefined;
    expect(key).toBeDefined();
    const entry = (await adminDb.doc(`auditChains/${key!.chain}/entries/${entryId(key!.seq)}`).get()).data();
    expect(entry).toMatchObject({ act: "revoke-role", actor: admin.uid, role: "admin", target: operator.uid, key: requestId, region: "32" });

    const again = await call("revokeRole", { requestId, uid: operator.uid }, admin.idToken);
    expect(again.result).toEqual({ uid: operator.uid, revoked: { role: "operator", region: "32" }, applied: false });

    const listed = await call("listRoleGrants", { role: "applicant" }, admin.idToken);
    const row = (listed.result as { grants: Row[] }).grants.find((r) => r.id === requestId);
    expect(row).toMatchObject({ revokes: { role: "operator", region: "32" }, holdsNow: true, email: operator.email });
  });

  it("when an admin revokes their own role, or a plain applicant's, then it is refused and nothing changes", async () => {
    const [admin, applicant] = await Promise.all([accountWith({ role: "admin" }, "admin"), signUp("plain")]);
    const own = await call("revokeRole", { requestId: randomUUID(), uid: admin.uid }, admin.idToken);
    expect(own.error).toMatchObject({ status: "FAILED_PRECONDITION", details: { reason: "own-role" } });
    expect((await adminAuth.getUser(admin.uid)).customClaims).toEqual({ role: "admin" });
    const none = await call("revokeRole", { requestId: randomUUID(), uid: applicant.uid }, admin.idToken);
    expect(none.error).toMatchObject({ status: "FAILED_PRECONDITION", details: { reason: "no-role-to-revoke" } });
  });

  it("when an auditor revokes, then permission-denied and the role stays", async () => {
    const [auditor, operator] = await Promise.all([accountWith({ role: "auditor" }, "auditor"), accountWith({ role: "operator", region: "31" }, "operator")]);
    const response = await call("revokeRole", { requestId: randomUUID(), uid: operator.uid }, auditor.idToken);
    expect(response.error).toMatchObject({ status: "PERMISSION_DENIED", details: { reason: "not-admin" } });
    expect((await adminAuth.getUser(operator.uid)).customClaims).toEqual({ role: "operator", region: "31" });
  });
});

describe("importExclusionList from the web console", () => {
  it("when the browser asks before posting (CORS preflight), then the function allows the console's origin and the Authorization header", async () => {
    const response = await fetch(`${URLS.functions}/importExclusionList?type=military`, {
      method: "OPTIONS",
      headers: { origin: URLS.webApp, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get("access-control-allow-origin")).toBe(URLS.webApp);
    expect(response.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
  });
});
