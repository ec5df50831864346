import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where } from "firebase/firestore";
import { describe, it } from "vitest";
import { describeAccess, useRulesEnvironment } from "../support/rules.js";

/**
 * Participants' reports on their payouts ("not received", "received less"): the participant reads
 * their own, the program office and auditors read all; no client writes any (reportPayout does).
 */
const CASE = "payoutCases/0b6f3c2e-8d1a-4c1e-9d2b-3f4a5b6c7d8e";

const rules = useRulesEnvironment("demo-prakerja-rules-payout-cases", async (store) => {
  await setDoc(doc(store, CASE), { uid: "alice", installmentId: "alice-2026-1", kind: "not-received", status: "open" });
});

// The standard applicant (`applicant-uid`) is not the report's participant.
describeAccess(rules, [{ path: CASE, readers: ["admin", "auditor"] }]);

describe("the participant's own report", () => {
  const alice = () => rules.as("alice", {});
  const bob = () => rules.as("bob", {});

  it("when the participant reads their report, then it is allowed; another participant is denied", async () => {
    await assertSucceeds(getDoc(doc(alice(), CASE)));
    await assertFails(getDoc(doc(bob(), CASE)));
  });

  it("when the participant writes their report (to close it, or to open one), then it is denied", async () => {
    await assertFails(updateDoc(doc(alice(), CASE), { status: "resolved" }));
    await assertFails(setDoc(doc(alice(), `${CASE}-new`), { uid: "alice", status: "open" }));
    await assertFails(deleteDoc(doc(alice(), CASE)));
  });

  it("when the participant lists their own reports by uid, then it is allowed; listing every report is denied", async () => {
    await assertSucceeds(getDocs(query(collection(alice(), "payoutCases"), where("uid", "==", "alice"))));
    await assertFails(getDocs(collection(alice(), "payoutCases")));
  });
});
