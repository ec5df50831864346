import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import { collection, doc, getDocs, query, setDoc, where } from "firebase/firestore";
import { describe, it } from "vitest";
import { describeAccess, useRulesEnvironment, type Who } from "../support/rules.js";

/**
 * Exclusion lists: which keyed NIK is on which list is read by functions only; the program office
 * and auditors read each list's current version and the record of every import; no client writes.
 */
const ENTRY = "exclusionEntries/Qm9ndXMta2V5ZWQtaGFzaC1mb3ItdGVzdHMtb25seS0x";

const PATHS: Array<{ path: string; readers: Who[] }> = [
  { path: ENTRY, readers: [] },
  { path: "exclusionLists/civil-servant", readers: ["admin", "auditor"] },
  { path: "exclusionImports/civil-servant-v1", readers: ["admin", "auditor"] },
];

const rules = useRulesEnvironment("demo-prakerja-rules-exclusion", async (store) => {
  await setDoc(doc(store, ENTRY), { lists: { "civil-servant": { versions: [1] } } });
  await setDoc(doc(store, "exclusionLists/civil-servant"), { currentVersion: 1, entries: 1, updatedAt: new Date() });
  await setDoc(doc(store, "exclusionImports/civil-servant-v1"), { type: "civil-servant", version: 1, status: "completed", entries: 1 });
});
const db = rules.db;

describeAccess(rules, PATHS);

describe("queries", () => {
  it("when an admin asks which entries hold a version, then it is denied: even keyed, entries stay with the functions", async () => {
    const entries = query(collection(db("admin"), "exclusionEntries"), where("lists.civil-servant.versions", "array-contains", 1));
    await assertFails(getDocs(entries));
  });

  it("when an auditor lists the lists and the imports of one list, then both are allowed", async () => {
    await assertSucceeds(getDocs(collection(db("auditor"), "exclusionLists")));
    await assertSucceeds(getDocs(query(collection(db("auditor"), "exclusionImports"), where("type", "==", "civil-servant"))));
  });

  it("when an operator lists the imports, then it is denied", async () => {
    await assertFails(getDocs(collection(db("operator"), "exclusionImports")));
  });
});
