import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { FieldValue } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicationTime, QUICKNET } from "../../functions/src/domain/beacon.js";
import { waveDrawPlan } from "../../functions/src/schemas/documents.js";
import { drawManifest, drawPlan, poolPage } from "../../functions/src/schemas/draw.js";
import { DEV_CHAIN, devBeaconValue } from "../../scripts/stack/beacon.js";
import { URLS } from "../../scripts/stack/config.js";
import { fireSchedule } from "../../scripts/stack/scheduler.js";
import { runConcurrently } from "../../scripts/bench/stats.js";
import { adminDb } from "../support/admin.js";
import { ensureProgramYear, person } from "../support/people.js";
import { accountWith, call, type SignedIn } from "../support/stack.js";
import { closeStanding, emptyPool, eventually, leavePool, ticking } from "../support/waveClose.js";
import { seedWave } from "../support/waves.js";

/**
 * A whole wave on the local stack: seeded as createWave stores it (support/waves.ts; createWave's
 * own rules are tested in wavePool.test.ts and hardening.test.ts), joined by a few hundred
 * applicants, closed by the schedule and the close's tasks (docs/draw.md §10), drawn, published,
 * verified by `verify-draw`, and published again after a simulated crash.
 */
const APPLICANTS = 240;
const QUOTA = 60;
const run = promisify(execFile);
/** verify-draw as a command on a manifest URL: its exit code and what it printed. */
const verifyDraw = (manifestUrl: string) =>
  run(process.execPath, [join(process.cwd(), "node_modules", ".bin", "tsx"), "scripts/verify-draw.ts", manifestUrl]).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
const sleepUntil = async (at: Date) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at.getTime() - Date.now())));

let waveId: string;
let closesAt: Date;
let round: number;
const people: SignedIn[] = [];

beforeAll(async () => {
  await emptyPool();
  await ensureProgramYear();
  await runConcurrently(APPLICANTS, 8, async (i) => {
    const applicant = await accountWith(null, "drawn");
    const form = person({ districtCode: i % 3 === 0 ? "520101" : "317101" });
    expect((await call("register", form, applicant.idToken)).error).toBeUndefined();
    people.push(applicant);
  });
  // The wave opens after everyone registered, and closes after a time long enough to join.
  closesAt = new Date(Date.now() + 60_000);
  ({ waveId } = await seedWave({
    opensAt: new Date(Date.now() - 60_000),
    closesAt,
    quota: QUOTA,
    strata: { kind: "shares", basisPoints: { "52": 2500 } },
    // Time for the close's 64 partition tasks and the assembly on a busy emulator before the round
    // comes out (production declares a round at least 24 h after the close).
    beaconMarginSeconds: 90,
  }));
  // The plan as stored: the round is read from the wave's document, as the draw reads it.
  round = waveDrawPlan.parse((await adminDb.doc(`waves/${waveId}`).get()).get("draw")).beacon.round;
  await runConcurrently(APPLICANTS, 8, async (i) => {
    const joined = await call("joinWave", { waveId }, people[i].idToken);
    expect(joined.result).toMatchObject({ waveId, joined: true });
  });
  expect(Date.now()).toBeLessThan(closesAt.getTime());
}, 240_000);

const waveState = async () => (await adminDb.doc(`waves/${waveId}`).get()).get("state") as string;
const participants = async () => (await adminDb.collection("applicants").where("selectedWave", "==", waveId).get()).docs;

// Those not drawn stay in the pool (carried over): taken out, so the next close of the draws suite pools only its own.
afterAll(async () => {
  if (waveId === undefined) return;
  const left = await adminDb.collection("applicants").where("joinedWave", "==", waveId).where("inPool", "==", true).get();
  await leavePool(left.docs.map((doc) => doc.id));
}, 60_000);

describe("a wave's draw", () => {
  it("when the wave closes and two runs of the schedule fire at the same moment, then the pool is frozen and committed once, before the beacon round is out", async () => {
    expect(await waveState()).toBe("open");
    await sleepUntil(closesAt);
    const late = await accountWith(null, "late");
    await call("register", person(), late.idToken);
    expect((await call("joinWave", { waveId }, late.idToken)).error).toMatchObject({ status: "FAILED_PRECONDITION", details: { reason: "wave-not-open" } });
    // Two overlapping runs meet on the close and then on its start: one starts it (a task per partition), the other finds the lease held.
    await Promise.all([fireSchedule("advanceWaves", new Date()), fireSchedule("advanceWaves", new Date())]);
    await eventually(
      "the pool frozen by the close's tasks",
      ticking(async () => (await waveState()) === "frozen"),
      180_000,
      () => closeStanding(waveId),
    );
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
    await eventually(
      "the wave drawn by the close's tasks",
      ticking(async () => (await waveState()) === "drawn"),
      180_000,
      () => closeStanding(waveId),
    );
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
    expect(stdout).toContain(`as in the plan published at opening (${URLS.functions}/draws/${waveId}/plan.json)`);

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

  it("when the manifest moves from the plan published at opening, or a winner is changed under a stale digest, then verify-draw names the field or the winner and exits 1", async () => {
    const base = `${URLS.functions}/draws/${waveId}`;
    const plan = drawPlan.parse(await (await fetch(`${base}/plan.json`)).json());
    expect(plan).toMatchObject({
      waveId,
      quota: QUOTA,
      closesAt: closesAt.toISOString(),
      beacon: { round },
      strata: { kind: "shares", basisPoints: { "52": 2500 } },
    });
    const draw = adminDb.doc(`waveDraws/${waveId}`);
    const manifest = drawManifest.parse((await draw.get()).get("manifest"));
    const pids = manifest.winners.pids!;
    const firstPage = poolPage.parse(await (await fetch(`${base}/pool/000000.json`)).json());
    const notDrawn = firstPage.entries.find((entry) => !pids.includes(entry.pid))!.pid;
    try {
      // The first winner replaced by someone the draw did not select; the digest left as it was.
      await draw.update({ "manifest.winners.pids": [notDrawn, ...pids.slice(1)] });
      const stale = await verifyDraw(`${base}/manifest.json`);
      expect(stale.code).toBe(1);
      expect(stale.stdout).toContain(`MISMATCH: winners[0]: published "${notDrawn}", recomputed "${pids[0]}"`);
      await draw.update({ "manifest.winners.pids": pids });
      // The wave's quota raised after the draw: plan.json no longer says what the manifest says.
      await adminDb.doc(`waves/${waveId}`).update({ quota: QUOTA + 1 });
      const moved = await verifyDraw(`${base}/manifest.json`);
      expect(moved.code).toBe(1);
      expect(moved.stdout).toContain(`plan.quota: at opening ${QUOTA + 1}, in the manifest ${QUOTA}`);
    } finally {
      await draw.update({ "manifest.winners.pids": pids });
      await adminDb.doc(`waves/${waveId}`).update({ quota: QUOTA });
    }
    expect((await verifyDraw(`${base}/manifest.json`)).code).toBe(0);
    expect((await verifyDraw(`${base}/no-such-file/manifest.json`)).code).toBe(2);
  }, 120_000);

  it("when verify-draw --check-beacon runs, then it fetches the round from the http:// development chain and verifies its signature; a forged beacon value is a mismatch; without the flag it says the beacon was not checked", async () => {
    const base = `${URLS.functions}/draws/${waveId}`;
    const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
    const verify = (...args: string[]) =>
      run(process.execPath, [tsx, "scripts/verify-draw.ts", `${base}/manifest.json`, ...args]).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    // The plan recorded the development chain at creation; the manifest names the chain it was verified against.
    expect((await adminDb.doc(`waves/${waveId}`).get()).get("draw.beacon")).toMatchObject({ round, ...DEV_CHAIN });
    const draw = adminDb.doc(`waveDraws/${waveId}`);
    const manifest = drawManifest.parse((await draw.get()).get("manifest"));
    expect(manifest.beacon).toEqual({ source: expect.stringMatching(/^http:\/\//), round, value: devBeaconValue(round), ...DEV_CHAIN });

    const checked = await verify("--check-beacon");
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain(
      `beacon round ${round} fetched from ${manifest.beacon.source}: BLS signature verified against chain ${DEV_CHAIN.chainHash}`,
    );
    expect((await verify()).stdout).toContain(`beacon round ${round} of ${manifest.beacon.source} NOT CHECKED`);

    const forged = "ab".repeat(32);
    try {
      await draw.update({ "manifest.beacon.value": forged, "manifest.drawKey": FieldValue.delete() });
      const caught = await verify("--check-beacon");
      expect(caught.code).toBe(1);
      expect(caught.stdout).toContain(
        `MISMATCH: beacon round ${round}: published ${forged}, the verified round of chain ${DEV_CHAIN.chainHash} is ${devBeaconValue(round)}`,
      );
    } finally {
      await draw.update({ manifest });
    }
  }, 120_000);

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
