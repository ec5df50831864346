import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { adminDb } from "../support/admin.js";
import { ensureProgramYear, newKk, person } from "../support/people.js";
import { kkKey, nikKey, vaultKeys } from "../support/secrets.js";
import { openedPerson } from "../support/vault.js";
import type { ApplicantDoc } from "../../functions/src/schemas/applicant.js";
import { accountWith, call } from "../support/stack.js";
import { MESSAGES } from "../../functions/src/schemas/messages.js";

/** The register and getMyStatus callables over HTTP, reading back what they wrote. */

beforeAll(ensureProgramYear);

const applicantOf = async (uid: string) => (await adminDb.doc(`applicants/${uid}`).get()).data() as ApplicantDoc | undefined;
/** NIK 3204101503900021: the civil registry never reissued it after the birth date was corrected on the KTP. */
const NIK = "3204101503900021";
const nikClaimed = async (nik: string) => (await adminDb.doc(`nikIndex/${nikKey(nik)}`).get()).exists;

describe("register", () => {
  it("when an adult registers with a valid NIK, then they are eligible and the NIK is claimed under its keyed hash", async () => {
    const applicant = await accountWith(null, "applicant");
    const form = person({ birthDate: "1995-05-17", sex: "female" });
    const response = await call("register", form, applicant.idToken);
    expect(response.result).toEqual({
      uid: applicant.uid,
      nikMasked: `${form.nik.slice(0, 4)}********${form.nik.slice(12)}`,
      status: "registered",
      eligibility: { eligible: true, reasons: [] },
      created: true,
    });
    const stored = await applicantOf(applicant.uid);
    const phone = `+62${form.phone.slice(1)}`;
    expect(stored).toMatchObject({
      nikKey: nikKey(form.nik),
      kkKey: kkKey(form.kk),
      phoneMasked: `${phone.slice(0, 6)}****${phone.slice(-4)}`,
      registeredBy: "self",
    });
    // Sealed under the local VAULT_KEYS: nothing of the identity is in the document in clear.
    for (const clear of [form.nik, form.kk, form.fullName, phone, form.birthDate]) expect(JSON.stringify(stored)).not.toContain(clear);
    expect(openedPerson(stored!, vaultKeys)).toEqual({ nik: form.nik, kk: form.kk, fullName: form.fullName, phone, birthDate: form.birthDate });
    expect((await adminDb.doc(`nikIndex/${nikKey(form.nik)}`).get()).data()).toMatchObject({ uid: applicant.uid });
    expect((await adminDb.doc(`families/${kkKey(form.kk)}`).get()).data()).toEqual({ registrants: 1, recipients: 0, members: [applicant.uid] });
  });

  it("when the same request is sent again by the same account, then it answers the same and writes nothing more", async () => {
    const applicant = await accountWith(null, "applicant");
    const form = person();
    await call("register", form, applicant.idToken);
    const again = await call("register", form, applicant.idToken);
    expect(again.result).toMatchObject({ created: false, status: "registered" });
    expect((await adminDb.doc(`families/${kkKey(form.kk)}`).get()).data()).toEqual({ registrants: 1, recipients: 0, members: [applicant.uid] });
    expect((await adminDb.collection(`applicants/${applicant.uid}/timeline`).get()).size).toBe(1);
  });

  it("when a second account registers a NIK already registered, then it is already-exists and the first record is untouched", async () => {
    const [first, second] = await Promise.all([accountWith(null, "first"), accountWith(null, "second")]);
    const form = person();
    await call("register", form, first.idToken);
    const before = await applicantOf(first.uid);
    const response = await call("register", { ...form, fullName: "Yohanes Situmorang" }, second.idToken);
    expect(response.error).toMatchObject({ status: "ALREADY_EXISTS", details: { reason: "nik-registered" } });
    expect(await applicantOf(first.uid)).toEqual(before);
    expect(await applicantOf(second.uid)).toBeUndefined();
  });

  it("when an account that registered one NIK registers another, then it is already-exists (one account, one NIK)", async () => {
    const applicant = await accountWith(null, "applicant");
    await call("register", person(), applicant.idToken);
    const other = person();
    const response = await call("register", other, applicant.idToken);
    expect(response.error).toMatchObject({ status: "ALREADY_EXISTS", details: { reason: "account-registered" } });
    expect(await nikClaimed(other.nik)).toBe(false);
  });

  it("when 10 accounts register one NIK at once, then exactly one succeeds", async () => {
    const accounts = await Promise.all(Array.from({ length: 10 }, () => accountWith(null, "racer")));
    const form = person();
    const responses = await Promise.all(accounts.map((a) => call("register", form, a.idToken)));
    const winners = responses.filter((r) => r.result !== undefined);
    expect(winners).toHaveLength(1);
    expect(responses.filter((r) => r.error?.status === "ALREADY_EXISTS")).toHaveLength(9);
    const owner = (await adminDb.doc(`nikIndex/${nikKey(form.nik)}`).get()).get("uid") as string;
    expect((winners[0].result as { uid: string }).uid).toBe(owner);
    expect((await adminDb.collection("applicants").where("nikKey", "==", nikKey(form.nik)).get()).size).toBe(1);
  });

  it("when five of one family register at once while the family already has 2 recipients, then each is told family-limit-reached and all are counted", async () => {
    const kk = newKk();
    await adminDb.doc(`families/${kkKey(kk)}`).set({ registrants: 2, recipients: 2, members: ["earlier-1", "earlier-2"] });
    const accounts = await Promise.all(Array.from({ length: 5 }, () => accountWith(null, "family")));
    const responses = await Promise.all(accounts.map((a) => call("register", person({ kk }), a.idToken)));
    for (const response of responses) expect(response.result).toMatchObject({ eligibility: { eligible: false, reasons: ["family-limit-reached"] } });
    const card = (await adminDb.doc(`families/${kkKey(kk)}`).get()).data();
    expect(card).toMatchObject({ registrants: 7, recipients: 2 });
    // Each account listed once, whatever order the transactions serialised in.
    expect([...(card?.members as string[])].sort()).toEqual(["earlier-1", "earlier-2", ...accounts.map((a) => a.uid)].sort());
  });

  it("when NIK 3204101503900021 (digits: 1990-03-15) is registered with the KTP date 1990-04-15, then it is accepted as needs-verification and the person is told what to bring where", async () => {
    // One NIK for the whole stack: release it before and after, so another suite may register it too.
    const release = () => adminDb.doc(`nikIndex/${nikKey(NIK)}`).delete();
    await release();
    try {
      const applicant = await accountWith(null, "ktp-date");
      const form = { ...person({ districtCode: "320410", birthDate: "1990-04-15", sex: "male" }), nik: NIK };
      const response = await call("register", form, applicant.idToken);
      const verification = {
        state: "needs-verification",
        reasons: ["nik-birth-date-differs"],
        bring: ["ktp", "kk"],
        office: { provinceCode: "32", regencyCode: "3204", province: "Jawa Barat", regency: "Kabupaten Bandung" },
      };
      expect(response.result).toMatchObject({
        uid: applicant.uid,
        nikMasked: "3204********0021",
        status: "registered",
        eligibility: { eligible: false, reasons: ["identity-not-verified"] },
        verification,
        created: true,
      });
      const stored = await applicantOf(applicant.uid);
      expect(stored).toMatchObject({ verification: { state: "needs-verification" } });
      expect(openedPerson(stored!, vaultKeys).birthDate).toBe("1990-04-15");
      const status = await call("getMyStatus", {}, applicant.idToken);
      expect(status.result).toMatchObject({ eligibility: { eligible: false, reasons: ["identity-not-verified"] }, verification });
    } finally {
      await release();
    }
  });

  it("when the KK number is the NIK, then the kk field is refused with its message and nothing is written", async () => {
    const applicant = await accountWith(null, "applicant");
    const form = person();
    const response = await call("register", { ...form, kk: form.nik }, applicant.idToken);
    expect(response.error).toMatchObject({
      status: "INVALID_ARGUMENT",
      details: { fields: [{ field: "kk", message: MESSAGES["kk-equals-nik"] }] },
    });
    expect(await nikClaimed(form.nik)).toBe(false);
    expect(await applicantOf(applicant.uid)).toBeUndefined();
  });

  it("when the NIK and the KK were issued in former Papua districts and the person lives in Jakarta, then they register (neither has to match the domicile)", async () => {
    const applicant = await accountWith(null, "moved");
    const form = {
      ...person({ districtCode: "317101", birthDate: "1990-03-12", sex: "male" }),
      nik: `910241120390${randomInt(1000, 10_000)}`,
      kk: newKk("920139"),
    };
    const response = await call("register", form, applicant.idToken);
    expect(response.result).toMatchObject({ status: "registered", eligibility: { eligible: true, reasons: [] }, created: true });
  });

  it.each([
    ["under-age", () => person({ birthDate: `${new Date().getFullYear() - 17}-01-01` })],
    ["in-formal-education", () => person({ inFormalEducation: true })],
    ["excluded-occupation", () => person({ occupation: "civil-servant" })],
    ["receives-social-aid", () => person({ receivesSocialAid: true })],
  ] as const)("when the person is %s, then they are registered as not eligible with that reason", async (reason, make) => {
    const applicant = await accountWith(null, "applicant");
    const response = await call("register", make(), applicant.idToken);
    expect(response.result).toMatchObject({ status: "registered", eligibility: { eligible: false, reasons: [reason] } });
  });

  it("when nobody is signed in, then it is unauthenticated and nothing is written", async () => {
    const form = person();
    expect((await call("register", form)).error?.status).toBe("UNAUTHENTICATED");
    expect(await nikClaimed(form.nik)).toBe(false);
  });
});
