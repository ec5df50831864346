import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where } from "firebase/firestore";
import { describe, it } from "vitest";
import { useRulesEnvironment } from "../support/rules.js";

/** NIK dispute cases (`nikDisputes/{id}`): operators of the registration's region and the program office read them; nobody writes. */

type Claims = Record<string, unknown> | null;
const READERS: Array<[string, string, Claims, boolean]> = [
  ["an operator of the regency 3171", "op-3171", { role: "operator", region: "3171" }, true],
  ["an operator of the province 31", "op-31", { role: "operator", region: "31" }, true],
  ["an operator of the regency 3172 (same province)", "op-3172", { role: "operator", region: "3172" }, false],
  ["an operator of the province 32", "op-32", { role: "operator", region: "32" }, false],
  ["an operator without a region", "op-none", { role: "operator" }, false],
  ["a program admin", "admin", { role: "admin" }, true],
  ["an auditor", "auditor", { role: "auditor" }, false],
  ["the claimant (an applicant)", "person", {}, false],
  ["the disputed account (an applicant)", "joki", {}, false],
  ["nobody signed in", "", null, false],
];

const CASE = "nikDisputes/00000000-0000-4000-8000-000000000001";
const rules = useRulesEnvironment("demo-prakerja-rules-nik-disputes", async (store) => {
  await setDoc(doc(store, CASE), { state: "open", uid: "joki", claimantUid: "person", provinceCode: "31", regencyCode: "3171", districtCode: "317101" });
});

describe(CASE, () => {
  it.each(READERS)("when %s reads it, then allowed is %s", async (_who, uid, claims, allowed) => {
    const read = getDoc(doc(rules.as(uid, claims), CASE));
    await (allowed ? assertSucceeds(read) : assertFails(read));
  });

  it.each(READERS)("when %s creates, updates or deletes a case, then each is denied", async (_who, uid, claims) => {
    const db = rules.as(uid, claims);
    await assertFails(setDoc(doc(db, `${CASE}-new`), { state: "open", districtCode: "317101" }));
    await assertFails(updateDoc(doc(db, CASE), { state: "re-tied" }));
    await assertFails(deleteDoc(doc(db, CASE)));
  });

  it("when an operator of 3172 lists the cases of 3171, then the query is denied", async () => {
    const db = rules.as("op-3172", { role: "operator", region: "3172" });
    await assertFails(getDocs(query(collection(db, "nikDisputes"), where("regencyCode", "==", "3171"))));
  });
});

const RECEIPT = "deskReceipts/00000000-0000-4000-8000-000000000002";

describe(RECEIPT, () => {
  it.each(READERS)("when %s reads or writes the desk's record of a receipt, then each is denied", async (_who, uid, claims) => {
    const db = rules.as(uid, claims);
    await assertFails(getDoc(doc(db, RECEIPT)));
    await assertFails(setDoc(doc(db, RECEIPT), { uid: "person", by: uid, after: "registration", at: new Date(), email: false, sms: false }));
  });
});
