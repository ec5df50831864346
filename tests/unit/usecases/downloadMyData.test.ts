import { describe, expect, it } from "vitest";
import type { MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import { invoiceKey } from "../../../functions/src/domain/training/codes.js";
import { downloadMyData, toJson } from "../../../functions/src/usecases/downloadMyData.js";
import { authorizePurchase } from "../../../functions/src/usecases/training/purchase.js";
import { sealedDestination } from "../../support/vault.js";
import { applicantActor, person, setup } from "./fixtures.js";
import { paidTimeline, storeAccount, storeInstallment } from "./payoutViewFixtures.js";
import { otpFor, participant, PLATFORM, SELF_PACED, trainingSetup } from "./trainingFixtures.js";

/** downloadMyData through the memory adapters: the right of access, opened, without seals and hashes, recorded on the audit log. */

const requestId = "00000000-0000-4000-8000-000000000001";

/** A participant `uid` (person n) who bought a training, was paid once, reported a payout, had one clawback and got one notification. */
async function participantWithHistory(memory: MemoryPorts, uid: string, n: number): Promise<string> {
  const pid = await participant(memory, uid, n);
  const { token, otp } = await otpFor(memory, uid, pid, SELF_PACED);
  const invoice = `INV-${uid}`;
  const bought = await authorizePurchase(memory, PLATFORM, { token, otp, invoiceCode: invoice, invoiceUrl: `https://platform.test/invoice/${invoice}` });
  if (!bought.ok) throw new Error(bought.reason);
  const now = memory.clock.now();
  const redeemCode = memory.state.purchases.read(invoiceKey(PLATFORM.clientCode, invoice))!.redeemCode;
  memory.state.entitlements.set(uid, { redeemCode, completedAt: now, reviewedAt: now, at: now });
  const installment = storeInstallment(memory, { uid, number: 1, state: "paid", events: paidTimeline(memory) });
  storeAccount(memory, uid, { destination: sealedDestination(`99887766${n}`, "SITI NURHALIZA"), accountKey: `secret-account-key-${uid}` });
  await memory.payoutCases.open(`case-${uid}`, {
    uid,
    installmentId: installment,
    kind: "not-received",
    amountReceived: null,
    stateAtReport: "paid",
    partner: "bank-nusantara",
    partnerReference: "BN-1",
    status: "open",
    openedAt: now,
    resolvedAt: null,
    resolution: null,
  });
  memory.state.clawbacks.set(installment, {
    uid,
    programYear: 2026,
    number: 1,
    partner: "bank-nusantara",
    partnerReference: "BN-1",
    amount: 600_000,
    repaid: 100_000,
    outstanding: 500_000,
    reason: "fraud",
    note: "paid twice",
    status: "open",
    openedAt: now,
    openedBy: "admin-1",
    requestId,
    repaymentDays: 60,
    deadline: new Date(now.getTime() + 60 * 86_400_000),
    repayments: 1,
    repaidAt: null,
    escalatedAt: null,
    updatedAt: now,
    version: 1,
  });
  memory.state.clawbackRepayments.set(`${installment}/r1`, {
    amount: 100_000,
    reference: "TRF-1",
    at: now,
    by: "admin-1",
    outstandingAfter: 500_000,
    version: 1,
  });
  memory.state.inbox.set(`${uid}/draw-result-2026-1-${pid}`, {
    kind: "draw-result",
    title: { id: "Hasil undian", en: "Draw result" },
    body: { id: "Anda terpilih.", en: "You were selected." },
    at: now,
    channels: { email: false, sms: true },
  });
  return installment;
}

describe("downloadMyData", () => {
  it("when a participant downloads their data, then every collection holding their uid is there, with the personal data opened", async () => {
    const memory = trainingSetup();
    const installment = await participantWithHistory(memory, "u1", 1);
    const data = await downloadMyData(memory, applicantActor("u1"), requestId);
    const p = person(1);

    expect(data).toMatchObject({ format: "prakerja-my-data/1", uid: "u1", madeAt: memory.clock.now().toISOString() });
    expect(data.registration).toMatchObject({
      nik: p.nik,
      kk: p.kk,
      fullName: p.fullName,
      phone: p.phone,
      birthDate: p.birthDate,
      districtCode: p.districtCode,
      status: "participant",
    });
    expect(data.timeline.map((event) => event.kind)).toContain("registered");
    expect(data.notifications).toContainEqual(expect.objectContaining({ kind: "draw-result", title: { id: "Hasil undian", en: "Draw result" } }));
    expect(data.notifications.map((n) => n.kind)).toEqual(expect.arrayContaining(["purchase-otp", "purchase-confirmed"]));
    expect(data.training.vouchers).toEqual([expect.objectContaining({ uid: "u1", courseCode: SELF_PACED.courseCode })]);
    expect(data.training.purchases).toEqual([expect.objectContaining({ invoiceCode: "INV-u1", status: "SUCCESS" })]);
    expect(data.training.paymentTokens).toHaveLength(1);
    expect(data.training.entitlement).toMatchObject({ completedAt: memory.clock.now().toISOString() });
    expect(data.payouts.account).toMatchObject({ accountNumber: "998877661", holderName: "SITI NURHALIZA", institution: "009" });
    expect(data.payouts.installments).toEqual([expect.objectContaining({ id: installment, state: "paid", amount: 600_000 })]);
    expect(data.payouts.installments[0]?.events).toHaveLength(5);
    expect(data.payouts.cases).toEqual([expect.objectContaining({ id: "case-u1", kind: "not-received" })]);
    expect(data.payouts.clawbacks).toEqual([
      expect.objectContaining({ installmentId: installment, outstanding: 500_000, repayments: [expect.objectContaining({ amount: 100_000 })] }),
    ]);
  });

  it("when the copy is made, then it holds no seal, no keyed hash and no Date (JSON only)", async () => {
    const memory = trainingSetup();
    await participantWithHistory(memory, "u1", 1);
    const data = await downloadMyData(memory, applicantActor("u1"), requestId);
    const applicant = memory.state.applicants.read("u1")!;
    const text = JSON.stringify(data);
    expect(JSON.parse(text)).toEqual(data);
    const account = memory.state.payoutAccounts.read("u1")!;
    for (const hidden of [
      applicant.nikKey,
      applicant.kkKey,
      applicant.personal.ciphertext,
      applicant.personal.wrappedKey,
      account.destination.ciphertext,
      "secret-account-key-u1",
    ]) {
      expect(text).not.toContain(hidden);
    }
    for (const field of ["personal", "smsTo", "nikKey", "kkKey", "familyPid"]) expect(data.registration).not.toHaveProperty(field);
    expect(data.payouts.account).not.toHaveProperty("accountKey");
    expect(data.payouts.account).not.toHaveProperty("destination");
    expect(data.training.purchases[0]).not.toHaveProperty("tokenHash");
    expect(data.training.paymentTokens[0]).not.toHaveProperty("otpHash");
  });

  it("when two people have records, then each download holds only the caller's", async () => {
    const memory = trainingSetup();
    await participantWithHistory(memory, "u1", 1);
    await participantWithHistory(memory, "u2", 2);
    const data = await downloadMyData(memory, applicantActor("u1"), requestId);
    const text = JSON.stringify(data);
    expect(text).not.toContain("u2");
    expect(text).not.toContain(person(2).nik);
    expect(data.payouts.account).toMatchObject({ accountNumber: "998877661" });
  });

  it("when the download is made, then the audit log records it with the person as actor and target, once per request", async () => {
    const memory = trainingSetup();
    await participantWithHistory(memory, "u1", 1);
    await downloadMyData(memory, applicantActor("u1"), requestId);
    await downloadMyData(memory, applicantActor("u1"), requestId);
    expect(memory.audit.records).toEqual([{ act: "download-own-data", actor: "u1", role: "applicant", target: "u1", key: requestId, at: memory.clock.now() }]);
  });

  it("when the audit log cannot record the download, then nothing is returned", async () => {
    const memory = trainingSetup();
    await participantWithHistory(memory, "u1", 1);
    const failing = { ...memory, audit: { append: () => Promise.reject(new Error("audit unavailable")) } };
    await expect(downloadMyData(failing, applicantActor("u1"), requestId)).rejects.toThrow("audit unavailable");
  });

  it("when an account never registered, then the copy says so with empty lists, and the download is still recorded", async () => {
    const memory = setup();
    const data = await downloadMyData(memory, applicantActor("nobody"), requestId);
    expect(data).toMatchObject({
      registration: null,
      timeline: [],
      notifications: [],
      training: { vouchers: [], purchases: [], paymentTokens: [], entitlement: null },
      payouts: { account: null, installments: [], cases: [], clawbacks: [] },
    });
    expect(memory.audit.records).toHaveLength(1);
  });
});

describe("toJson", () => {
  it("when a stored value holds dates, undefined and nested lists, then dates are ISO strings and undefined is left out", () => {
    const at = new Date("2026-03-02T03:00:00.000Z");
    expect(toJson({ at, list: [at, 1, "a", null], gone: undefined, inner: { ok: true } })).toEqual({
      at: "2026-03-02T03:00:00.000Z",
      list: ["2026-03-02T03:00:00.000Z", 1, "a", null],
      inner: { ok: true },
    });
  });
});
