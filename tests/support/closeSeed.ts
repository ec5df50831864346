import { partitionDocId } from "../../functions/src/schemas/closeRedrive.js";
import { closePartitionDoc, waveCloseDoc, type ClosePartitionDoc } from "../../functions/src/schemas/waveClose.js";
import { adminDb } from "./admin.js";

/**
 * A wave's close in the middle of its partitioning stage, written as the close's tasks write it
 * (and parsed with the stored schemas first, so a change of the documents' shape fails the seed,
 * not the page): 4 partitions, 00 and 01 done, 02 running with a lease that lapsed five minutes
 * ago (stalled), 03 running within its lease. The ranges hold no pseudonymous ID ('~' sorts after
 * every base64url character), so a task that runs one of them reads nobody.
 */
export async function seedClose(waveId: string): Promise<void> {
  const minutes = (n: number) => new Date(Date.now() + n * 60_000);
  const partition = (index: number, fields: Partial<ClosePartitionDoc>): ClosePartitionDoc =>
    closePartitionDoc.parse({
      index,
      from: `~~${index}`,
      to: `~~${index + 1}`,
      state: "pending",
      attempt: 1,
      leaseUntil: null,
      enqueuedAt: minutes(-30),
      startedAt: null,
      finishedAt: null,
      processed: 0,
      eligible: 0,
      excluded: 0,
      ...fields,
    });
  await adminDb.doc(`waveCloses/${waveId}`).set(
    waveCloseDoc.parse({
      waveId,
      stage: "partitioning",
      partitions: 4,
      partitionsDone: 2,
      processed: 2400,
      eligible: 2300,
      excluded: 100,
      winnersApplied: 0,
      winners: 0,
      // Started "tomorrow": the console lists the latest closes first, and a seeded one stays on top whatever other suites start.
      startedAt: minutes(24 * 60),
      updatedAt: minutes(-1),
    }),
  );
  const parts = [
    partition(0, { state: "done", startedAt: minutes(-29), finishedAt: minutes(-20), processed: 1200, eligible: 1150, excluded: 50 }),
    partition(1, { state: "done", startedAt: minutes(-29), finishedAt: minutes(-19), processed: 1200, eligible: 1150, excluded: 50 }),
    partition(2, { state: "running", startedAt: minutes(-28), leaseUntil: minutes(-5), processed: 640 }),
    partition(3, { state: "running", startedAt: minutes(-2), leaseUntil: minutes(10), processed: 90 }),
  ];
  await Promise.all(parts.map((p) => adminDb.doc(`waveCloses/${waveId}/partitions/${partitionDocId(p.index)}`).set(p)));
}

/** Removes a seeded close with its partitions and re-drive records. */
export async function removeClose(waveId: string): Promise<void> {
  await adminDb.recursiveDelete(adminDb.doc(`waveCloses/${waveId}`));
}
