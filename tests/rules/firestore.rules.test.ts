import { assertFails, assertSucceeds, initializeTestEnvironment, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { deleteDoc, doc, getDoc, setDoc, setLogLevel, updateDoc } from "firebase/firestore";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";

/**
 * firestore.rules against the real emulator: for every collection the code uses, who may read,
 * and that no client may write. A project of its own keeps these tests apart from the others.
 */
let env: RulesTestEnvironment;

const [host, port] = process.env.FIRESTORE_EMULATOR_HOST!.split(":");

type Who = "anonymous" | "applicant" | "operator" | "admin" | "auditor";
const EVERYONE: Who[] = ["anonymous", "applicant", "operator", "admin", "auditor"];
const SIGNED_IN: Who[] = ["applicant", "operator", "admin", "auditor"];

/** Each path the code uses (functions/src/adapters/collections.ts), with who may read it. */
const PATHS: Array<{ path: string; readers: Who[] }> = [
  { path: "programYears/2026", readers: EVERYONE },
  { path: "waves/2026-1", readers: EVERYONE },
  { path: "waves/2026-1/events/open", readers: EVERYONE },
  { path: "trainingPartners/p1", readers: EVERYONE },
  { path: "trainings/t1", readers: EVERYONE },
  { path: "paymentPartners/bank-demo", readers: SIGNED_IN },
  { path: "roleGrants/0b6f3c2e-8d1a-4c1e-9d2b-3f4a5b6c7d8e", readers: ["admin", "auditor"] },
  { path: "somethingElse/x", readers: [] },
];

function db(who: Who) {
  if (who === "anonymous") return env.unauthenticatedContext().firestore();
  const claims = who === "applicant" ? {} : who === "operator" ? { role: "operator", region: "31" } : { role: who };
  return env.authenticatedContext(`${who}-uid`, claims).firestore();
}

beforeAll(async () => {
  // Denied writes are the point of these tests; the SDK would log each one as an error.
  setLogLevel("silent");
  env = await initializeTestEnvironment({
    projectId: "demo-prakerja-rules",
    firestore: { host, port: Number(port), rules: readFileSync("firestore.rules", "utf8") },
  });
});

afterAll(async () => {
  await env.cleanup();
});

beforeEach(async () => {
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (context) => {
    for (const { path } of PATHS) await setDoc(doc(context.firestore(), path), { seeded: true });
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

describe("a claim that is not a role", () => {
  it("when the role claim is not a string, then the reader counts as an applicant", async () => {
    const odd = env.authenticatedContext("odd-uid", { role: ["admin"] }).firestore();
    await assertFails(getDoc(doc(odd, "roleGrants/0b6f3c2e-8d1a-4c1e-9d2b-3f4a5b6c7d8e")));
    await assertSucceeds(getDoc(doc(odd, "paymentPartners/bank-demo")));
  });
});
