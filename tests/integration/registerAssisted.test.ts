import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { adminAuth, adminDb } from "../support/admin.js";
import { ensureProgramYear, person } from "../support/people.js";
import { nikKey } from "../support/secrets.js";
import { accountWith, call } from "../support/stack.js";

/** Assisted registration by a regional operator, over HTTP. The demo project's daily limit is 5 (functions/.env.demo-prakerja). */

beforeAll(ensureProgramYear);

describe("registerAssisted", () => {
  it("when an operator registers a person of their region, then the person gets an account and the record names the operator", async () => {
    const operator = await accountWith({ role: "operator", region: "31" }, "operator");
    const form = person({ districtCode: "317101" });
    const response = await call("registerAssisted", { requestId: randomUUID(), person: form }, operator.idToken);
    expect(response.result).toMatchObject({ status: "registered", created: true });
    const { uid } = response.result as { uid: string };
    expect((await adminAuth.getUser(uid)).phoneNumber).toBe(`+62${form.phone.slice(1)}`);
    const stored = (await adminDb.doc(`applicants/${uid}`).get()).data();
    expect(stored).toMatchObject({ registeredBy: operator.uid, consent: { by: "operator" }, nikKey: nikKey(form.nik) });
    expect(JSON.stringify(stored)).not.toContain(form.nik);
    const events = (await adminDb.collection(`applicants/${uid}/timeline`).get()).docs.map((d) => d.data());
    expect(events).toMatchObject([{ kind: "registered-assisted", by: operator.uid }]);
  });

  it("when the person already has an account with that phone, then the registration is linked to it", async () => {
    const operator = await accountWith({ role: "operator", region: "3171" }, "operator");
    const form = person({ districtCode: "317102" });
    const existing = await adminAuth.createUser({ phoneNumber: `+62${form.phone.slice(1)}` });
    const response = await call("registerAssisted", { requestId: randomUUID(), person: form }, operator.idToken);
    expect(response.result).toMatchObject({ uid: existing.uid, created: true });
  });

  it("when an operator registers a person outside their region, then it is permission-denied and nothing is written", async () => {
    const operator = await accountWith({ role: "operator", region: "31" }, "operator");
    const form = person({ districtCode: "520101" });
    const response = await call("registerAssisted", { requestId: randomUUID(), person: form }, operator.idToken);
    expect(response.error).toMatchObject({ status: "PERMISSION_DENIED", details: { reason: "outside-region" } });
    expect((await adminDb.doc(`nikIndex/${nikKey(form.nik)}`).get()).exists).toBe(false);
  });

  it("when an applicant calls it, then it is permission-denied", async () => {
    const applicant = await accountWith(null, "applicant");
    const response = await call("registerAssisted", { requestId: randomUUID(), person: person() }, applicant.idToken);
    expect(response.error).toMatchObject({ status: "PERMISSION_DENIED", details: { reason: "not-operator" } });
  });

  it("when the operator's request is retried, then the person is registered once", async () => {
    const operator = await accountWith({ role: "operator", region: "31" }, "operator");
    const input = { requestId: randomUUID(), person: person() };
    const [a, b] = await Promise.all([call("registerAssisted", input, operator.idToken), call("registerAssisted", input, operator.idToken)]);
    expect([a.error, b.error]).toEqual([undefined, undefined]);
    expect([a.result, b.result].map((r) => (r as { created: boolean }).created).sort()).toEqual([false, true]);
    expect(
      (await adminDb.doc(`operatorDays/${operator.uid}_${new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date())}`).get()).get(
        "count",
      ),
    ).toBe(1);
  });

  it("when an operator reaches the daily limit, then the next registration is resource-exhausted and not written", async () => {
    const operator = await accountWith({ role: "operator", region: "31" }, "operator");
    for (let i = 0; i < 5; i += 1) {
      const response = await call("registerAssisted", { requestId: randomUUID(), person: person() }, operator.idToken);
      expect(response.error).toBeUndefined();
    }
    const sixth = person();
    const response = await call("registerAssisted", { requestId: randomUUID(), person: sixth }, operator.idToken);
    expect(response.error).toMatchObject({ status: "RESOURCE_EXHAUSTED", details: { reason: "daily-limit-reached" } });
    expect((await adminDb.doc(`nikIndex/${nikKey(sixth.nik)}`).get()).exists).toBe(false);
  });
});
