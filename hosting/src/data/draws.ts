import { drawManifest, type DrawManifestDoc } from "@schemas/draw.js";

/**
 * A wave's published draw, fetched the way an auditor fetches it: over HTTPS from this same site,
 * without signing in (the Hosting rewrite sends /draws/** to the `draws` function).
 */

export const manifestPath = (waveId: string): string => `/draws/${encodeURIComponent(waveId)}/manifest.json`;

/** A pool or winners page: hrefs are relative to the manifest, or absolute https (see schemas/draw.ts). */
export const pagePath = (waveId: string, href: string): string => (href.startsWith("https://") ? href : `/draws/${encodeURIComponent(waveId)}/${href}`);

/** What an auditor runs; the URL is this site's, so it checks what this page shows. */
/** The command the page offers: it checks the beacon round against its chain too (docs/draw.md §4). */
export const verifyCommand = (waveId: string, origin: string): string => `npm run verify-draw -- ${origin}${manifestPath(waveId)} --check-beacon`;

export type Publication =
  | { state: "published"; manifest: DrawManifestDoc }
  | { state: "not-published" }
  /** Served, but not a manifest of this wave in the published format: shown as such, never hidden. */
  | { state: "malformed" };

export async function loadPublication(waveId: string): Promise<Publication> {
  const response = await fetch(manifestPath(waveId), { headers: { accept: "application/json" } });
  if (response.status === 404) return { state: "not-published" };
  if (!response.ok) throw new Error(`GET ${manifestPath(waveId)}: ${response.status}`);
  const parsed = drawManifest.safeParse(await response.json());
  if (!parsed.success || parsed.data.waveId !== waveId) {
    console.warn(`Malformed draw manifest for wave ${waveId}`);
    return { state: "malformed" };
  }
  return { state: "published", manifest: parsed.data };
}
