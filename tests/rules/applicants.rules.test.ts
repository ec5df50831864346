import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import { deleteDoc, doc, getDoc, setDoc, updateDoc } from "firebase/firestore";
import { describe, it } from "vitest";
import { useRulesEnvironment } from "../support/rules.js";

/** Who reads a registration: the person, operators of their region, the program office, auditors. */

type Claims = Record<string, unknown> | null;
const READERS: Array<[string, string, Claims, boolean]> = [
  ["the person themself", "alice", {}, true],
  ["another applicant", "bob", {}, false],
  ["an operator of the province", "op-31", { role: "operator", region: "31" }, true],
  ["an operator of the regency", "op-3171", { role: "operator", region: "3171" }, true],
  ["an operator of another regency in the province", "op-3174", { role: "operator", region: "3174" }, false],
  ["an operator of another province", "op-52", { role: "operator", region: "52" }, false],
  ["an operator without a region", "op-none", { role: "operator" }, false],
  ["a program admin", "admin", { role: "admin" }, true],
  ["an auditor", "auditor", { role: "auditor" }, true],
  ["nobody signed in", "", null, false],
];

const rules = useRulesEnvironment("demo-prakerja-rules-applicants", async (store) => {
  await setDoc(doc(store, "applicants/alice"), { districtCode: "317101", nikMasked: "3171********0001", nameMasked: "Alice W*****" });
  await setDoc(doc(store, "applicants/alice/timeline/e1"), { kind: "registered" });
  await setDoc(doc(store, "applicants/alice/inbox/draw-result-2026-1-p1"), { kind: "draw-result" });
  for (const path of ["nikIndex/k1", "families/f1", "operatorDays/op-31_2026-11-24"]) await setDoc(doc(store, path), { seeded: true });
});
const db = (uid: string, claims: Claims) => rules.as(uid, claims);

describe.each(["applicants/alice", "applicants/alice/timeline/e1"])("%s", (path) => {
  it.each(READERS)("when %s reads it, then allowed is %s", async (_who, uid, claims, allowed) => {
    const read = getDoc(doc(db(uid, claims), path));
    await (allowed ? assertSucceeds(read) : assertFails(read));
  });

  it.each(READERS)("when %s writes it, then it is denied", async (_who, uid, claims) => {
    await assertFails(setDoc(doc(db(uid, claims), path), { districtCode: "317101" }));
    await assertFails(updateDoc(doc(db(uid, claims), path), { nameMasked: "x" }));
    await assertFails(deleteDoc(doc(db(uid, claims), path)));
  });
});

describe.each(["nikIndex/k1", "families/f1", "operatorDays/op-31_2026-11-24"])("%s", (path) => {
  it.each(READERS)("when %s reads or writes it, then it is denied", async (_who, uid, claims) => {
    await assertFails(getDoc(doc(db(uid, claims), path)));
    await assertFails(setDoc(doc(db(uid, claims), path), { seeded: false }));
  });
});

/** The in-app copy of what the person was told: theirs alone, not their region's operators' or the office's. */
describe("applicants/alice/inbox/draw-result-2026-1-p1", () => {
  const path = "applicants/alice/inbox/draw-result-2026-1-p1";
  it.each(READERS)("when %s reads it, then only the person themself is allowed", async (_who, uid, claims) => {
    const read = getDoc(doc(db(uid, claims), path));
    await (uid === "alice" ? assertSucceeds(read) : assertFails(read));
  });

  it.each(READERS)("when %s writes it, then it is denied", async (_who, uid, claims) => {
    await assertFails(setDoc(doc(db(uid, claims), path), { kind: "revoked" }));
    await assertFails(deleteDoc(doc(db(uid, claims), path)));
  });
});
