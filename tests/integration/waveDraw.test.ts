import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { publicationTime, QUICKNET } from "../../functions/src/domain/beacon.js";
import { URLS } from "../../scripts/stack/config.js";
import { fireSchedule } from "../../scripts/stack/scheduler.js";
import { runConcurrently } from "../../scripts/bench/stats.js";
import { adminDb } from "../support/admin.js";
import { ensureProgramYear, person } from "../support/people.js";
import { accountWith, call, type SignedIn } from "../support/stack.js";

/**
 * A whole wave on the local stack: created, joined by a few hundred applicants, closed by the
 * schedule and the close's tasks (docs/draw.md §10), drawn, published, verified by `verify-draw`,
 * and published again after a simulated crash.
 */
const APPLICANTS = 240;
const QUOTA = 60;
const run = promisify(execFile);
const sleepUntil = async (at: Date) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at.getTime() - Date.now())));

let admin: SignedIn;
let waveId: string;
let closesAt: Date;
let round: number;
const people: SignedIn[] = [];

beforeAll(async () => {
  await ensureProgramYear();
  admin = await accountWith({ role: "admin" }, "admin");
  await runConcurrently(APPLICANTS, 8, async (i) => {
    const applicant = await accountWith(null, "drawn");
    const form = person({ districtCode: i % 3 === 0 ? "520101" : "317101" });
    expect((await call("register", form, applicant.idToken)).error).toBeUndefined();
    people.push(applicant);
  });
  // The wave opens after everyone registered, and closes after a time long enough to join.
  closesAt = new Date(Date.now() + 60_000);
  const created = await call(
    "createWave",
    {
      number: 1000 + Math.floor(Math.random() * 1_000_000),
      programYear: new Date().getFullYear(),
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: closesAt.toISOString(),
      quota: QUOTA,
      strata: { kind: "shares", basisPoints: { "52": 2500 } },
    },
    admin.idToken,
  );
  expect(created.error).toBeUndefined();
  ({ waveId } = created.result as { waveId: string });
  round = (created.result as { draw: { beacon: { round: number } } }).draw.beacon.round;
  await runConcurrently(APPLICANTS, 8, async (i) => {
    const joined = await call("joinWave", { waveId }, people[i].idToken);
    expect(joined.result).toMatchObject({ waveId, joined: true });
  });
  expect(Date.now()).toBeLessThan(closesAt.getTime());
}, 240_000);

const waveState = async () => (await adminDb.doc(`waves/${waveId}`).get()).get("state") as string;
const eventually = async (what: string, check: () => Promise<boolean>, timeoutMs: number) => {
  for (const until = Date.now() + timeoutMs; !(await check()); await new Promise((resolve) => setTimeout(resolve, 500)))
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
};
const participants = async () => (await adminDb.collection("applicants").where("selectedWave", "==", waveId).get()).docs;

describe("a wave's draw", () => {
  it("when the wave closes and two runs of the schedule fire at the same moment, then the pool is frozen and committed once, before the beacon round is out", async () => {
    expect(await waveState()).toBe("open");
    await sleepUntil(closesAt);
    const late = await accountWith(null, "late");
    await call("register", person(), late.idToken);
    expect((await call("joinWave", { waveId }, late.idToken)).error).toMatchObject({ status: "FAILED_PRECONDITION", details: { reason: "wave-not-open" } });
    // Two overlapping runs meet on the close and then on its start: one starts it (a task per partition), the other finds the lease held.
    await Promise.all([fireSchedule("advanceWaves", new Date()), fireSchedule("advanceWaves", new Date())]);
    await eventually("the pool frozen by the close's tasks", async () => (await waveState()) === "frozen", 180_000);
    // Written by one run only: a second freeze would have written each pool page again.
    const pages = (await adminDb.collection(`waveDraws/${waveId}/pool`).get()).docs;
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(page.updateTime.isEqual(page.createTime), page.id).toBe(true);
    expect((await adminDb.doc(`leases/wave-draw-${waveId}`).get()).exists).toBe(false);
    const frozen = (await adminDb.doc(`waveDraws/${waveId}`).get()).data();
    expect(frozen).toMatchObject({ poolSize: APPLICANTS, poolRoot: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(publicationTime(round, QUICKNET).getTime()).toBeGreaterThan(Date.now());
  }, 240_000);

  it("when the beacon round is out and two runs fire at once, then the winners are drawn once, become participants, and the manifest is published and verifies", async () => {
    await sleepUntil(new Date(publicationTime(round, QUICKNET).getTime() + 1000));
    await Promise.all([fireSchedule("advanceWaves", new Date()), fireSchedule("advanceWaves", new Date())]);
    await eventually("the wave drawn by the close's tasks", async () => (await waveState()) === "drawn", 180_000);
    const selectedOnce = await adminDb.collectionGroup("timeline").where("kind", "==", "selected").where("waveId", "==", waveId).get();
    expect(selectedOnce.size).toBe(QUOTA);
    expect((await adminDb.doc(`leases/wave-draw-${waveId}`).get()).exists).toBe(false);

    const winners = await participants();
    expect(winners).toHaveLength(QUOTA);
    for (const winner of winners) expect(winner.data()).toMatchObject({ status: "participant", inPool: false, trainingBalance: 3_500_000 });
    const stillInPool = await adminDb.collection("applicants").where("joinedWave", "==", waveId).where("inPool", "==", true).get();
    expect(stillInPool.size).toBe(APPLICANTS - QUOTA);

    const manifestUrl = `${URLS.functions}/draws/${waveId}/manifest.json`;
    const manifest = (await (await fetch(manifestUrl)).json()) as { winners: { count: number }; byProvince: Record<string, { pool: number; winners: number }> };
    expect(manifest.winners.count).toBe(QUOTA);
    expect(manifest.byProvince["52"].winners).toBeGreaterThanOrEqual(QUOTA / 4);
    const { stdout } = await run(process.execPath, [join(process.cwd(), "node_modules", ".bin", "tsx"), "scripts/verify-draw.ts", manifestUrl]);
    expect(stdout).toContain("MATCH");

    // Each person sees their pseudonymous ID, their rank and the cut-off.
    const winnerUid = winners[0].id;
    const winner = people.find((p) => p.uid === winnerUid)!;
    const loser = people.find((p) => !winners.some((w) => w.id === p.uid))!;
    type Draw = { draw: { pid: string; inPool: boolean; latest: { waveId: string; selected: boolean; rank: string; withinCutoff: boolean } } };
    const mine = ((await call("getMyStatus", {}, winner.idToken)).result as Draw).draw;
    expect(mine).toMatchObject({ inPool: false, latest: { waveId, selected: true, withinCutoff: true } });
    const theirs = ((await call("getMyStatus", {}, loser.idToken)).result as Draw).draw;
    expect(theirs).toMatchObject({ inPool: true, latest: { waveId, selected: false } });
    expect(theirs.pid).not.toBe(mine.pid);
  }, 240_000);

  it("when the close crashed after its winners were applied but before publication, then the schedule publishes the same winners and nobody is selected twice", async () => {
    const before = (await adminDb.doc(`waveDraws/${waveId}`).get()).get("manifest.winners.digest") as string;
    await adminDb.doc(`waves/${waveId}`).update({ state: "frozen" });
    await adminDb.doc(`waveCloses/${waveId}`).update({ stage: "applying" });
    await fireSchedule("advanceWaves", new Date());
    expect(await waveState()).toBe("drawn");
    expect((await adminDb.doc(`waveDraws/${waveId}`).get()).get("manifest.winners.digest")).toBe(before);
    expect(await participants()).toHaveLength(QUOTA);
    const selectedEvents = await adminDb.collectionGroup("timeline").where("kind", "==", "selected").where("waveId", "==", waveId).get();
    expect(selectedEvents.size).toBe(QUOTA);
  }, 120_000);
});
