import { assertFails, assertSucceeds, initializeTestEnvironment, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { deleteDoc, doc, getDoc, setDoc, setLogLevel, updateDoc, type Firestore } from "firebase/firestore";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";

/**
 * firestore.rules on the real emulator, the quickstart-testing way: a project per test file (so
 * files never clear each other's data), data cleared and seeded with rules off before each test,
 * one context per user.
 */
export type Who = "anonymous" | "applicant" | "operator" | "admin" | "auditor";
export const EVERYONE: Who[] = ["anonymous", "applicant", "operator", "admin", "auditor"];
export const SIGNED_IN: Who[] = ["applicant", "operator", "admin", "auditor"];

export interface RulesContext {
  /** A client of one of the standard roles (the operator serves province 31). */
  db(who: Who): Firestore;
  /** A client with these claims (null: not signed in). */
  as(uid: string, claims: Record<string, unknown> | null): Firestore;
}

export function useRulesEnvironment(projectId: string, seed: (store: Firestore) => Promise<void>): RulesContext {
  let env: RulesTestEnvironment;
  const [host, port] = process.env.FIRESTORE_EMULATOR_HOST!.split(":");
  beforeAll(async () => {
    // Denied reads and writes are the point of these tests; the SDK would log each one as an error.
    setLogLevel("silent");
    env = await initializeTestEnvironment({ projectId, firestore: { host, port: Number(port), rules: readFileSync("firestore.rules", "utf8") } });
  });
  afterAll(async () => {
    await env.cleanup();
  });
  beforeEach(async () => {
    await env.clearFirestore();
    await env.withSecurityRulesDisabled((context) => seed(context.firestore() as unknown as Firestore));
  });
  const as = (uid: string, claims: Record<string, unknown> | null) =>
    (claims === null ? env.unauthenticatedContext() : env.authenticatedContext(uid, claims)).firestore() as unknown as Firestore;
  return {
    as,
    db: (who) =>
      as(`${who}-uid`, who === "anonymous" ? null : who === "applicant" ? {} : who === "operator" ? { role: "operator", region: "31" } : { role: who }),
  };
}

/** For each path: who may read it, and that nobody may create, update or delete it. */
export function describeAccess(rules: RulesContext, paths: Array<{ path: string; readers: Who[] }>): void {
  describe.each(paths)("$path", ({ path, readers }) => {
    for (const who of EVERYONE) {
      const allowed = readers.includes(who);
      it(`when ${who} reads it, then it is ${allowed ? "allowed" : "denied"}`, async () => {
        const read = getDoc(doc(rules.db(who), path));
        await (allowed ? assertSucceeds(read) : assertFails(read));
      });

      it(`when ${who} creates, updates or deletes it, then each is denied`, async () => {
        await assertFails(setDoc(doc(rules.db(who), `${path}-new`), { seeded: false }));
        await assertFails(updateDoc(doc(rules.db(who), path), { seeded: false }));
        await assertFails(deleteDoc(doc(rules.db(who), path)));
      });
    }
  });
}
