import { readAuditKey } from "../../functions/src/domain/audit/acts.js";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { adminAuth, adminDb } from "../support/admin.js";
import { ensureProgramYear, person } from "../support/people.js";
import { nikKey } from "../support/secrets.js";
import { accountWith, call, signUp, type SignedIn } from "../support/stack.js";

/**
 * The desk over HTTP: a walk-in person's NIK was registered by someone else's account (a "joki");
 * the operator of the region looks it up, opens a dispute, and re-ties the registration to the
 * person — NIK index, registration and timeline move in one transaction, the other account is
 * disabled in Auth, both acts are on the audit log. Then the operator's day and the receipt.
 */

beforeAll(ensureProgramYear);

/** The joki's own account registers person's NIK (district 317101, Jakarta Pusat). */
async function registeredByJoki(): Promise<{ joki: SignedIn; form: ReturnType<typeof person> }> {
  const joki = await signUp("joki");
  const form = person({ districtCode: "317101" });
  const response = await call("register", form, joki.idToken);
  expect(response.error).toBeUndefined();
  return { joki, form };
}

/** The acts this actor has on the audit log (their chains, every day). */
async function auditedActs(actor: string): Promise<Array<{ act: string; target: string; key: string }>> {
  const chains = await adminDb.collection("auditChains").where("actor", "==", actor).get();
  const entries = await Promise.all(chains.docs.map((chain) => chain.ref.collection("entries").get()));
  return entries.flatMap((page) => page.docs.map((d) => ({ act: String(d.get("act")), target: String(d.get("target")), key: String(d.get("key")) })));
}

describe("NIK disputes at the desk", () => {
  it("when an operator of 3171 looks up, opens and re-ties, then the registration is the person's, the joki's account is disabled, all audited", async () => {
    const { joki, form } = await registeredByJoki();
    const operator = await accountWith({ role: "operator", region: "3171" }, "operator");
    const claimant = await signUp("person");

    const lookupId = randomUUID();
    const lookup = await call("lookupRegistration", { requestId: lookupId, nik: form.nik, purpose: "nik-dispute" }, operator.idToken);
    expect(lookup.error).toBeUndefined();
    expect(lookup.result).toMatchObject({ uid: joki.uid, nikMasked: `${form.nik.slice(0, 4)}********${form.nik.slice(12)}`, registeredBy: { kind: "self" } });
    expect(lookup.result).toMatchObject({ account: { exists: true, disabled: false, methods: ["password"] } });
    expect(JSON.stringify(lookup.result)).not.toContain(form.nik);
    expect(JSON.stringify(lookup.result)).not.toContain(joki.email);

    const disputeId = randomUUID();
    const opened = await call(
      "openNikDispute",
      { requestId: disputeId, uid: joki.uid, claimant: { uid: claimant.uid }, statement: "Tidak pernah mendaftar sendiri.", documentsSeen: ["ktp", "kk"] },
      operator.idToken,
    );
    expect(opened.result).toMatchObject({ disputeId, state: "open", uid: joki.uid, claimantUid: claimant.uid });
    const stored = (await adminDb.doc(`nikDisputes/${disputeId}`).get()).data();
    expect(stored).toMatchObject({ state: "open", districtCode: "317101", nikKey: nikKey(form.nik) });
    expect(JSON.stringify(stored)).not.toContain("Tidak pernah");

    const resolveInput = { requestId: randomUUID(), disputeId, decision: "re-tie", documentsSeen: ["ktp", "kk"], note: "KTP dan KK asli cocok." };
    // The operator's retry after a lost answer: the same request ID answers the same outcome.
    const resolved = await call("resolveNikDispute", resolveInput, operator.idToken);
    const retried = await call("resolveNikDispute", resolveInput, operator.idToken);
    expect(resolved.result).toMatchObject({ state: "re-tied", registrationUid: claimant.uid });
    expect(retried.result).toEqual(resolved.result);

    expect((await adminDb.doc(`nikIndex/${nikKey(form.nik)}`).get()).get("uid")).toBe(claimant.uid);
    expect((await adminDb.doc(`applicants/${claimant.uid}`).get()).get("status")).toBe("registered");
    expect((await adminDb.doc(`applicants/${joki.uid}`).get()).get("status")).toBe("blocked");
    const kkKey = (await adminDb.doc(`applicants/${claimant.uid}`).get()).get("kkKey") as string;
    expect((await adminDb.doc(`families/${kkKey}`).get()).data()).toEqual({ registrants: 1, recipients: 0, members: [joki.uid, claimant.uid] });
    const kinds = async (uid: string) => (await adminDb.collection(`applicants/${uid}/timeline`).orderBy("at").get()).docs.map((d) => d.get("kind") as string);
    expect(await kinds(claimant.uid)).toEqual(["registered", "nik-re-tied"]);
    expect(await kinds(joki.uid)).toEqual(["registered", "blocked-nik-dispute"]);
    expect((await adminAuth.getUser(joki.uid)).disabled).toBe(true);
    // The joki's ID token, issued before the block, no longer gets the clear personal data.
    const download = await call("downloadMyData", { requestId: randomUUID() }, joki.idToken);
    expect(download.error).toMatchObject({ status: "UNAUTHENTICATED" });

    const again = await call("resolveNikDispute", { ...resolveInput, requestId: randomUUID(), decision: "dismiss" }, operator.idToken);
    expect(again.error).toMatchObject({ status: "FAILED_PRECONDITION", details: { reason: "dispute-resolved" } });

    const acts = await auditedActs(operator.uid);
    expect(acts).toEqual(
      expect.arrayContaining([
        { act: "view-registrant", target: joki.uid, key: readAuditKey(lookupId, joki.uid) },
        { act: "open-nik-dispute", target: joki.uid, key: disputeId },
        { act: "resolve-nik-dispute", target: joki.uid, key: resolveInput.requestId },
      ]),
    );
    expect(acts.filter((a) => a.act === "resolve-nik-dispute")).toHaveLength(1);
  });

  it("when an operator of 3172 looks up or opens a case on a 3171 registration, then permission-denied naming the province, nothing written", async () => {
    const { joki, form } = await registeredByJoki();
    const operator = await accountWith({ role: "operator", region: "3172" }, "operator");
    const lookup = await call("lookupRegistration", { requestId: randomUUID(), nik: form.nik, purpose: "nik-dispute" }, operator.idToken);
    expect(lookup.error).toMatchObject({
      status: "PERMISSION_DENIED",
      details: { reason: "registration-outside-region", provinceCode: "31", regencyCode: "3171", regencyName: expect.stringMatching(/Jakarta Pusat/i) },
    });
    const disputeId = randomUUID();
    const opened = await call(
      "openNikDispute",
      { requestId: disputeId, uid: joki.uid, claimant: { phone: "081299990000" }, statement: "Bukan saya.", documentsSeen: ["ktp"] },
      operator.idToken,
    );
    expect(opened.error).toMatchObject({ status: "PERMISSION_DENIED", details: { reason: "registration-outside-region" } });
    expect((await adminDb.doc(`nikDisputes/${disputeId}`).get()).exists).toBe(false);
  });

  it("when an applicant calls the desk's callables, then each is permission-denied", async () => {
    const applicant = await accountWith(null, "applicant");
    const lookup = await call("lookupRegistration", { requestId: randomUUID(), nik: person().nik, purpose: "nik-dispute" }, applicant.idToken);
    expect(lookup.error).toMatchObject({ status: "PERMISSION_DENIED", details: { reason: "not-operator-or-admin" } });
    const day = await call("myDeskDay", {}, applicant.idToken);
    expect(day.error).toMatchObject({ status: "PERMISSION_DENIED", details: { reason: "not-operator" } });
  });

  it("when an operator registers a person, then their day counts one and the receipt is sent once per request", async () => {
    const operator = await accountWith({ role: "operator", region: "31" }, "operator");
    const before = await call("myDeskDay", {}, operator.idToken);
    expect(before.result).toMatchObject({ registered: 0, limit: 5, remaining: 5 });
    const registered = await call("registerAssisted", { requestId: randomUUID(), person: person() }, operator.idToken);
    const { uid } = registered.result as { uid: string };
    const after = await call("myDeskDay", {}, operator.idToken);
    expect(after.result).toMatchObject({ registered: 1, limit: 5, remaining: 4 });

    const receipt = { requestId: randomUUID(), uid, after: "registration" };
    const sent = await call("sendDeskReceipt", receipt, operator.idToken);
    expect(sent.result).toMatchObject({ sent: true });
    // A retry answers as the first call did; the request ID reused for someone else is refused.
    expect((await call("sendDeskReceipt", receipt, operator.idToken)).result).toEqual(sent.result);
    expect((await adminDb.doc(`applicants/${uid}/inbox/desk-receipt-${receipt.requestId}`).get()).get("kind")).toBe("desk-receipt");
    const other = await call("registerAssisted", { requestId: randomUUID(), person: person() }, operator.idToken);
    const reused = await call("sendDeskReceipt", { ...receipt, uid: (other.result as { uid: string }).uid }, operator.idToken);
    expect(reused.error).toMatchObject({ status: "ALREADY_EXISTS", details: { reason: "request-id-reused" } });
  });

  it("when the claimant named is the operator themself, another operator or an admin, then the case is refused and nothing is written", async () => {
    const { joki } = await registeredByJoki();
    const operator = await accountWith({ role: "operator", region: "3171" }, "operator");
    const colleague = await accountWith({ role: "operator", region: "31" }, "operator");
    const admin = await accountWith({ role: "admin" }, "admin");
    const open = (claimantUid: string, requestId = randomUUID()) =>
      call(
        "openNikDispute",
        { requestId, uid: joki.uid, claimant: { uid: claimantUid }, statement: "Bukan saya.", documentsSeen: ["ktp", "kk"] },
        operator.idToken,
      );
    const own = await open(operator.uid);
    expect(own.error).toMatchObject({ status: "FAILED_PRECONDITION", details: { reason: "claimant-is-actor" } });
    for (const staff of [colleague, admin]) {
      const requestId = randomUUID();
      const refused = await open(staff.uid, requestId);
      expect(refused.error).toMatchObject({ status: "FAILED_PRECONDITION", details: { reason: "claimant-is-staff" } });
      expect((await adminDb.doc(`nikDisputes/${requestId}`).get()).exists).toBe(false);
    }
  });

  it("when a case's request ID is sent again with another statement, then request-id-reused; the same input answers the case", async () => {
    const { joki } = await registeredByJoki();
    const operator = await accountWith({ role: "operator", region: "3171" }, "operator");
    const claimant = await signUp("person");
    const input = { requestId: randomUUID(), uid: joki.uid, claimant: { uid: claimant.uid }, statement: "Bukan saya.", documentsSeen: ["ktp", "kk"] };
    const first = await call("openNikDispute", input, operator.idToken);
    expect(first.result).toMatchObject({ state: "open" });
    expect((await call("openNikDispute", input, operator.idToken)).result).toEqual(first.result);
    const reused = await call("openNikDispute", { ...input, statement: "Kata-kata lain." }, operator.idToken);
    expect(reused.error).toMatchObject({ status: "ALREADY_EXISTS", details: { reason: "request-id-reused" } });
  });
});
