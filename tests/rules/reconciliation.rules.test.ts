import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where } from "firebase/firestore";
import { describe, it } from "vitest";
import { describeAccess, useRulesEnvironment } from "../support/rules.js";

/**
 * Reconciliation reports and clawback cases: the program office and auditors read them; the
 * participant reads their own clawback case and its repayments; no client writes any of them.
 */
const REPORT = "reconciliationReports/2026-03-03";
const PAGE = `${REPORT}/differences/0000`;
const CASE = "clawbacks/alice-2026-1";
const REPAYMENT = `${CASE}/repayments/6a1d7b9f-2c3e-4f50-9bac-1d2e3f4a5b6c`;

const rules = useRulesEnvironment("demo-prakerja-rules-reconciliation", async (store) => {
  await setDoc(doc(store, REPORT), { day: "2026-03-03", differences: 1, pages: 1 });
  await setDoc(doc(store, PAGE), { day: "2026-03-03", page: 0, differences: [{ kind: "due-not-paid", installmentId: "alice-2026-2" }] });
  await setDoc(doc(store, CASE), { uid: "alice", status: "open", amount: 600000, repaid: 100000, outstanding: 500000 });
  await setDoc(doc(store, REPAYMENT), { amount: 100000, reference: "TRF-1" });
});

describeAccess(rules, [
  { path: REPORT, readers: ["admin", "auditor"] },
  { path: PAGE, readers: ["admin", "auditor"] },
  // The standard applicant (`applicant-uid`) is not the case's participant.
  { path: CASE, readers: ["admin", "auditor"] },
  { path: REPAYMENT, readers: ["admin", "auditor"] },
]);

describe("the participant's own clawback case", () => {
  const alice = () => rules.as("alice", {});
  const bob = () => rules.as("bob", {});

  it.each([CASE, REPAYMENT])("when the participant reads %s, then it is allowed; another participant is denied", async (path) => {
    await assertSucceeds(getDoc(doc(alice(), path)));
    await assertFails(getDoc(doc(bob(), path)));
  });

  it.each([CASE, REPAYMENT])("when the participant writes %s (to repay, or to mark it repaid), then it is denied", async (path) => {
    await assertFails(updateDoc(doc(alice(), path), { status: "repaid" }));
    await assertFails(setDoc(doc(alice(), `${path}-new`), { uid: "alice" }));
    await assertFails(deleteDoc(doc(alice(), path)));
  });

  it("when the participant lists their own cases by uid, then it is allowed; listing every case is denied", async () => {
    await assertSucceeds(getDocs(query(collection(alice(), "clawbacks"), where("uid", "==", "alice"))));
    await assertFails(getDocs(collection(alice(), "clawbacks")));
  });
});

describe("queries", () => {
  it("when an auditor lists the reports and a day's pages, then both are allowed; an operator is denied", async () => {
    await assertSucceeds(getDocs(collection(rules.db("auditor"), "reconciliationReports")));
    await assertSucceeds(getDocs(collection(rules.db("auditor"), `${REPORT}/differences`)));
    await assertFails(getDocs(collection(rules.db("operator"), "reconciliationReports")));
  });
});
