import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { beforeAll, describe, expect, it } from "vitest";
import { APPEND_WRITES, firestoreAuditDays, firestoreAuditLog, firestoreAuditReader } from "../../functions/src/adapters/auditLog.js";
import type { AuditRecord } from "../../functions/src/domain/audit/acts.js";
import { actKeyId, entryHash, entryId, GENESIS } from "../../functions/src/domain/audit/chain.js";
import { verifyLog } from "../../functions/src/domain/audit/verify.js";
import { sealAuditDays } from "../../functions/src/usecases/sealAuditDays.js";

/**
 * The audit log's Firestore adapter on the real emulator, and `npm run verify-audit` against it.
 * This file has a project of its own (the emulator keeps projects apart), so its tampering never
 * shows in another suite's log, and the log starts empty. Its acts are dated in January 2001.
 */

const PROJECT = "demo-audit-log";
process.env.GCLOUD_PROJECT = PROJECT;
// The adapters' default app is made on first use: this file's project, before anything reads.
const app = getApps()[0] ?? initializeApp({ projectId: PROJECT });
const db = getFirestore(app);

const run = promisify(execFile);
const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");

async function verifyAudit(): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, [tsx, "scripts/verifyAudit.ts"], { env: { ...process.env, GCLOUD_PROJECT: PROJECT } });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, out: failed.stderr };
  }
}

const at = (iso: string) => new Date(iso);
const act = (over: Partial<AuditRecord>): AuditRecord => ({
  act: "grant-role",
  actor: "admin-1",
  role: "admin",
  target: "uid-1",
  key: "k",
  at: at("2001-01-01T03:00:00Z"),
  ...over,
});

/** Changes one document with the Admin SDK (rules do not apply), runs the checks, puts it back. */
async function tampered(path: string, change: Record<string, unknown> | "delete"): Promise<{ code: number; out: string }> {
  const ref = db.doc(path);
  const before = (await ref.get()).data();
  if (before === undefined) throw new Error(`${path} is missing`);
  await (change === "delete" ? ref.delete() : ref.update(change));
  try {
    return await verifyAudit();
  } finally {
    await ref.set(before);
  }
}

describe("audit log on Firestore", () => {
  beforeAll(async () => {
    expect(app.options.projectId).toBe(PROJECT);
    // Day 1: an admin's acts (one retried), 6 of an operator's at once, and 24 of the clock's at once; day 2: a few; day 3: none; day 4: today.
    await firestoreAuditLog.append(act({ key: "grant-1" }));
    await firestoreAuditLog.append(act({ key: "grant-1" }));
    await firestoreAuditLog.append(act({ key: "grant-2", target: "uid-2", details: { role: "operator", region: "31" } }));
    await Promise.all(
      Array.from({ length: 6 }, (_, n) =>
        firestoreAuditLog.append(
          act({ act: "decide-verification", actor: "operator-31", role: "operator", key: `decide-${n}`, target: `uid-${n}`, region: "317101" }),
        ),
      ),
    );
    await Promise.all(
      Array.from({ length: 24 }, (_, n) =>
        firestoreAuditLog.append(act({ act: "revoke-participant", actor: "system", role: "system", key: `purchase-deadline-u${n}`, target: `u${n}` })),
      ),
    );
    await firestoreAuditLog.append(act({ key: "grant-3", at: at("2001-01-02T05:00:00Z") }));
    await sealAuditDays({ auditDays: firestoreAuditDays }, at("2001-01-04T01:00:00Z"));
    await firestoreAuditLog.append(act({ key: "grant-4", at: at("2001-01-04T02:00:00Z") }));
  });

  it("when an act is appended, then its entry, its chain's head and its key are written in one transaction, and a retry adds nothing", async () => {
    expect(APPEND_WRITES).toBe(3);
    const head = (await db.doc("auditChains/2001-01-01~admin-1").get()).data();
    expect(head).toMatchObject({ day: "2001-01-01", actor: "admin-1", seq: 2 });
    const first = (await db.doc(`auditChains/2001-01-01~admin-1/entries/${entryId(1)}`).get()).data();
    expect(first).toMatchObject({ chain: "2001-01-01~admin-1", seq: 1, prev: GENESIS, act: "grant-role", key: "grant-1", target: "uid-1" });
    const key = (await db.doc(`auditKeys/${actKeyId("grant-role", "admin-1", "grant-1")}`).get()).data();
    expect(key).toMatchObject({ chain: "2001-01-01~admin-1", seq: 1 });
  });

  it("when one actor's acts arrive at once, then they form one chain without gaps; the clock's spread over its shards", async () => {
    const entries = await db.collection("auditChains/2001-01-01~operator-31/entries").get();
    expect(entries.docs.map((d) => d.get("seq") as number)).toEqual([1, 2, 3, 4, 5, 6]);
    const system = await db.collection("auditChains").where("actor", "==", "system").get();
    expect(system.size).toBeGreaterThan(6);
    expect(system.docs.reduce((sum, d) => sum + (d.data().seq as number), 0)).toBe(24);
  });

  it("when days are sealed, then each has its root chained to the day before, an empty day too, and sealing again changes nothing", async () => {
    const days = await db.collection("auditDays").orderBy("__name__").get();
    expect(days.docs.map((d) => [d.id, d.get("state") as string, d.get("entries") as number])).toEqual([
      ["2001-01-01", "sealed", 32],
      ["2001-01-02", "sealed", 1],
      ["2001-01-03", "sealed", 0],
    ]);
    expect(days.docs[1]?.data().prev).toBe(days.docs[0]?.data().root);
    expect(await sealAuditDays({ auditDays: firestoreAuditDays }, at("2001-01-04T02:00:00Z"))).toEqual({ sealed: [] });
  });

  it("when an act dated on a sealed day arrives late, then it goes on the next open day's chain and the log stays intact", async () => {
    await firestoreAuditLog.append(act({ key: "late-1", at: at("2001-01-02T16:59:00Z") }));
    expect((await db.doc("auditChains/2001-01-04~admin-1").get()).data()).toMatchObject({ seq: 2 });
    expect(await verifyLog(firestoreAuditReader)).toMatchObject({ ok: true, summary: { days: 4, sealedDays: 3, entries: 35 } });
  });

  it("when nothing was changed, then verify-audit says intact with the counts and exits 0", async () => {
    const result = await verifyAudit();
    expect(result).toEqual({ code: 0, out: expect.stringContaining("Audit log intact") });
    expect(result.out).toContain("4 days (3 sealed)");
    expect(result.out).toContain("35 entries");
  });

  it("when one entry's target is edited, then verify-audit exits 1 naming that day, chain and seq", async () => {
    const result = await tampered(`auditChains/2001-01-01~admin-1/entries/${entryId(2)}`, { target: "uid-9" });
    expect(result.code).toBe(1);
    expect(result.out).toContain("hash-mismatch at day 2001-01-01, chain 2001-01-01~admin-1, seq 2");
  });

  it("when an entry is edited with its hash recomputed, then the next link is named", async () => {
    const path = `auditChains/2001-01-01~operator-31/entries/${entryId(5)}`;
    const entries = [];
    for await (const { entry } of firestoreAuditReader.entries("2001-01-01~operator-31")) entries.push(entry);
    const forged = { ...entries[4], target: "someone-else" };
    const result = await tampered(path, { target: forged.target, hash: entryHash(forged) });
    expect(result.code).toBe(1);
    expect(result.out).toContain("prev-mismatch at day 2001-01-01, chain 2001-01-01~operator-31, seq 6");
  });

  it("when a field is added to an entry (outside the hashed ones), then verify-audit exits 1 naming that entry and the field", async () => {
    const result = await tampered(`auditChains/2001-01-01~admin-1/entries/${entryId(2)}`, { comment: "injected" });
    expect(result.code).toBe(1);
    expect(result.out).toContain("unexpected-field at day 2001-01-01, chain 2001-01-01~admin-1, seq 2");
    expect(result.out).toContain("found comment");
  });

  it("when a field is added to a chain's head or a day's record, then verify-audit names it; once removed, the log is intact again", async () => {
    const head = await tampered("auditChains/2001-01-02~admin-1", { comment: "injected" });
    expect(head.code).toBe(1);
    expect(head.out).toContain("unexpected-field at day 2001-01-02, chain 2001-01-02~admin-1");
    const day = await tampered("auditDays/2001-01-03", { reviewedBy: "someone" });
    expect(day.code).toBe(1);
    expect(day.out).toContain("unexpected-field at day 2001-01-03: expected only day, state, prev, root, chains, entries, sealedAt, found reviewedBy");
    expect(await verifyLog(firestoreAuditReader)).toMatchObject({ ok: true });
  });

  it("when an entry is deleted, then verify-audit names the gap", async () => {
    const result = await tampered(`auditChains/2001-01-01~operator-31/entries/${entryId(3)}`, "delete");
    expect(result.code).toBe(1);
    expect(result.out).toContain("seq-gap at day 2001-01-01, chain 2001-01-01~operator-31, seq 3");
  });

  it("when a day's root is altered, then verify-audit names that day", async () => {
    const result = await tampered("auditDays/2001-01-02", { root: "f".repeat(64) });
    expect(result.code).toBe(1);
    expect(result.out).toContain("root-mismatch at day 2001-01-02");
  });

  it("when a whole chain of a sealed day is deleted (head and entries), then the day's root breaks", async () => {
    const chain = "2001-01-02~admin-1";
    const entry = (await db.doc(`auditChains/${chain}/entries/${entryId(1)}`).get()).data();
    await db.doc(`auditChains/${chain}/entries/${entryId(1)}`).delete();
    const result = await tampered(`auditChains/${chain}`, "delete");
    await db.doc(`auditChains/${chain}/entries/${entryId(1)}`).set(entry!);
    expect(result.code).toBe(1);
    expect(result.out).toContain("root-mismatch at day 2001-01-02");
    expect((await verifyAudit()).code).toBe(0);
  });
});
