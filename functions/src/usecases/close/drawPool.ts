import { publicationTime } from "../../domain/beacon.js";
import {
  ALGORITHM,
  checkSeed,
  drawKeyOf,
  entryLeaf,
  MerkleStream,
  runDraw,
  winnersDigest,
  type Candidate,
  type DrawManifest,
  type PoolPage,
} from "../../domain/draw/index.js";
import { done, refused, type Outcome } from "../../domain/outcome.js";
import type { Ports } from "../ports.js";
import { publishWhenApplied } from "./applyWinnersPage.js";
import { STEP_LEASE_SECONDS, stepLease, stepTaskKey, WINNERS_PAGE } from "./plan.js";

export type DrawPoolPorts = Pick<Ports, "draws" | "closes" | "published" | "programYears" | "beacon" | "beaconClock" | "leases" | "clock" | "tasks">;

export type DrawPoolRun = { drawn: true; winners: number; passes: number; winnersPages: number } | { drawn: false; why: "not-drawing" | "held" };

const hrefOf = (folder: string, i: number) => `${folder}/${String(i).padStart(6, "0")}.json`;

/**
 * Draws a frozen wave once its beacon round is out (docs/draw.md §10): streams the published pool
 * pages through runDraw (memory bounded by the quota: one page and the draw's heaps), checking
 * in the first pass that every page still has the root committed before the randomness existed;
 * a second pass counts the pool and the winners by province. Writes the winners pages, keeps the
 * manifest as a draft and fans out one task per WINNERS_PAGE winners to make them participants;
 * the last of those publishes (applyWinnersPage.ts).
 *
 * Under a lease for the task's whole timeout; a re-run draws the same winners (same seed, beacon
 * value and pool root) and writes the same pages, the same draft and the same task keys. The
 * manifest's `createdAt` is the beacon round's time, so its bytes do not depend on when it ran.
 */
export async function drawPool(ports: DrawPoolPorts, waveId: string, holder: string): Promise<Outcome<DrawPoolRun, "beacon-not-out">> {
  const [wave, close] = await Promise.all([ports.draws.wave(waveId), ports.closes.get(waveId)]);
  if (wave?.state !== "frozen" || wave.draw === undefined || (close?.stage !== "waiting-for-beacon" && close?.stage !== "drawing"))
    return done({ drawn: false, why: "not-drawing" });
  const plan = wave.draw;
  const value = await ports.beacon.value(plan.beacon);
  if (value === null) return refused("beacon-not-out");
  const lease = stepLease(waveId, "draw");
  const now = ports.clock.now();
  if (!(await ports.leases.take(lease, holder, now, new Date(now.getTime() + STEP_LEASE_SECONDS * 1000)))) return done({ drawn: false, why: "held" });
  try {
    await ports.closes.moveStage(waveId, ["waiting-for-beacon"], "drawing", {}, now);
    const [seed, frozen, rules] = await Promise.all([ports.draws.seed(waveId), ports.draws.commitment(waveId), ports.programYears.get(wave.programYear)]);
    if (seed === null || frozen === null || rules === null) throw new Error(`drawing ${waveId}: seed, frozen pool or program year missing`);
    const seedCheck = checkSeed(seed, plan.seedCommitment);
    if (!seedCheck.ok) throw new Error(`drawing ${waveId}: ${seedCheck.reason}`);
    const drawKey = drawKeyOf({ seed, beaconValue: value, poolRoot: frozen.poolRoot });
    // The priority list's share, as the plan committed it at creation: its round comes first.
    const share = plan.priority === undefined ? {} : { priority: { basisPoints: plan.priority.basisPoints } };
    const drawRules = { quota: wave.quota, familyLimit: plan.familyLimit, strata: plan.strata, ...share };
    let checkRoots = true;
    const run = await runDraw(
      () => {
        const verify = checkRoots;
        checkRoots = false;
        return pages(ports, waveId, frozen.pageRoots, verify);
      },
      drawRules,
      drawKey,
    );
    if (!run.ok) throw new Error(`drawing ${waveId}: ${run.reason}`);
    const { result, passes } = run.value;
    const pids = result.winners.map((w) => w.pid);

    const winners = new Set(pids);
    const byProvince = new Map<string, { pool: number; winners: number }>();
    for await (const entry of pages(ports, waveId, frozen.pageRoots, false)) {
      const code = entry.stratum ?? "00";
      const counts = byProvince.get(code) ?? { pool: 0, winners: 0 };
      counts.pool += 1;
      if (winners.has(entry.pid)) counts.winners += 1;
      byProvince.set(code, counts);
    }
    winners.clear();

    const paged = pids.length > WINNERS_PAGE;
    const winnersPages = Math.ceil(pids.length / WINNERS_PAGE);
    if (paged)
      for (let i = 0; i < winnersPages; i += 1)
        await ports.draws.writeWinnersPage(waveId, {
          waveId,
          page: i,
          pageSize: WINNERS_PAGE,
          pids: pids.slice(i * WINNERS_PAGE, (i + 1) * WINNERS_PAGE),
          ...(i + 1 < winnersPages ? { next: hrefOf("winners", i + 1).slice("winners/".length) } : {}),
        });
    const manifest: DrawManifest = {
      algorithm: ALGORITHM,
      waveId,
      poolRoot: frozen.poolRoot,
      poolSize: frozen.poolSize,
      pool: {
        pageSize: frozen.pageSize,
        pages: frozen.pageRoots.map((root, i) => ({ href: hrefOf("pool", i), count: Math.min(frozen.pageSize, frozen.poolSize - i * frozen.pageSize), root })),
      },
      seedCommitment: plan.seedCommitment,
      seed,
      beacon: { ...plan.beacon, value },
      drawKey,
      quota: wave.quota,
      familyLimit: plan.familyLimit,
      strata: plan.strata,
      ...share,
      winners: {
        count: pids.length,
        digest: winnersDigest(pids),
        ...(paged
          ? {
              pages: Array.from({ length: winnersPages }, (_, i) => ({
                href: hrefOf("winners", i),
                count: Math.min(WINNERS_PAGE, pids.length - i * WINNERS_PAGE),
              })),
            }
          : { pids }),
      },
      result: {
        ...(result.priority === undefined ? {} : { priority: result.priority }),
        strata: result.strata,
        national: result.national,
        skippedForFamilyLimit: result.skippedForFamilyLimit,
      },
      excludedByReason: frozen.excludedByReason,
      byProvince: Object.fromEntries([...byProvince].sort(([a], [b]) => (a < b ? -1 : 1))),
      // The beacon round's time, not the clock's: a re-run after a crash publishes the same bytes.
      createdAt: publicationTime(plan.beacon.round, ports.beaconClock).toISOString(),
    };
    const at = ports.clock.now();
    // A re-run keeps the first draft's moment, so every winner gets the same terms.
    const drawnAt = (await ports.closes.draft(waveId))?.drawnAt ?? at;
    await ports.closes.saveDraft(waveId, { manifest, drawnAt, pageSize: WINNERS_PAGE });
    await ports.closes.moveStage(waveId, ["drawing"], "applying", { winners: pids.length, winnersPages, appliedPages: [] }, at);
    await enqueueWinners(ports, waveId, winnersPages, []);
    if (winnersPages === 0) await publishWhenApplied(ports, waveId);
    return done({ drawn: true, winners: pids.length, passes, winnersPages });
  } finally {
    await ports.leases.release(lease, holder);
  }
}

/** One task per winners page not applied yet (under the window's keys: the backstop enqueues the same ones). */
export async function enqueueWinners(ports: Pick<Ports, "tasks" | "clock">, waveId: string, pages: number, applied: readonly number[]): Promise<void> {
  for (let page = 0; page < pages; page += 1)
    if (!applied.includes(page))
      await ports.tasks.enqueue(
        "closeWaveWinners",
        { waveId, page },
        { key: stepTaskKey(waveId, `winners-${page}`, ports.clock.now()), dispatchDeadlineSeconds: 1800 },
      );
}

/** The published pool, page after page (the next page's read overlaps this one's use); each page's root checked when `verify`. */
async function* pages(ports: Pick<Ports, "published">, waveId: string, pageRoots: readonly string[], verify: boolean): AsyncGenerator<Candidate> {
  const read = (i: number): Promise<PoolPage> => {
    const reading = ports.published.page(waveId, "pool", i).then((page) => {
      if (page === null || !("entries" in page)) throw new Error(`drawing ${waveId}: pool page ${i} is missing`);
      return page;
    });
    // A read ahead that fails after the draw stopped for another reason is not an unhandled rejection; awaited, it still throws.
    reading.catch(() => undefined);
    return reading;
  };
  let next = pageRoots.length > 0 ? read(0) : null;
  for (let i = 0; i < pageRoots.length; i += 1) {
    const page = await next!;
    next = i + 1 < pageRoots.length ? read(i + 1) : null;
    if (verify) {
      const tree = new MerkleStream();
      for (const entry of page.entries) tree.push(entryLeaf(entry));
      // The pages read back must be the pool that was committed before the randomness existed.
      if (tree.root() !== pageRoots[i]) throw new Error(`drawing ${waveId}: pool page ${i} does not match its commitment`);
    }
    yield* page.entries;
  }
}
