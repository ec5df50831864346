import { randomInt, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { actKeyId, entryId } from "../../functions/src/domain/audit/chain.js";
import { closeRedriveDoc } from "../../functions/src/schemas/closeRedrive.js";
import { withDates } from "../../functions/src/schemas/timestamps.js";
import { closePartitionDoc } from "../../functions/src/schemas/waveClose.js";
import { adminDb } from "../support/admin.js";
import { removeClose, seedClose } from "../support/closeSeed.js";
import { accountWith, call } from "../support/stack.js";

/**
 * redriveClosePartition over HTTP on the emulators, against a close seeded as the close's tasks
 * write it (tests/support/closeSeed.ts: 00 and 01 done, 02 stalled, 03 running within its lease):
 * the stalled partition's attempt goes up once per request, its task is enqueued, the act is
 * audited; every other case is refused with what was found.
 */

const seeded: string[] = [];
const newClose = async () => {
  const waveId = `it-close-${randomInt(100_000, 999_999)}`;
  seeded.push(waveId);
  await seedClose(waveId);
  return waveId;
};

afterAll(async () => {
  await Promise.all(seeded.map(removeClose));
});

const partitionOf = async (waveId: string, index: string) =>
  closePartitionDoc.parse(withDates((await adminDb.doc(`waveCloses/${waveId}/partitions/${index}`).get()).data()));

describe("redriveClosePartition", () => {
  it("when an admin re-drives the stalled partition, then its attempt goes up once, the request is recorded and audited, and a retry answers the same attempt", async () => {
    const [waveId, admin] = await Promise.all([newClose(), accountWith({ role: "admin" }, "admin")]);
    const requestId = randomUUID();
    const first = await call("redriveClosePartition", { waveId, partition: 2, requestId }, admin.idToken);
    expect(first.result).toEqual({ waveId, partition: 2, attempt: 2, redriven: true });

    // The re-driven task may already have taken the partition (running, or done: its range holds nobody); never an older attempt.
    expect((await partitionOf(waveId, "02")).attempt).toBeGreaterThanOrEqual(2);
    const record = closeRedriveDoc.parse(withDates((await adminDb.doc(`waveCloses/${waveId}/redrives/${requestId}`).get()).data()));
    expect(record).toMatchObject({ partition: 2, attempt: 2, found: "running", by: admin.uid });

    const auditKey = `${requestId}:${waveId}`;
    const key = (await adminDb.doc(`auditKeys/${actKeyId("redrive-close-partition", admin.uid, auditKey)}`).get()).data() as
      { chain: string; seq: number } | undefined;
    expect(key).toBeDefined();
    const entry = (await adminDb.doc(`auditChains/${key!.chain}/entries/${entryId(key!.seq)}`).get()).data();
    expect(entry).toMatchObject({ act: "redrive-close-partition", actor: admin.uid, role: "admin", target: `${waveId}/02`, key: auditKey });

    const again = await call("redriveClosePartition", { waveId, partition: 2, requestId }, admin.idToken);
    expect(again.result).toEqual({ waveId, partition: 2, attempt: 2, redriven: false });
    expect((await adminDb.collection(`waveCloses/${waveId}/redrives`).get()).size).toBe(1);
  });

  it("when the partition is running within its lease, then FAILED_PRECONDITION says its state, since when and when it would stall, and nothing changes", async () => {
    const [waveId, admin] = await Promise.all([newClose(), accountWith({ role: "admin" }, "admin")]);
    const response = await call("redriveClosePartition", { waveId, partition: 3, requestId: randomUUID() }, admin.idToken);
    expect(response.error).toMatchObject({ status: "FAILED_PRECONDITION", details: { reason: "partition-not-stalled", partition: 3, state: "running" } });
    const details = response.error?.details as { since: string; stallsAt: string };
    expect(Date.parse(details.stallsAt)).toBeGreaterThan(Date.now());
    expect(response.error?.message).toContain("“running”");
    expect(response.error?.message).not.toContain("{");
    expect((await partitionOf(waveId, "03")).attempt).toBe(1);
    expect((await adminDb.collection(`waveCloses/${waveId}/redrives`).get()).size).toBe(0);
  });

  it("when the partition is done, does not exist, or no wave has the ID, then each refusal says so", async () => {
    const [waveId, admin] = await Promise.all([newClose(), accountWith({ role: "admin" }, "admin")]);
    const ask = (wave: string, partition: number) => call("redriveClosePartition", { waveId: wave, partition, requestId: randomUUID() }, admin.idToken);
    expect((await ask(waveId, 0)).error).toMatchObject({ status: "FAILED_PRECONDITION", details: { reason: "partition-done", partition: 0 } });
    expect((await ask(waveId, 9)).error).toMatchObject({ status: "NOT_FOUND", details: { reason: "partition-not-found", partition: 9, last: 3 } });
    const none = (await ask(`${waveId}-none`, 1)).error;
    expect(none).toMatchObject({ status: "NOT_FOUND", details: { reason: "wave-not-found", waveId: `${waveId}-none` } });
    expect(none?.message).toContain(`${waveId}-none`);
  });

  it("when an auditor asks, then PERMISSION_DENIED and the stalled partition stays as it was", async () => {
    const [waveId, auditor] = await Promise.all([newClose(), accountWith({ role: "auditor" }, "auditor")]);
    const response = await call("redriveClosePartition", { waveId, partition: 2, requestId: randomUUID() }, auditor.idToken);
    expect(response.error).toMatchObject({ status: "PERMISSION_DENIED", details: { reason: "not-admin" } });
    expect(await partitionOf(waveId, "02")).toMatchObject({ state: "running", attempt: 1 });
  });
});
