import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import { collection, doc, documentId, getDocs, limit, orderBy, query, setDoc, where } from "firebase/firestore";
import { describe, it } from "vitest";
import { describeAccess, EVERYONE, useRulesEnvironment, type Who } from "../support/rules.js";

/**
 * The audit log: auditors and the program office read chain heads, entries and daily roots (the
 * auditor's page lists and checks them in the browser); operators, partners, applicants and the
 * public read nothing of it; the act keys are for the functions alone; no client writes anything.
 */
const DAY = "auditDays/2026-03-02";
const HEAD = "auditChains/2026-03-02~admin-1";
const ENTRY = `${HEAD}/entries/0000000001`;
const KEY = `auditKeys/${"a".repeat(64)}`;
const HASH = "b".repeat(64);

const rules = useRulesEnvironment("demo-prakerja-rules-audit", async (store) => {
  await setDoc(doc(store, DAY), { day: "2026-03-02", state: "sealed", prev: "0".repeat(64), root: HASH, chains: 1, entries: 1, sealedAt: new Date() });
  await setDoc(doc(store, HEAD), { day: "2026-03-02", actor: "admin-1", seq: 1, hash: HASH, updatedAt: new Date() });
  await setDoc(doc(store, ENTRY), {
    chain: "2026-03-02~admin-1",
    seq: 1,
    prev: "0".repeat(64),
    act: "grant-role",
    actor: "admin-1",
    role: "admin",
    target: "u1",
    key: "k",
    at: new Date(),
    hash: HASH,
  });
  await setDoc(doc(store, KEY), { chain: "2026-03-02~admin-1", seq: 1, at: new Date() });
});

describeAccess(rules, [
  { path: DAY, readers: ["admin", "auditor"] },
  { path: HEAD, readers: ["admin", "auditor"] },
  { path: ENTRY, readers: ["admin", "auditor"] },
  { path: KEY, readers: [] },
]);

describe("the auditor's page's queries", () => {
  const queries = {
    "the latest days": (who: Who) => query(collection(rules.db(who), "auditDays"), orderBy("day", "desc"), limit(30)),
    "a day's chains": (who: Who) =>
      query(
        collection(rules.db(who), "auditChains"),
        where(documentId(), ">=", "2026-03-02~"),
        where(documentId(), "<", "2026-03-02\u007f"),
        orderBy(documentId()),
      ),
    "a chain's entries": (who: Who) => query(collection(rules.db(who), `${HEAD}/entries`), orderBy(documentId()), limit(500)),
  };
  for (const [name, build] of Object.entries(queries)) {
    for (const who of EVERYONE) {
      const allowed = who === "admin" || who === "auditor";
      it(`when ${who} lists ${name}, then it is ${allowed ? "allowed" : "denied"}`, async () => {
        await (allowed ? assertSucceeds(getDocs(build(who))) : assertFails(getDocs(build(who))));
      });
    }
  }

  it("when an operator of province 31 or a partner's staff member lists the days, then it is denied", async () => {
    await assertFails(getDocs(query(collection(rules.as("op-31", { role: "operator", region: "31" }), "auditDays"))));
    await assertFails(getDocs(query(collection(rules.as("staff-1", { role: "partner", partner: "lpk-nusantara" }), "auditDays"))));
  });
});
