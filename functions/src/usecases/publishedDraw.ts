import type { DrawManifest, PoolPage, WinnersPage } from "../domain/draw/index.js";
import { done, refused, type Outcome } from "../domain/outcome.js";
import type { Ports } from "./ports.js";

/** A file of a wave's public draw: its manifest, or a page of its pool or winners. */
export type DrawFile = { kind: "manifest" } | { kind: "page"; folder: "pool" | "winners"; page: number };

/**
 * A file of the public draw, as anyone may read it without signing in. Pool pages are public
 * from the freeze (the commitment must be checkable before the draw); the manifest and the
 * winners only once the draw is published. The port gives them parsed by their strict schemas.
 */
export async function publishedDraw(
  ports: Pick<Ports, "published">,
  waveId: string,
  file: DrawFile,
): Promise<Outcome<DrawManifest | PoolPage | WinnersPage, "not-published">> {
  const body = file.kind === "manifest" ? await ports.published.manifest(waveId) : await ports.published.page(waveId, file.folder, file.page);
  return body === null ? refused("not-published") : done(body);
}
