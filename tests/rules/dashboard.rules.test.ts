import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import { deleteDoc, doc, getDoc, setDoc, updateDoc } from "firebase/firestore";
import { describe, it } from "vitest";
import { useRulesEnvironment } from "../support/rules.js";

/**
 * The regional dashboard's documents (`dashboards/{scope}`) and targets (`regionTargets/{scope}`):
 * the program office and auditors read every scope, an operator their own region's (a province
 * operator also its regencies'), nobody else; nobody writes from a client, auditors included.
 */
type Claims = Record<string, unknown> | null;
const OP_31 = { role: "operator", region: "31" };
const OP_3171 = { role: "operator", region: "3171" };

/** [who, uid, claims, scope, allowed] */
const READS: Array<[string, string, Claims, string, boolean]> = [
  ["an operator of province 31 reads province 31", "op-31", OP_31, "31", true],
  ["an operator of province 31 reads its regency 3171", "op-31", OP_31, "3171", true],
  ["an operator of province 31 reads province 32", "op-31", OP_31, "32", false],
  ["an operator of province 31 reads regency 3273 of province 32", "op-31", OP_31, "3273", false],
  ["an operator of province 31 reads the national view", "op-31", OP_31, "ID", false],
  ["an operator of regency 3171 reads regency 3171", "op-3171", OP_3171, "3171", true],
  ["an operator of regency 3171 reads regency 3172 of the same province", "op-3171", OP_3171, "3172", false],
  ["an operator of regency 3171 reads its province 31", "op-3171", OP_3171, "31", false],
  ["an operator without a region reads province 31", "op-none", { role: "operator" }, "31", false],
  ["an applicant reads province 31", "alice", {}, "31", false],
  ["an applicant reads the national view", "alice", {}, "ID", false],
  ["nobody signed in reads province 31", "", null, "31", false],
  ["a partner's staff member reads the national view", "staff", { role: "partner", partner: "platform-belajar" }, "ID", false],
  ["a program admin reads the national view", "admin", { role: "admin" }, "ID", true],
  ["a program admin reads regency 3172", "admin", { role: "admin" }, "3172", true],
  ["an auditor reads the national view", "auditor", { role: "auditor" }, "ID", true],
  ["an auditor reads province 32", "auditor", { role: "auditor" }, "32", true],
];

const WRITERS: Array<[string, string, Claims, string]> = [
  ["an operator of province 31", "op-31", OP_31, "31"],
  ["an operator of regency 3171", "op-3171", OP_3171, "3171"],
  ["an applicant", "alice", {}, "31"],
  ["a program admin", "admin", { role: "admin" }, "ID"],
  ["an auditor", "auditor", { role: "auditor" }, "ID"],
];

const SCOPES = ["ID", "31", "32", "3171", "3172", "3273"];

const rules = useRulesEnvironment("demo-prakerja-rules-dashboard", async (store) => {
  for (const scope of SCOPES) {
    await setDoc(doc(store, `dashboards/${scope}`), { scope, figures: { registrants: 10 } });
    await setDoc(doc(store, `regionTargets/${scope}`), { registrants: 22_000, setBy: "admin" });
  }
});

describe.each(["dashboards", "regionTargets"])("%s/{scope}", (collection) => {
  it.each(READS)("when %s, then allowed is %s", async (_who, uid, claims, scope, allowed) => {
    const read = getDoc(doc(rules.as(uid, claims), `${collection}/${scope}`));
    await (allowed ? assertSucceeds(read) : assertFails(read));
  });

  it.each(WRITERS)("when %s writes its own scope, then creating, changing and deleting are denied", async (_who, uid, claims, scope) => {
    const db = rules.as(uid, claims);
    await assertFails(setDoc(doc(db, `${collection}/${scope}`), { registrants: 1 }));
    await assertFails(updateDoc(doc(db, `${collection}/${scope}`), { registrants: 1 }));
    await assertFails(deleteDoc(doc(db, `${collection}/${scope}`)));
    await assertFails(setDoc(doc(db, `${collection}/3174`), { registrants: 1 }));
  });
});
