import { entryLeaf, MerkleStream, type Candidate } from "../../domain/draw/index.js";
import { entryOfLine, PARTITIONS } from "../../domain/draw/partitions.js";
import { done, type Outcome } from "../../domain/outcome.js";
import type { Ports } from "../ports.js";
import { POOL_PAGE_SIZE, STEP_LEASE_SECONDS, stepLease } from "./plan.js";

export type AssemblePorts = Pick<Ports, "draws" | "closes" | "leases" | "clock">;

export type AssembleRun = { assembled: true; poolSize: number; pages: number } | { assembled: false; why: "not-assembling" | "held" | "partitions-missing" };

const pageHref = (i: number) => `${String(i).padStart(6, "0")}.json`;

/**
 * Assembles a closed wave's pool once every partition is done (docs/draw.md §10): reads the
 * partitions' chunks in partition order (the pool's order), writes the published pool pages of
 * POOL_PAGE_SIZE entries, and builds each page's root and the pool root with MerkleStream as the
 * lines go by; then commits the root and moves the wave to `frozen` in one transaction. It keeps
 * one chunk and one page in memory, and the page roots (64 hex digits per page).
 *
 * Under a lease held for the task's whole timeout, so a duplicate delivery finds it held and ends.
 * A re-run after a crash writes the same pages with the same bytes; the commit happens only on a
 * wave still `closed`, so a wave frozen already is never re-committed.
 */
export async function assemblePool(ports: AssemblePorts, waveId: string, holder: string): Promise<Outcome<AssembleRun, never>> {
  const [wave, close] = await Promise.all([ports.draws.wave(waveId), ports.closes.get(waveId)]);
  if (wave?.state !== "closed" || close?.stage !== "assembling") return done({ assembled: false, why: "not-assembling" });
  const lease = stepLease(waveId, "assemble");
  const now = ports.clock.now();
  if (!(await ports.leases.take(lease, holder, now, new Date(now.getTime() + STEP_LEASE_SECONDS * 1000)))) return done({ assembled: false, why: "held" });
  try {
    const partitions = await ports.closes.partitions(waveId);
    if (partitions.length !== PARTITIONS || partitions.some((p) => p.state !== "done" || p.chunks === undefined))
      return done({ assembled: false, why: "partitions-missing" });
    const poolSize = partitions.reduce((sum, p) => sum + p.eligible, 0);
    const pageCount = Math.ceil(poolSize / POOL_PAGE_SIZE);
    const top = new MerkleStream();
    const pageRoots: string[] = [];
    let page: Candidate[] = [];
    let tree = new MerkleStream();
    const flush = async () => {
      const index = pageRoots.length;
      const root = tree.root();
      await ports.draws.writePoolPage(waveId, {
        waveId,
        page: index,
        pageSize: POOL_PAGE_SIZE,
        entries: page,
        ...(index + 1 < pageCount ? { next: pageHref(index + 1) } : {}),
      });
      pageRoots.push(root);
      top.push(Buffer.from(root, "hex"));
      page = [];
      tree = new MerkleStream();
    };
    for (const partition of partitions) {
      for (let seq = 0; seq < partition.chunks!; seq += 1) {
        for (const line of await ports.closes.chunk(waveId, partition.index, seq)) {
          const entry = entryOfLine(line);
          page.push(entry);
          tree.push(entryLeaf(entry));
          if (page.length === POOL_PAGE_SIZE) await flush();
        }
      }
    }
    if (page.length > 0) await flush();
    if (pageRoots.length !== pageCount) throw new Error(`assembling ${waveId}: ${pageRoots.length} pages for ${poolSize} entries`);
    const at = ports.clock.now();
    await ports.draws.commit(waveId, {
      poolRoot: top.root(),
      poolSize,
      pageSize: POOL_PAGE_SIZE,
      pageRoots,
      excludedByReason: close.excludedByReason ?? {},
      frozenAt: at,
    });
    await ports.closes.moveStage(waveId, ["assembling"], "waiting-for-beacon", {}, at);
    return done({ assembled: true, poolSize, pages: pageCount });
  } finally {
    await ports.leases.release(lease, holder);
  }
}
