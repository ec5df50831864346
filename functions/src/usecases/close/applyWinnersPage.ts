import { participantTerms } from "../../domain/training/deadline.js";
import { done, type Outcome } from "../../domain/outcome.js";
import { drawResultsTaskKey } from "../notifyDrawResults.js";
import type { Ports } from "../ports.js";

export type ApplyWinnersPorts = Pick<Ports, "draws" | "closes" | "published" | "programYears" | "clock" | "tasks">;

export type ApplyWinnersRun = { applied: number; published: boolean } | { applied: 0; published: false; why: "not-applying" | "page-missing" };

/**
 * Makes the winners of one page (WINNERS_PAGE of the draw's order) participants, with the terms
 * of the draft's `drawnAt`, in idempotent batches (adapters/drawStore.ts applyWinners: a person
 * already selected is left as they are; their family members carry the new count, and leave the
 * pool once the family card is at its limit). Counted once per page; the page that completes the
 * set publishes the manifest (the wave becomes `drawn`) and starts the result notifications.
 */
export async function applyWinnersPage(ports: ApplyWinnersPorts, waveId: string, page: number): Promise<Outcome<ApplyWinnersRun, never>> {
  const [wave, close, draft] = await Promise.all([ports.draws.wave(waveId), ports.closes.get(waveId), ports.closes.draft(waveId)]);
  if (wave?.state !== "frozen" || wave.draw === undefined || close?.stage !== "applying" || draft === null)
    return done({ applied: 0, published: false, why: "not-applying" });
  if ((close.appliedPages ?? []).includes(page)) return done({ applied: 0, published: await publishWhenApplied(ports, waveId) });
  const pids = await winnersOf(ports, waveId, draft.manifest, page, draft.pageSize);
  if (pids === null) return done({ applied: 0, published: false, why: "page-missing" });
  const rules = await ports.programYears.get(wave.programYear);
  if (rules === null) throw new Error(`program year ${wave.programYear} is not configured`);
  const applied = await ports.draws.applyWinners(waveId, pids, participantTerms(rules, draft.drawnAt), draft.drawnAt, wave.draw.familyLimit);
  const counted = await ports.closes.pageApplied(waveId, page, applied, ports.clock.now());
  return done({ applied, published: counted?.allApplied === true && (await publishWhenApplied(ports, waveId)) });
}

/**
 * Publishes the draft once every winners page is applied: the manifest and the wave's `drawn`
 * state in one transaction (only from `frozen`), then the close is done and page 0 of the
 * notifications is enqueued under its key. Run again (a duplicate, the schedule's backstop), it
 * adds nothing. True when the wave is drawn.
 */
export async function publishWhenApplied(ports: Pick<Ports, "draws" | "closes" | "clock" | "tasks">, waveId: string): Promise<boolean> {
  const [close, draft] = await Promise.all([ports.closes.get(waveId), ports.closes.draft(waveId)]);
  if (close === null || draft === null || (close.stage !== "applying" && close.stage !== "done")) return false;
  if ((close.appliedPages ?? []).length !== close.winnersPages) return false;
  await ports.draws.publish(waveId, { manifest: draft.manifest, poolPages: [], winnersPages: [] });
  await ports.closes.moveStage(waveId, ["applying"], "done", {}, ports.clock.now());
  await ports.tasks.enqueue("notifyDrawResults", { waveId, page: 0 }, { key: drawResultsTaskKey(waveId, 0), dispatchDeadlineSeconds: 1800 });
  return true;
}

async function winnersOf(
  ports: Pick<Ports, "published">,
  waveId: string,
  manifest: { winners: { pids?: string[] } },
  page: number,
  pageSize: number,
): Promise<string[] | null> {
  if (manifest.winners.pids !== undefined) return manifest.winners.pids.slice(page * pageSize, (page + 1) * pageSize);
  const stored = await ports.published.page(waveId, "winners", page);
  return stored !== null && "pids" in stored ? stored.pids : null;
}
