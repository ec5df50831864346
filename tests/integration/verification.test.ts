import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDb } from "../support/admin.js";
import { ensureProgramYear, person } from "../support/people.js";
import { accountWith, call, type SignedIn } from "../support/stack.js";
import { deleteWaves, seedWave } from "../support/waves.js";

/**
 * Identity verification and joining at the desk, over HTTP: the queue of a region, an operator's
 * decision, joinWave refusing the unverified with every reason, and an operator joining a person
 * to the open wave with their consent.
 *
 * Another file's wave may be drawn while this one runs, and its pool is everyone `inPool`: the one
 * person this file puts in a pool is taken out again at once (`leavePool`).
 */

interface Case {
  uid: string;
  nikMasked: string;
  state: string;
  reasons: string[];
}
interface Page {
  cases: Case[];
  next: { requestedAt: string; uid: string } | null;
}

let admin: SignedIn;
let waveId: string;

beforeAll(async () => {
  await ensureProgramYear();
  admin = await accountWith({ role: "admin" }, "admin");
  // Open well past this run: no schedule fired by another file closes (and draws) it. Setup, not createWave's test (support/waves.ts).
  ({ waveId } = await seedWave({ opensAt: new Date(Date.now() - 60_000), closesAt: new Date(Date.now() + 2 * 3_600_000), quota: 10 }));
});
afterAll(() => deleteWaves([waveId]));

/** A person of Margaasih (Kabupaten Bandung) whose KTP birth date is a month after the one in their NIK: their account and NIK. */
async function differingPerson(options: { occupation?: string; inFormalEducation?: boolean } = {}): Promise<{ account: SignedIn; nik: string }> {
  const account = await accountWith(null, "ktp-date");
  const form = person({ districtCode: "320410", birthDate: "1990-01-15", sex: "male", ...options });
  const response = await call("register", { ...form, birthDate: "1990-02-15" }, account.idToken);
  expect(response.result).toMatchObject({ verification: { state: "needs-verification", reasons: ["nik-birth-date-differs"] } });
  return { account, nik: form.nik };
}

/** Every page of an operator's queue until the case of `uid` (oldest first). */
async function findCase(operator: SignedIn, uid: string, input: Record<string, unknown> = {}): Promise<Case | undefined> {
  let after: Page["next"] = null;
  for (;;) {
    const response = await call("listVerificationCases", { ...input, pageSize: 50, ...(after ? { after } : {}) }, operator.idToken);
    expect(response.error).toBeUndefined();
    const page = response.result as Page;
    const found = page.cases.find((c) => c.uid === uid);
    if (found !== undefined || page.next === null) return found;
    after = page.next;
  }
}

const verify = (uid: string, requestId = randomUUID()) => ({ requestId, uid, decision: "verified", documentsSeen: ["ktp", "kk"] });
const timelineOf = async (uid: string) => (await adminDb.collection(`applicants/${uid}/timeline`).orderBy("at").get()).docs.map((d) => d.data());
const leavePool = (uid: string) => adminDb.doc(`applicants/${uid}`).update({ inPool: false });

describe("listVerificationCases", () => {
  it("when an operator of Kabupaten Bandung lists the queue, then the case is there with the masked NIK and never the full one", async () => {
    const { account, nik } = await differingPerson();
    const operator = await accountWith({ role: "operator", region: "3204" }, "operator");
    const found = await findCase(operator, account.uid);
    expect(found).toMatchObject({
      uid: account.uid,
      nikMasked: `3204********${nik.slice(12)}`,
      state: "needs-verification",
      reasons: ["nik-birth-date-differs"],
      region: { regencyCode: "3204", regency: "Kabupaten Bandung", district: "Margaasih" },
    });
    expect(JSON.stringify(found)).not.toContain(nik);
    expect(await findCase(await accountWith({ role: "operator", region: "3171" }, "operator"), account.uid)).toBeUndefined();
  });

  it("when an applicant asks, or an operator asks for a region outside theirs, then it is permission-denied with the reason", async () => {
    const applicant = await accountWith(null, "applicant");
    expect((await call("listVerificationCases", {}, applicant.idToken)).error).toMatchObject({
      status: "PERMISSION_DENIED",
      details: { reason: "not-operator-or-admin" },
    });
    const operator = await accountWith({ role: "operator", region: "3171" }, "operator");
    expect((await call("listVerificationCases", { region: "3204" }, operator.idToken)).error).toMatchObject({
      status: "PERMISSION_DENIED",
      details: { reason: "region-outside-scope" },
    });
  });
});

describe("decideVerification", () => {
  it("when an operator of the person's region verifies, then eligibility is decided, the decision recorded and the timeline names the operator; a retry writes nothing", async () => {
    const { account } = await differingPerson();
    const elsewhere = await accountWith({ role: "operator", region: "31" }, "operator");
    expect((await call("decideVerification", verify(account.uid), elsewhere.idToken)).error).toMatchObject({
      status: "PERMISSION_DENIED",
      details: { reason: "person-outside-region" },
    });

    const operator = await accountWith({ role: "operator", region: "32" }, "operator");
    const input = verify(account.uid);
    const response = await call("decideVerification", input, operator.idToken);
    expect(response.result).toMatchObject({
      uid: account.uid,
      verification: { state: "verified", bring: [], decision: { decision: "verified", documentsSeen: ["ktp", "kk"] } },
      eligibility: { eligible: true, reasons: [] },
      decided: true,
    });
    expect((await adminDb.doc(`verificationDecisions/${input.requestId}`).get()).data()).toMatchObject({
      uid: account.uid,
      districtCode: "320410",
      decision: "verified",
      by: operator.uid,
      documentsSeen: ["ktp", "kk"],
    });
    expect(await timelineOf(account.uid)).toMatchObject([
      { kind: "registered", eligible: false },
      { kind: "identity-verified", eligible: true, by: operator.uid, requestId: input.requestId },
    ]);

    const retry = await call("decideVerification", input, operator.idToken);
    expect(retry.result).toMatchObject({ decided: false, verification: { state: "verified" } });
    expect(await timelineOf(account.uid)).toHaveLength(2);
    const again = await call("decideVerification", { ...verify(account.uid), decision: "rejected", rejection: "kk-does-not-match" }, operator.idToken);
    expect(again.error).toMatchObject({ status: "FAILED_PRECONDITION", details: { reason: "already-verified" } });
  });

  it("when the KTP was not among the documents seen, then the input is refused on that field and nothing is written", async () => {
    const { account } = await differingPerson();
    const operator = await accountWith({ role: "operator", region: "3204" }, "operator");
    const response = await call("decideVerification", { ...verify(account.uid), documentsSeen: ["kk"] }, operator.idToken);
    expect(response.error).toMatchObject({ status: "INVALID_ARGUMENT", details: { fields: [{ field: "documentsSeen" }] } });
    expect(await timelineOf(account.uid)).toHaveLength(1);
  });

  it("when the operator rejects, then the reason joins the timeline and joinWave refuses the person, listing every unmet rule", async () => {
    const { account } = await differingPerson({ inFormalEducation: true });
    const operator = await accountWith({ role: "operator", region: "3204" }, "operator");
    const rejected = await call(
      "decideVerification",
      { requestId: randomUUID(), uid: account.uid, decision: "rejected", rejection: "not-the-card-holder" },
      operator.idToken,
    );
    expect(rejected.result).toMatchObject({ verification: { state: "rejected", bring: ["ktp", "kk"], decision: { rejection: "not-the-card-holder" } } });
    expect((await timelineOf(account.uid)).at(-1)).toMatchObject({ kind: "identity-rejected", by: operator.uid, rejection: "not-the-card-holder" });

    const joined = await call("joinWave", { waveId }, account.idToken);
    expect(joined.error).toMatchObject({
      status: "FAILED_PRECONDITION",
      details: { reason: "identity-not-verified", reasons: ["identity-not-verified", "in-formal-education"] },
    });
  });
});

describe("joinWaveOnBehalf", () => {
  it("when an operator joins a verified person of their region with consent, then the person is in the pool and the timeline names the operator; a retry answers the same", async () => {
    const { account } = await differingPerson();
    const operator = await accountWith({ role: "operator", region: "3204" }, "operator");
    await call("decideVerification", verify(account.uid), operator.idToken);
    const input = { requestId: randomUUID(), uid: account.uid, waveId, consent: true };
    try {
      const response = await call("joinWaveOnBehalf", input, operator.idToken);
      expect(response.result).toMatchObject({ waveId, joined: true });
      expect((await adminDb.doc(`applicants/${account.uid}`).get()).data()).toMatchObject({ inPool: true, joinedWave: waveId });
      expect((await adminDb.doc(`applicants/${account.uid}/timeline/joined-${waveId}`).get()).data()).toMatchObject({
        kind: "joined-pool",
        by: operator.uid,
        requestId: input.requestId,
        consent: true,
      });
      expect((await call("joinWaveOnBehalf", input, operator.idToken)).result).toMatchObject({ waveId, joined: true });
    } finally {
      await leavePool(account.uid);
    }
  });

  it("when consent is not given, or the person lives outside the operator's region, then it is refused and the person is not in the pool", async () => {
    const { account } = await differingPerson();
    const jakarta = await accountWith({ role: "operator", region: "31" }, "operator");
    const base = { requestId: randomUUID(), uid: account.uid, waveId };
    expect((await call("joinWaveOnBehalf", { ...base, consent: false }, jakarta.idToken)).error).toMatchObject({
      status: "INVALID_ARGUMENT",
      details: { fields: [{ field: "consent" }] },
    });
    expect((await call("joinWaveOnBehalf", { ...base, consent: true }, jakarta.idToken)).error).toMatchObject({
      status: "PERMISSION_DENIED",
      details: { reason: "person-outside-region" },
    });
    expect((await call("joinWaveOnBehalf", { ...base, consent: true }, admin.idToken)).error).toMatchObject({
      status: "PERMISSION_DENIED",
      details: { reason: "not-operator" },
    });
    expect((await adminDb.doc(`applicants/${account.uid}`).get()).get("inPool")).toBeUndefined();
  });

  it("when the person waits for verification, then joining them is refused with every reason in details", async () => {
    const { account } = await differingPerson({ occupation: "civil-servant" });
    const operator = await accountWith({ role: "operator", region: "3204" }, "operator");
    const response = await call("joinWaveOnBehalf", { requestId: randomUUID(), uid: account.uid, waveId, consent: true }, operator.idToken);
    expect(response.error).toMatchObject({
      status: "FAILED_PRECONDITION",
      details: { reason: "identity-not-verified", reasons: ["identity-not-verified", "excluded-occupation"] },
    });
  });
});
