import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { firstRoundAtOrAfter, QUICKNET } from "../../functions/src/domain/beacon.js";
import { commitPool, drawKeyOf, referenceDraw, seedCommitment, type Candidate, type Strata } from "../../functions/src/domain/draw/index.js";
import { calendarDateIn } from "../../functions/src/domain/calendar.js";
import { PRIORITY_RULE } from "../../functions/src/domain/priority.js";
import type { TaskName, TaskPayload } from "../../functions/src/schemas/tasks.js";
import { loadPool, type LoadedPool } from "../../scripts/bench/poolLoader.js";
import { BEACON_PORT, DEV_CHAIN } from "../../scripts/stack/beacon.js";
import { HOST, URLS } from "../../scripts/stack/config.js";
import { fireSchedule } from "../../scripts/stack/scheduler.js";
import { LOCAL_SECRETS } from "../../scripts/stack/index.js";
import { adminDb } from "./admin.js";
import { ensureProgramYear } from "./people.js";
import { vaultKeys } from "./secrets.js";
import { sealedPerson } from "./vault.js";

/**
 * A closed wave with a pool loaded in bulk, for the partitioned close's emulator tests
 * (waveClose.test.ts), and what the close must come to, computed apart:
 * the pool root of the eligible entries (domain/draw/pool.ts commitPool) and the reference draw.
 */
const hashKey = /^NIK_HASH_KEY=(.+)$/m.exec(readFileSync(LOCAL_SECRETS, "utf8"))![1];

export interface ClosedWave {
  waveId: string;
  pool: LoadedPool;
  seed: string;
  quota: number;
  strata: Strata;
  familyLimit: number;
  /** The priority list's share of the quota, when the wave declares one. */
  priority?: { basisPoints: number };
}

/** The priority list a closed wave may declare, as a plan records it: the close reads only the flags on the applicants (the import itself is tested in priorityLists.test.ts). */
export const PRIORITY_LIST = { listId: "korban-phk-uji", version: 1, name: "Korban PHK (uji)", basisPoints: 1000 } as const;

/**
 * A wave closed two minutes ago, its beacon round out, and `count` applicants in the pool (every
 * 40th too young at the close, every 50th last checked against older lists, every 10th sharing a
 * family card). With `priorityEvery`, the wave's plan declares PRIORITY_LIST and every such
 * applicant (from the first) is on it, as importPriorityList marks them.
 */
export async function closedWave(count: number, quota: number, options: { priorityEvery?: number } = {}): Promise<ClosedWave> {
  await ensureProgramYear();
  const year = calendarDateIn(new Date()).year;
  const waveId = `close-${randomUUID().slice(0, 8)}`;
  const closesAt = new Date(Date.now() - 120_000);
  const listVersions: Record<string, number> = {};
  for (const list of (await adminDb.collection("exclusionLists").get()).docs) listVersions[list.id] = list.get("currentVersion") as number;
  const pool = await loadPool(adminDb, {
    count,
    uidPrefix: waveId,
    hashKey,
    seal: (person) => sealedPerson(person, vaultKeys),
    joinedAt: new Date(closesAt.getTime() - 3_600_000),
    programYear: year,
    listVersions,
    staleEvery: 50,
    underAgeEvery: 40,
    familyOf: 10,
    collect: true,
    ...(options.priorityEvery === undefined ? {} : { priority: { ...PRIORITY_LIST, every: options.priorityEvery } }),
  });
  const seed = randomBytes(32).toString("hex");
  const strata: Strata = { kind: "shares", basisPoints: { "52": 2500 } };
  await adminDb.doc(`waveSecrets/${waveId}`).set({ seed });
  await adminDb.doc(`waves/${waveId}`).set({
    number: 100_000 + Math.floor(Math.random() * 800_000),
    programYear: year,
    state: "closed",
    opensAt: new Date(closesAt.getTime() - 86_400_000),
    closesAt,
    quota,
    draw: {
      seedCommitment: seedCommitment(seed),
      beacon: { source: `http://${HOST}:${BEACON_PORT}`, round: firstRoundAtOrAfter(new Date(closesAt.getTime() - 60_000), QUICKNET), ...DEV_CHAIN },
      strata,
      familyLimit: 2,
      ...(options.priorityEvery === undefined ? {} : { priority: { ...PRIORITY_LIST, rule: PRIORITY_RULE } }),
    },
  });
  return {
    waveId,
    pool,
    seed,
    quota,
    strata,
    familyLimit: 2,
    ...(options.priorityEvery === undefined ? {} : { priority: { basisPoints: PRIORITY_LIST.basisPoints } }),
  };
}

/** The pool root the close must commit: the eligible entries, committed in memory. */
export function expectedRoot(entries: readonly Candidate[]): string {
  const committed = commitPool(entries, 4096);
  if (!committed.ok) throw new Error(committed.reason);
  return committed.value.root;
}

/** The winners the close must draw, by the reference draw (rank everyone, sort, walk). */
export function expectedWinners(wave: ClosedWave, beaconValue: string): string[] {
  const drawKey = drawKeyOf({ seed: wave.seed, beaconValue, poolRoot: expectedRoot(wave.pool.entries) });
  const share = wave.priority === undefined ? {} : { priority: wave.priority };
  const result = referenceDraw(wave.pool.entries, { quota: wave.quota, familyLimit: wave.familyLimit, strata: wave.strata, ...share }, drawKey);
  if (!result.ok) throw new Error(result.reason);
  return result.value.winners.map((w) => w.pid);
}

export const waveState = async (waveId: string) => (await adminDb.doc(`waves/${waveId}`).get()).get("state") as string;

/** Polls until `check` is true, or fails after `timeoutMs`; the failure carries `explain()`'s account of where things stood. */
export async function eventually(what: string, check: () => Promise<boolean>, timeoutMs: number, explain?: () => Promise<string>): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${explain === undefined ? "" : `: ${await explain()}`}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * `check`, ticking the schedule every 20 s while it is false. In production the schedule ticks
 * every minute and re-enqueues what the close's current stage waits for (a run that failed, say
 * on an emulator error, leaves the rest to the next tick): a test waiting on a close ticks it too.
 */
export function ticking(check: () => Promise<boolean>): () => Promise<boolean> {
  let last = Date.now();
  return async () => {
    if (Date.now() - last > 20_000) {
      last = Date.now();
      await fireSchedule("advanceWaves", new Date());
    }
    return check();
  };
}

/**
 * Where a wave's close stands, for a timeout's message: the wave's state, the close's stage and
 * counts, its partitions by state (with the attempts of those not done), and the other waves the
 * schedule is moving along at the same time.
 */
export async function closeStanding(waveId: string): Promise<string> {
  const [wave, close, partitions, drawing] = await Promise.all([
    adminDb.doc(`waves/${waveId}`).get(),
    adminDb.doc(`waveCloses/${waveId}`).get(),
    adminDb.collection(`waveCloses/${waveId}/partitions`).get(),
    adminDb.collection("waves").where("state", "in", ["closed", "frozen"]).get(),
  ]);
  const byState = new Map<string, number>();
  for (const p of partitions.docs) byState.set(p.get("state") as string, (byState.get(p.get("state") as string) ?? 0) + 1);
  const notDone = partitions.docs
    .filter((p) => p.get("state") !== "done")
    .slice(0, 8)
    .map((p) => `${p.id}:${p.get("state") as string}@${String(p.get("attempt"))}`);
  const { stage, partitionsDone, processed } = close.data() ?? {};
  return JSON.stringify({
    wave: wave.get("state") as string,
    close: close.exists ? { stage, partitionsDone, processed } : null,
    partitions: Object.fromEntries(byState),
    notDone,
    otherWavesDrawing: drawing.docs.filter((d) => d.id !== waveId).map((d) => `${d.id}:${d.get("state") as string}`),
  });
}

/** One delivery of a task straight to its function (as Cloud Tasks posts it), awaited: its HTTP status. */
export async function deliver<N extends TaskName>(name: N, payload: TaskPayload<N>): Promise<number> {
  const response = await fetch(`${URLS.functions}/${name}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ data: payload }),
  });
  await response.arrayBuffer();
  return response.status;
}

/**
 * Takes every applicant still in the pool out of it: the carry-overs other files' waves left. The
 * draws suite runs in a vitest group of its own (vitest.config.ts), never beside the files that
 * join people, so a close then pools only the people of the file that runs it.
 */
export async function emptyPool(): Promise<void> {
  const left = await adminDb.collection("applicants").where("inPool", "==", true).select().get();
  await leavePool(left.docs.map((doc) => doc.id));
}

/**
 * Takes these applicants out of the pool, 200 a batch and two batches at a time. After the whole
 * suite the emulator holds some 185,000 documents and answers slowly: 3,000 updates sent at once
 * (an unthrottled BulkWriter) queued past its 60-s deadline and came back DEADLINE_EXCEEDED. A
 * batch that still times out, or is aborted or unavailable, is sent again (it only sets a flag),
 * up to 5 times; past that the call fails with the error, never as an unhandled rejection.
 */
export async function leavePool(uids: readonly string[]): Promise<void> {
  const batches: string[][] = [];
  for (let i = 0; i < uids.length; i += LEAVE_BATCH) batches.push(uids.slice(i, i + LEAVE_BATCH));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batches.length) {
      const batch = batches[next++];
      for (let attempt = 1; ; attempt++) {
        const write = adminDb.batch();
        for (const uid of batch) write.update(adminDb.doc(`applicants/${uid}`), { inPool: false });
        try {
          await write.commit();
          break;
        } catch (error) {
          const code = (error as { code?: number }).code;
          if (attempt >= 5 || code === undefined || !RETRIED.has(code))
            throw new Error(`${batch.length} applicants could not leave the pool (attempt ${attempt}): ${String(error)}`, { cause: error });
          await new Promise((resolve) => setTimeout(resolve, 1_000 * attempt));
        }
      }
    }
  };
  await Promise.all([worker(), worker()]);
}

const LEAVE_BATCH = 200;
/** gRPC codes sent again: ABORTED (10), DEADLINE_EXCEEDED (4), UNAVAILABLE (14). */
const RETRIED = new Set([4, 10, 14]);
