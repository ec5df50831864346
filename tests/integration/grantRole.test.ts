import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { adminAuth, adminDb } from "../support/admin.js";
import { accountWith, call, signIn, signUp } from "../support/stack.js";

/** The grantRole callable over HTTP through the functions emulator, with Auth emulator tokens. */

const grantsFor = async (uid: string) => (await adminDb.collection("roleGrants").where("targetUid", "==", uid).get()).docs;

describe("grantRole", () => {
  it("when nobody is signed in, then it answers unauthenticated", async () => {
    const response = await call("grantRole", { requestId: randomUUID(), email: "x@example.id", role: "auditor" });
    expect(response.error?.status).toBe("UNAUTHENTICATED");
  });

  it("when an applicant calls it, then it is permission-denied and nothing is written", async () => {
    const [applicant, target] = await Promise.all([accountWith(null, "applicant"), signUp("target")]);
    const response = await call("grantRole", { requestId: randomUUID(), email: target.email, role: "admin" }, applicant.idToken);
    expect(response.error).toMatchObject({ status: "PERMISSION_DENIED", details: { reason: "not-admin" } });
    expect(await grantsFor(target.uid)).toHaveLength(0);
    expect((await adminAuth.getUser(target.uid)).customClaims ?? {}).toEqual({});
  });

  it("when a non-admin names an email with an account and one without, then both answers are the same", async () => {
    const [operator, target] = await Promise.all([accountWith({ role: "operator", region: "31" }, "operator"), signUp("target")]);
    const answer = async (email: string) => {
      const { status, error } = await call("grantRole", { requestId: randomUUID(), email, role: "auditor" }, operator.idToken);
      return { status, error };
    };
    const [existing, missing] = await Promise.all([answer(target.email), answer(`nobody-${randomUUID()}@example.id`)]);
    expect(existing.error).toMatchObject({ status: "PERMISSION_DENIED", details: { reason: "not-admin" } });
    expect(missing).toEqual(existing);
  });

  it("when an admin's account is disabled, then their still-valid token is refused at once", async () => {
    const [admin, target] = await Promise.all([accountWith({ role: "admin" }, "admin"), signUp("target")]);
    await adminAuth.updateUser(admin.uid, { disabled: true });
    const response = await call("grantRole", { requestId: randomUUID(), email: target.email, role: "auditor" }, admin.idToken);
    expect(response.error?.status).toBe("UNAUTHENTICATED");
    expect(await grantsFor(target.uid)).toHaveLength(0);
  });

  it("when the input is malformed, then each bad field is named in both languages and nothing is written", async () => {
    const [admin, target] = await Promise.all([accountWith({ role: "admin" }, "admin"), signUp("target")]);
    const response = await call("grantRole", { requestId: "not-a-uuid", email: target.email, role: "operator", region: "3" }, admin.idToken);
    expect(response.error?.status).toBe("INVALID_ARGUMENT");
    const fields = (response.error?.details as { fields: Array<{ field: string; message: { id: string; en: string } }> }).fields;
    expect(fields.map((f) => f.field).sort()).toEqual(["region", "requestId"]);
    expect(fields.find((f) => f.field === "region")?.message).toEqual({
      id: "Kode wilayah harus 2 digit (provinsi) atau 4 digit (kabupaten/kota).",
      en: "Region code must be 2 digits (province) or 4 digits (regency/city).",
    });
    expect(await grantsFor(target.uid)).toHaveLength(0);
  });

  it("when an admin grants an operator role, then the account's token carries it and the grant is audited", async () => {
    const [admin, target] = await Promise.all([accountWith({ role: "admin" }, "admin"), signUp("target")]);
    const requestId = randomUUID();
    const response = await call("grantRole", { requestId, email: target.email, role: "operator", region: "3171" }, admin.idToken);
    expect(response.result).toEqual({ uid: target.uid, role: "operator", region: "3171", applied: true });

    const refreshed = await signIn(target.email);
    const payload = JSON.parse(Buffer.from(refreshed.idToken.split(".")[1], "base64url").toString()) as Record<string, unknown>;
    expect(payload).toMatchObject({ role: "operator", region: "3171" });

    const grant = (await adminDb.doc(`roleGrants/${requestId}`).get()).data();
    expect(grant).toMatchObject({ targetUid: target.uid, role: "operator", region: "3171", grantedBy: admin.uid, via: "callable" });
  });

  it("when the same request arrives five times at once, then one grant is recorded and every call succeeds", async () => {
    const [admin, target] = await Promise.all([accountWith({ role: "admin" }, "admin"), signUp("target")]);
    const input = { requestId: randomUUID(), email: target.email, role: "auditor" };
    const responses = await Promise.all(Array.from({ length: 5 }, () => call("grantRole", input, admin.idToken)));
    expect(responses.map((r) => r.error)).toEqual(Array(5).fill(undefined));
    expect(responses.filter((r) => (r.result as { applied: boolean }).applied).length).toBeLessThanOrEqual(5);
    expect(await grantsFor(target.uid)).toHaveLength(1);
    expect((await adminAuth.getUser(target.uid)).customClaims).toEqual({ role: "auditor" });
  });

  it("when an admin tries to change their own role, then it is a failed precondition", async () => {
    const admin = await accountWith({ role: "admin" }, "admin");
    const response = await call("grantRole", { requestId: randomUUID(), email: admin.email, role: "applicant" }, admin.idToken);
    expect(response.error).toMatchObject({ status: "FAILED_PRECONDITION", details: { reason: "own-role" } });
    expect(await grantsFor(admin.uid)).toHaveLength(0);
  });

  it("when the email has no account, then it is not-found", async () => {
    const admin = await accountWith({ role: "admin" }, "admin");
    const response = await call("grantRole", { requestId: randomUUID(), email: `nobody-${randomUUID()}@example.id`, role: "auditor" }, admin.idToken);
    expect(response.error).toMatchObject({ status: "NOT_FOUND", details: { reason: "unknown-account" } });
  });
});
