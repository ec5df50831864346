import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import { collection, doc, getDocs, query, setDoc, where } from "firebase/firestore";
import { describe, it } from "vitest";
import { describeAccess, EVERYONE, useRulesEnvironment, type Who } from "../support/rules.js";

/**
 * Priority lists: which keyed NIK is on which list (and its sealed number) is read by functions
 * only; each list's name and counts are public (the transparency page); the program office and
 * auditors read each import; no client writes.
 */
const ENTRY = "priorityEntries/Qm9ndXMta2V5ZWQtaGFzaC1mb3ItdGVzdHMtb25seS0y";

const PATHS: Array<{ path: string; readers: Who[] }> = [
  { path: ENTRY, readers: [] },
  { path: "priorityLists/korban-phk", readers: EVERYONE },
  { path: "priorityImports/korban-phk-v1", readers: ["admin", "auditor"] },
];

const rules = useRulesEnvironment("demo-prakerja-rules-priority", async (store) => {
  await setDoc(doc(store, ENTRY), { lists: { "korban-phk": { versions: [1] } } });
  const at = new Date();
  await setDoc(doc(store, "priorityLists/korban-phk"), {
    name: "Korban PHK",
    description: "Pekerja terkena PHK",
    source: "BPJS Ketenagakerjaan",
    currentVersion: 1,
    entries: 1,
    registered: 0,
    invited: 0,
    createdAt: at,
    updatedAt: at,
  });
  await setDoc(doc(store, "priorityImports/korban-phk-v1"), { listId: "korban-phk", version: 1, status: "completed", entries: 1 });
});
const db = rules.db;

describeAccess(rules, PATHS);

describe("queries", () => {
  it("when an admin asks which entries hold a version of a priority list, then it is denied: membership stays with the functions", async () => {
    const entries = query(collection(db("admin"), "priorityEntries"), where("lists.korban-phk.versions", "array-contains", 1));
    await assertFails(getDocs(entries));
  });

  it("when anyone lists the priority lists, then it is allowed: names and counts are public", async () => {
    await assertSucceeds(getDocs(collection(db("anonymous"), "priorityLists")));
  });

  it("when an auditor lists one list's imports, then it is allowed; an applicant, denied", async () => {
    await assertSucceeds(getDocs(query(collection(db("auditor"), "priorityImports"), where("listId", "==", "korban-phk"))));
    await assertFails(getDocs(query(collection(db("applicant"), "priorityImports"), where("listId", "==", "korban-phk"))));
  });
});
