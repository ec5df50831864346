import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { actKeyId, entryId } from "../../functions/src/domain/audit/chain.js";
import { COLLECTIONS } from "../../functions/src/schemas/collections.js";
import { MESSAGES } from "../../functions/src/schemas/messages.js";
import { adminDb } from "../support/admin.js";
import { ensureProgramYear, person } from "../support/people.js";
import { accountWith, call, type SignedIn } from "../support/stack.js";

/**
 * The personal-data vault's access over HTTP: revealPersonalData as operators of 31, 32, 3171 and
 * 3172, an admin, an auditor and the person; downloadMyData as the person. Each allowed act is read
 * back from the audit log as engineer B's adapter stores it (auditKeys/{actKeyId} → the entry in
 * auditChains/{chain}/entries/{seq}).
 */

beforeAll(ensureProgramYear);

const auditKey = z.object({ chain: z.string(), seq: z.number().int() });
const auditEntry = z.object({
  act: z.string(),
  actor: z.string(),
  role: z.string(),
  target: z.string(),
  key: z.string(),
  region: z.string().optional(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

/** The audit entry of (act, actor, key), or null when none was recorded. */
async function audited(act: string, actor: string, key: string) {
  const keyDoc = await adminDb.doc(`${COLLECTIONS.auditKeys}/${actKeyId(act, actor, key)}`).get();
  if (!keyDoc.exists) return null;
  const { chain, seq } = auditKey.parse(keyDoc.data());
  const entry = await adminDb.doc(`${COLLECTIONS.auditChains}/${chain}/${COLLECTIONS.auditEntries}/${entryId(seq)}`).get();
  return auditEntry.parse(entry.data());
}

/** A person registered online, living in `districtCode`: their account and the form they sent. */
async function registered(districtCode: string) {
  const account = await accountWith(null, "applicant");
  const form = person({ districtCode });
  const response = await call("register", form, account.idToken);
  if (response.error !== undefined) throw new Error(`register: ${response.error.message}`);
  return { account, form, phone: `+62${form.phone.slice(1)}` };
}

const ask = (who: SignedIn, uid: string, field: string, purpose = "desk-verification", note?: string) => {
  const requestId = randomUUID();
  return call("revealPersonalData", { requestId, uid, field, purpose, ...(note === undefined ? {} : { note }) }, who.idToken).then((response) => ({
    response,
    key: `${requestId}:${uid}:${field}`,
  }));
};

describe("revealPersonalData", () => {
  it("when an operator of province 31 reveals the NIK of a person living in 3171, then they get it and the reveal is on the audit log", async () => {
    const operator = await accountWith({ role: "operator", region: "31" }, "operator");
    const { account, form } = await registered("317101");
    const { response, key } = await ask(operator, account.uid, "nik");
    expect(response.result).toEqual({ value: form.nik });
    const entry = await audited("reveal-personal-data", operator.uid, key);
    expect(entry).toMatchObject({
      act: "reveal-personal-data",
      actor: operator.uid,
      role: "operator",
      target: account.uid,
      region: "317101",
      details: { field: "nik", purpose: "desk-verification" },
    });
    expect(JSON.stringify(entry)).not.toContain(form.nik);
  });

  it("when an operator of province 32 asks for a person living in 3171, then it is permission-denied and nothing is recorded", async () => {
    const operator = await accountWith({ role: "operator", region: "32" }, "operator");
    const { account } = await registered("317101");
    const { response, key } = await ask(operator, account.uid, "nik");
    expect(response.error).toMatchObject({ status: "PERMISSION_DENIED", details: { reason: "person-outside-region" } });
    expect(response.result).toBeUndefined();
    expect(await audited("reveal-personal-data", operator.uid, key)).toBeNull();
  });

  it("when an operator of regency 3172 asks for a person of 3171 (same province), then it is denied; an operator of 3171 gets the phone", async () => {
    const { account, phone } = await registered("317101");
    const other = await accountWith({ role: "operator", region: "3172" }, "operator");
    const denied = await ask(other, account.uid, "phone");
    expect(denied.response.error).toMatchObject({ status: "PERMISSION_DENIED", details: { reason: "person-outside-region" } });
    expect(await audited("reveal-personal-data", other.uid, denied.key)).toBeNull();

    const own = await accountWith({ role: "operator", region: "3171" }, "operator");
    const allowed = await ask(own, account.uid, "phone");
    expect(allowed.response.result).toEqual({ value: phone });
    expect(await audited("reveal-personal-data", own.uid, allowed.key)).toMatchObject({ region: "317101", details: { field: "phone" } });
  });

  it("when an admin reveals a full name for a stated other purpose, then they get it and the note is recorded", async () => {
    const admin = await accountWith({ role: "admin" }, "admin");
    const { account, form } = await registered("520101");
    const { response, key } = await ask(admin, account.uid, "fullName", "other", "court order 12/2026");
    expect(response.result).toEqual({ value: form.fullName });
    expect(await audited("reveal-personal-data", admin.uid, key)).toMatchObject({
      role: "admin",
      region: "520101",
      details: { field: "fullName", purpose: "other", note: "court order 12/2026" },
    });
  });

  it.each([
    ["an auditor", { role: "auditor" }],
    ["an applicant", null],
  ])("when %s asks, then it is permission-denied (not-operator-or-admin) and nothing is recorded", async (_, claims) => {
    const caller = await accountWith(claims, "caller");
    const { account } = await registered("317101");
    const { response, key } = await ask(caller, account.uid, "kk");
    expect(response.error).toMatchObject({ status: "PERMISSION_DENIED", details: { reason: "not-operator-or-admin" } });
    expect(await audited("reveal-personal-data", caller.uid, key)).toBeNull();
  });

  it("when the person asks for their own NIK through it, then it is refused: they download their data instead", async () => {
    const { account } = await registered("317101");
    const { response } = await ask(account, account.uid, "nik");
    expect(response.error).toMatchObject({ status: "PERMISSION_DENIED", details: { reason: "not-operator-or-admin" } });
  });

  it("when nobody is registered under the uid, then it is not-found (registrant-not-found)", async () => {
    const admin = await accountWith({ role: "admin" }, "admin");
    const { response } = await ask(admin, `missing-${randomUUID()}`, "nik");
    expect(response.error).toMatchObject({ status: "NOT_FOUND", details: { reason: "registrant-not-found" } });
  });

  it("when the purpose is other without a note, then it is invalid-argument on the note", async () => {
    const admin = await accountWith({ role: "admin" }, "admin");
    const { account } = await registered("317101");
    const { response } = await ask(admin, account.uid, "nik", "other");
    expect(response.error).toMatchObject({
      status: "INVALID_ARGUMENT",
      details: { fields: [{ field: "note", code: "custom", message: MESSAGES["reveal-note-required"] }] },
    });
  });
});

describe("downloadMyData", () => {
  it("when a registered person downloads their data, then their registration comes opened, without seals or hashes, and the download is on the audit log", async () => {
    const { account, form, phone } = await registered("317101");
    const requestId = randomUUID();
    const response = await call("downloadMyData", { requestId }, account.idToken);
    expect(response.error).toBeUndefined();
    expect(response.result).toMatchObject({
      format: "prakerja-my-data/1",
      uid: account.uid,
      registration: { nik: form.nik, kk: form.kk, fullName: form.fullName, phone, birthDate: form.birthDate, districtCode: "317101" },
      timeline: [expect.objectContaining({ kind: "registered" })],
      payouts: { account: null, installments: [], cases: [], clawbacks: [] },
    });
    const stored = (await adminDb.doc(`applicants/${account.uid}`).get()).data();
    const text = JSON.stringify(response.result);
    for (const field of ["nikKey", "kkKey", "personal"]) expect(text).not.toContain(JSON.stringify(stored?.[field]));
    expect(await audited("download-own-data", account.uid, requestId)).toMatchObject({ actor: account.uid, role: "applicant", target: account.uid });
  });

  it("when an account that never registered downloads, then the copy is empty and still recorded", async () => {
    const account = await accountWith(null, "applicant");
    const requestId = randomUUID();
    const response = await call("downloadMyData", { requestId }, account.idToken);
    expect(response.result).toMatchObject({ uid: account.uid, registration: null, timeline: [] });
    expect(await audited("download-own-data", account.uid, requestId)).not.toBeNull();
  });

  it("when nobody is signed in, then it is unauthenticated", async () => {
    const response = await call("downloadMyData", { requestId: randomUUID() });
    expect(response.error).toMatchObject({ status: "UNAUTHENTICATED" });
  });
});
