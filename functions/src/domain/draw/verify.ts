import type { DrawManifest, DrawPlan } from "./publication.js";

/**
 * Comparing what a verifier recomputed with what was published. The first difference is what
 * an auditor needs to see; the rest usually follows from it.
 */

/**
 * The path and both values of the first difference, or null when equal (JSON semantics). Keys
 * are compared in code-point order, arrays index by index; `labels` name the two sides.
 */
export function firstDifference(published: unknown, recomputed: unknown, path = "$", labels: [string, string] = ["published", "recomputed"]): string | null {
  if (Object.is(published, recomputed)) return null;
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
  if (Array.isArray(published) && Array.isArray(recomputed)) {
    for (let i = 0; i < Math.max(published.length, recomputed.length); i += 1) {
      const d = firstDifference(published[i], recomputed[i], `${path}[${i}]`, labels);
      if (d) return d;
    }
    return null;
  }
  if (isObject(published) && isObject(recomputed) && Array.isArray(published) === Array.isArray(recomputed)) {
    const keys = [...new Set([...Object.keys(published), ...Object.keys(recomputed)])].sort();
    for (const key of keys) {
      // An absent key and an undefined value are the same thing once written as JSON.
      const d = firstDifference(published[key], recomputed[key], `${path}.${key}`, labels);
      if (d) return d;
    }
    return null;
  }
  return `${path}: ${labels[0]} ${JSON.stringify(published) ?? "nothing"}, ${labels[1]} ${JSON.stringify(recomputed) ?? "nothing"}`;
}

/**
 * Whether the manifest still says what the wave committed to when it opened (docs/draw.md §9):
 * the wave, the seed commitment, the beacon's source and round, quota, family limit, strata and
 * the priority list's share of seats.
 * Beacon fields only one side carries (the value, which nobody knew at opening) are not compared.
 * Null when nothing moved, else the first field that did, with both values.
 */
export function planDifference(plan: DrawPlan, manifest: DrawManifest): string | null {
  const beaconFields = Object.keys(plan.beacon).filter((field) => Object.hasOwn(manifest.beacon, field));
  const pick = (beacon: Record<string, unknown>) => Object.fromEntries(beaconFields.map((field) => [field, beacon[field]]));
  const committed = (m: DrawPlan | DrawManifest, beacon: Record<string, unknown>) => ({
    waveId: m.waveId,
    seedCommitment: m.seedCommitment,
    beacon: pick(beacon),
    quota: m.quota,
    familyLimit: m.familyLimit,
    strata: m.strata,
    priority: m.priority === undefined ? undefined : { basisPoints: m.priority.basisPoints },
  });
  return firstDifference(committed(plan, plan.beacon), committed(manifest, { ...manifest.beacon }), "plan", ["at opening", "in the manifest"]);
}
