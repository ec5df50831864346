import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { LOCAL_SECRETS } from "../stack/index.js";
import { BEACON_PORT, DEV_CHAIN } from "../stack/beacon.js";
import { HOST } from "../stack/config.js";
import { sealPersonal } from "../../functions/src/usecases/personalData.js";
import { installMeter } from "./meter.js";
import { loadPool } from "./poolLoader.js";
import { table } from "./stats.js";

/**
 * The partitioned close (docs/draw.md §10) end to end on the local stack: N joined applicants
 * loaded in bulk, then the close's tasks run one after another in this process against the
 * Firestore emulator — the same use cases and adapters the task functions run — so that each
 * task's time, Firestore reads and writes (counted by the SDK, scripts/bench/meter.ts) and peak
 * memory can be measured alone. Production runs the partitions side by side (16 at once).
 * BENCH_WAVE_POOL (default 1,000,000) and BENCH_WAVE_QUOTA (default 40,000) size it.
 */
const POOL = Number(process.env.BENCH_WAVE_POOL ?? 1_000_000);
const QUOTA = Number(process.env.BENCH_WAVE_QUOTA ?? 40_000);
const MB = 1024 * 1024;

interface Stage {
  tasks: number;
  seconds: number;
  longest: number;
  reads: number;
  writes: number;
  /** Peak rss and heapUsed of one task above what the process held before it (MB). */
  rss: number;
  heap: number;
}

export async function benchWaveClose(): Promise<string> {
  const { db } = await import("../../functions/src/adapters/firebase.js");
  const { productionPorts } = await import("../../functions/src/composition.js");
  const { localVault } = await import("../stack/localVault.js");
  const { QUICKNET, firstRoundAtOrAfter } = await import("../../functions/src/domain/beacon.js");
  const { seedCommitment } = await import("../../functions/src/domain/draw/index.js");
  const { closeWave } = await import("../../functions/src/usecases/closeWave.js");
  const { closePartition } = await import("../../functions/src/usecases/close/closePartition.js");
  const { assemblePool } = await import("../../functions/src/usecases/close/assemblePool.js");
  const { drawPool } = await import("../../functions/src/usecases/close/drawPool.js");
  const { applyWinnersPage } = await import("../../functions/src/usecases/close/applyWinnersPage.js");
  const { programYear } = await import("../demo-data.js");
  const hashKey = /^NIK_HASH_KEY=(.+)$/m.exec(readFileSync(LOCAL_SECRETS, "utf8"))![1];
  const vault = localVault(LOCAL_SECRETS);

  const year = new Date().getFullYear();
  await db()
    .doc(`programYears/${year}`)
    .set({ ...programYear, year });
  const waveId = `bench-${randomUUID().slice(0, 8)}`;
  const seed = randomBytes(32).toString("hex");
  const closesAt = new Date(Date.now() - 120_000);
  const listVersions: Record<string, number> = {};
  for (const list of (await db().collection("exclusionLists").get()).docs) listVersions[list.id] = list.get("currentVersion") as number;

  const seeding = Date.now();
  const loaded = await loadPool(db(), {
    count: POOL,
    uidPrefix: waveId,
    hashKey,
    seal: (person) => sealPersonal(vault, person),
    joinedAt: new Date(closesAt.getTime() - 3_600_000),
    programYear: year,
    listVersions,
    // 2% last checked before a list import: their entries are read (the ≤ 1.05 reads budget).
    staleEvery: 50,
    underAgeEvery: 40,
    familyOf: 10,
  });
  const seedSeconds = (Date.now() - seeding) / 1000;
  // Progress on stderr (a million takes a while): the figures are printed at the end.
  const note = (line: string) => process.stderr.write(`  wave-close: ${line}\n`);
  note(`${POOL.toLocaleString("en")} joined applicants loaded in ${seedSeconds.toFixed(0)} s`);
  await db().doc(`waveSecrets/${waveId}`).set({ seed });
  await db()
    .doc(`waves/${waveId}`)
    .set({
      number: 9999,
      programYear: year,
      state: "closed",
      opensAt: new Date(closesAt.getTime() - 86_400_000),
      closesAt,
      quota: QUOTA,
      draw: {
        seedCommitment: seedCommitment(seed),
        beacon: { source: `http://${HOST}:${BEACON_PORT}`, round: firstRoundAtOrAfter(new Date(closesAt.getTime() - 60_000), QUICKNET), ...DEV_CHAIN },
        strata: { kind: "shares", basisPoints: { "52": 2500 } },
        familyLimit: 2,
      },
    });

  // Cloud Tasks, here: what the close enqueues is queued in this process and run in order, each task once.
  const queue: Array<{ name: string; payload: Record<string, unknown> }> = [];
  const keys = new Set<string>();
  const ports = productionPorts({
    vault,
    tasks: {
      enqueue(name, payload, { key }) {
        if (keys.has(`${name}/${key}`)) return Promise.resolve(false);
        keys.add(`${name}/${key}`);
        queue.push({ name, payload: { ...payload } });
        return Promise.resolve(true);
      },
    },
  });
  const meter = installMeter();
  const stages = new Map<string, Stage>();
  const measure = async (stage: string, work: () => Promise<unknown>) => {
    global.gc?.();
    const base = process.memoryUsage();
    let peak = { rss: base.rss, heap: base.heapUsed };
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peak = { rss: Math.max(peak.rss, now.rss), heap: Math.max(peak.heap, now.heapUsed) };
    }, 20);
    meter.reset();
    const began = Date.now();
    try {
      await work();
    } finally {
      clearInterval(sampler);
    }
    const seconds = (Date.now() - began) / 1000;
    const s = stages.get(stage) ?? { tasks: 0, seconds: 0, longest: 0, reads: 0, writes: 0, rss: 0, heap: 0 };
    stages.set(stage, {
      tasks: s.tasks + 1,
      seconds: s.seconds + seconds,
      longest: Math.max(s.longest, seconds),
      reads: s.reads + meter.reads,
      writes: s.writes + meter.writes,
      rss: Math.max(s.rss, (peak.rss - base.rss) / MB),
      heap: Math.max(s.heap, (peak.heap - base.heapUsed) / MB),
    });
  };

  const began = Date.now();
  await measure("start (the schedule's step)", () => closeWave(ports, waveId));
  for (let next = 0; next < queue.length; next += 1) {
    const { name, payload } = queue[next];
    if (name !== "closeWavePartition" || Number(payload.partition) % 8 === 7)
      note(`${name}${name === "closeWavePartition" ? ` ${String(payload.partition)}` : ""} at ${((Date.now() - began) / 1000).toFixed(0)} s`);
    const holder = `bench-${next}`;
    if (name === "closeWavePartition")
      await measure("partitions", () => closePartition(ports, { waveId, partition: Number(payload.partition), attempt: Number(payload.attempt) }));
    else if (name === "closeWaveAssemble") await measure("assemble: pages and pool root", () => assemblePool(ports, waveId, holder));
    else if (name === "closeWaveWinners") await measure("winners: participants, publication", () => applyWinnersPage(ports, waveId, Number(payload.page)));
    if (name === "closeWaveAssemble") await measure("tick: beacon, enqueue the draw", () => closeWave(ports, waveId));
    if (name === "closeWaveDraw") await measure("draw: stream pages, rank, winners pages", () => drawPool(ports, waveId, holder));
  }
  const total = (Date.now() - began) / 1000;
  const state = (await db().doc(`waves/${waveId}`).get()).get("state") as string;
  if (state !== "drawn") throw new Error(`the close of ${waveId} ended ${state}`);
  const participants = (await db().collection("applicants").where("selectedWave", "==", waveId).count().get()).data().count;
  const rows: Array<[string, string]> = [["set-up: pool loaded with BulkWriter", `${seedSeconds.toFixed(1)} s (not part of the close)`]];
  for (const [name, s] of stages)
    rows.push([
      `${name} (${s.tasks} task${s.tasks === 1 ? "" : "s"})`,
      `${s.seconds.toFixed(1)} s, longest ${s.longest.toFixed(1)} s; per applicant ${(s.reads / POOL).toFixed(4)} reads, ${(s.writes / POOL).toFixed(4)} writes; peak +${s.rss.toFixed(0)} MB rss, +${s.heap.toFixed(0)} MB heap`,
    ]);
  const all = [...stages.values()].reduce((sum, s) => ({ reads: sum.reads + s.reads, writes: sum.writes + s.writes }), { reads: 0, writes: 0 });
  rows.push([
    "whole close, one task at a time",
    `${total.toFixed(1)} s; ${(all.reads / POOL).toFixed(3)} reads and ${(all.writes / POOL).toFixed(3)} writes per applicant`,
  ]);
  rows.push([
    "eligible / excluded / participants",
    `${loaded.eligible.toLocaleString("en")} / ${loaded.excluded.toLocaleString("en")} / ${participants.toLocaleString("en")}`,
  ]);
  return [
    `Wave close, partitioned (${POOL.toLocaleString("en")} joined applicants, quota ${QUOTA.toLocaleString("en")}, local emulators, tasks run one at a time in this process)`,
    table(rows),
  ].join("\n");
}
