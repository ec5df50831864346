import { assertFails, assertSucceeds, initializeTestEnvironment, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, setLogLevel, updateDoc, where } from "firebase/firestore";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";

/**
 * Exclusion lists: which keyed NIK is on which list is read by functions only; the program office
 * and auditors read each list's current version and the record of every import; no client writes.
 */
let env: RulesTestEnvironment;
const [host, port] = process.env.FIRESTORE_EMULATOR_HOST!.split(":");

type Who = "anonymous" | "applicant" | "operator" | "admin" | "auditor";
const EVERYONE: Who[] = ["anonymous", "applicant", "operator", "admin", "auditor"];
const ENTRY = "exclusionEntries/Qm9ndXMta2V5ZWQtaGFzaC1mb3ItdGVzdHMtb25seS0x";

const PATHS: Array<{ path: string; readers: Who[] }> = [
  { path: ENTRY, readers: [] },
  { path: "exclusionLists/civil-servant", readers: ["admin", "auditor"] },
  { path: "exclusionImports/civil-servant-v1", readers: ["admin", "auditor"] },
];

function db(who: Who) {
  if (who === "anonymous") return env.unauthenticatedContext().firestore();
  const claims = who === "applicant" ? {} : who === "operator" ? { role: "operator", region: "31" } : { role: who };
  return env.authenticatedContext(`${who}-uid`, claims).firestore();
}

beforeAll(async () => {
  // Denied reads and writes are the point of these tests; the SDK would log each one as an error.
  setLogLevel("silent");
  env = await initializeTestEnvironment({
    projectId: "demo-prakerja-rules-exclusion",
    firestore: { host, port: Number(port), rules: readFileSync("firestore.rules", "utf8") },
  });
});

afterAll(async () => {
  await env.cleanup();
});

beforeEach(async () => {
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (context) => {
    const store = context.firestore();
    await setDoc(doc(store, ENTRY), { lists: { "civil-servant": { versions: [1] } } });
    await setDoc(doc(store, "exclusionLists/civil-servant"), { currentVersion: 1, entries: 1, updatedAt: new Date() });
    await setDoc(doc(store, "exclusionImports/civil-servant-v1"), { type: "civil-servant", version: 1, status: "completed", entries: 1 });
  });
});

describe.each(PATHS)("$path", ({ path, readers }) => {
  for (const who of EVERYONE) {
    const allowed = readers.includes(who);
    it(`when ${who} reads it, then it is ${allowed ? "allowed" : "denied"}`, async () => {
      const read = getDoc(doc(db(who), path));
      await (allowed ? assertSucceeds(read) : assertFails(read));
    });

    it(`when ${who} creates, updates or deletes it, then each is denied`, async () => {
      await assertFails(setDoc(doc(db(who), `${path}-new`), { seeded: false }));
      await assertFails(updateDoc(doc(db(who), path), { seeded: false }));
      await assertFails(deleteDoc(doc(db(who), path)));
    });
  }
});

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
