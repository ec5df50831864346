import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { winnersDigest } from "../../functions/src/domain/draw/index.js";
import { fireSchedule } from "../../scripts/stack/scheduler.js";
import { adminDb } from "../support/admin.js";
import { closedWave, eventually, expectedRoot, expectedWinners, leavePool, waveState, type ClosedWave } from "../support/waveClose.js";

/**
 * The bench's path scaled down for CI (`npm run bench -- wave-close` closes 1,000,000): 20,000
 * joined applicants (CLOSE_SCALE_APPLICANTS) loaded in bulk and closed by the schedule and the
 * real task functions through the Cloud Tasks emulator, which runs one task at a time; the pool
 * root and the winners (two winners pages) are the ones computed apart. Run it on its own: the
 * pool is everyone `inPool` (see waveClose.test.ts).
 */
const APPLICANTS = Number(process.env.CLOSE_SCALE_APPLICANTS ?? 20_000);
const QUOTA = 1_500;

let wave: ClosedWave;

beforeAll(async () => {
  wave = await closedWave(APPLICANTS, QUOTA);
}, 300_000);

afterAll(async () => {
  if (wave !== undefined) await leavePool(wave.pool.uids);
}, 120_000);

describe("the partitioned close at CI scale", () => {
  it(`when ${APPLICANTS.toLocaleString("en")} joined applicants' wave is closed and its beacon round is out, then the tasks commit the expected root and draw the reference's winners`, async () => {
    await fireSchedule("advanceWaves", new Date());
    await eventually("the wave frozen", async () => (await waveState(wave.waveId)) === "frozen", 600_000);
    expect((await adminDb.doc(`waveDraws/${wave.waveId}`).get()).data()).toMatchObject({
      poolRoot: expectedRoot(wave.pool.entries),
      poolSize: wave.pool.eligible,
    });

    await fireSchedule("advanceWaves", new Date());
    await eventually("the wave drawn", async () => (await waveState(wave.waveId)) === "drawn", 600_000);
    const manifest = (await adminDb.doc(`waveDraws/${wave.waveId}`).get()).get("manifest") as {
      beacon: { value: string };
      winners: { count: number; digest: string; pages?: unknown[] };
    };
    const winners = expectedWinners(wave, manifest.beacon.value);
    expect(manifest.winners).toMatchObject({ count: QUOTA, digest: winnersDigest(winners) });
    expect(manifest.winners.pages).toHaveLength(2);
    expect((await adminDb.collection("applicants").where("selectedWave", "==", wave.waveId).count().get()).data().count).toBe(QUOTA);
    expect((await adminDb.doc(`waveCloses/${wave.waveId}`).get()).data()).toMatchObject({
      stage: "done",
      processed: APPLICANTS,
      winnersApplied: QUOTA,
      appliedPages: [0, 1],
    });
  }, 1_200_000);
});
