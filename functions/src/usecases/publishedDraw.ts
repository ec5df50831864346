import type { DrawManifest, DrawPlan, PoolPage, WinnersPage } from "../domain/draw/index.js";
import { done, refused, type Outcome } from "../domain/outcome.js";
import type { WaveDoc } from "../schemas/documents.js";
import type { Ports } from "./ports.js";

/** A file of a wave's public draw: its plan, its manifest, or a page of its pool or winners. */
export type DrawFile = { kind: "plan" } | { kind: "manifest" } | { kind: "page"; folder: "pool" | "winners"; page: number };

/**
 * A file of the public draw, as anyone may read it without signing in. The plan is public from
 * the wave's opening (until then freed seats may still raise its quota); pool pages from the
 * freeze (the commitment must be checkable before the draw); the manifest and the winners only
 * once the draw is published. The port gives them parsed by their strict schemas.
 */
export async function publishedDraw(
  ports: Pick<Ports, "published" | "waves" | "clock">,
  waveId: string,
  file: DrawFile,
): Promise<Outcome<DrawPlan | DrawManifest | PoolPage | WinnersPage, "not-published">> {
  if (file.kind === "plan") {
    const wave = await ports.waves.get(waveId);
    return wave === null || ports.clock.now() < wave.opensAt ? refused("not-published") : planOf(waveId, wave);
  }
  const body = file.kind === "manifest" ? await ports.published.manifest(waveId) : await ports.published.page(waveId, file.folder, file.page);
  return body === null ? refused("not-published") : done(body);
}

/**
 * The plan as the wave document holds it: written at creation, its quota raised only by freed
 * seats before the opening (`freedSeats`), unchanged after. A wave made before draws existed has
 * none. Exported for docs/draw.md's second worked example (tests/unit/drawVectors.test.ts).
 */
export function planOf(waveId: string, wave: WaveDoc): Outcome<DrawPlan, "not-published"> {
  if (wave.draw === undefined) return refused("not-published");
  const { seedCommitment, beacon, strata, familyLimit, priority } = wave.draw;
  return done({
    waveId,
    opensAt: wave.opensAt.toISOString(),
    closesAt: wave.closesAt.toISOString(),
    quota: wave.quota,
    familyLimit,
    strata,
    seedCommitment,
    beacon,
    // The priority list declared at creation (its version, name and what the flag does, in words): absent when none, so older plans read as they did.
    ...(priority === undefined ? {} : { priority }),
  });
}
