/**
 * The shape of the verification queue's query (adapters/verifications.ts): equalities on the
 * applicant's fields, then the order. Pure, so tests/unit/indexes.test.ts checks that
 * firestore.indexes.json holds a composite index for every shape the adapter can send.
 */
export interface QueueShape {
  /** Fields compared with `==`, in the index's order. */
  equalities: string[];
  /** The field ordered by, ascending (document ID as the tie-breaker). */
  orderBy: string;
}

/** The domicile field a region scope compares: a province's 2 digits or a regency's 4; null: everywhere. */
export function regionFieldOf(region: string | null): "provinceCode" | "regencyCode" | null {
  if (region === null) return null;
  return region.length === 2 ? "provinceCode" : "regencyCode";
}

export function queueShape(region: string | null): QueueShape {
  const field = regionFieldOf(region);
  return { equalities: field === null ? ["verification.state"] : ["verification.state", field], orderBy: "verification.requestedAt" };
}

/** Every region kind the queue is asked for: everywhere (admins), a province, a regency. */
export const QUEUE_REGION_EXAMPLES = [null, "32", "3204"] as const;
