/**
 * The eligibility line of a history entry. Only entries that record a decision (registering, a
 * changed result) carry one; the others (joining a wave, being drawn) have none, and the callable
 * protocol sends a missing value as null. Neither means "not eligible".
 */
export function eligibilityLine(entry: { eligible?: boolean | null }): "timeline.eligible" | "timeline.notEligible" | null {
  if (entry.eligible === true) return "timeline.eligible";
  if (entry.eligible === false) return "timeline.notEligible";
  return null;
}
