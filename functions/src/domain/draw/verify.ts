/**
 * Comparing what a verifier recomputed with what was published. The first difference is what
 * an auditor needs to see; the rest usually follows from it.
 */

/** The path and both values of the first difference, or null when equal (JSON semantics). */
export function firstDifference(published: unknown, recomputed: unknown, path = "$"): string | null {
  if (Object.is(published, recomputed)) return null;
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
  if (Array.isArray(published) && Array.isArray(recomputed)) {
    for (let i = 0; i < Math.max(published.length, recomputed.length); i += 1) {
      const d = firstDifference(published[i], recomputed[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (isObject(published) && isObject(recomputed) && Array.isArray(published) === Array.isArray(recomputed)) {
    const keys = [...new Set([...Object.keys(published), ...Object.keys(recomputed)])].sort();
    for (const key of keys) {
      // An absent key and an undefined value are the same thing once written as JSON.
      const d = firstDifference(published[key], recomputed[key], `${path}.${key}`);
      if (d) return d;
    }
    return null;
  }
  return `${path}: published ${JSON.stringify(published) ?? "nothing"}, recomputed ${JSON.stringify(recomputed) ?? "nothing"}`;
}
