import type { RegistrantQuery } from "../usecases/ports.js";

/**
 * The shapes of the registrant list's queries (adapters/registrants.ts builds each query from its
 * shape). Pure, so tests/unit/indexes.test.ts checks every shape against firestore.indexes.json:
 * the emulator serves any query, production refuses one without its index.
 *
 * Equalities only, ordered by document ID (the account's uid): uids are random, so the order has
 * no write hotspot (ordering by `registeredAt` would put every registration of a province at the
 * same end of one index at the 1,333 registrations/s peak), and the cursor is the last uid itself.
 */
export interface RegistrantShape {
  /** Fields compared with `==`, in the index's order (a composite index follows them with `__name__`). */
  equalities: Array<"provinceCode" | "regencyCode" | "districtCode" | "status" | "joinedWave">;
}

/** The domicile field a region code compares: a province's 2 digits, a regency's 4 or a district's 6; null: everywhere. */
export function registrantRegionField(region: string | null): "provinceCode" | "regencyCode" | "districtCode" | null {
  if (region === null) return null;
  return region.length === 2 ? "provinceCode" : region.length === 4 ? "regencyCode" : "districtCode";
}

export function registrantShape(query: RegistrantQuery): RegistrantShape {
  const region = registrantRegionField(query.region);
  const equalities: RegistrantShape["equalities"] = [];
  if (region !== null) equalities.push(region);
  if (query.status !== null) equalities.push("status");
  if (query.joinedWave !== null) equalities.push("joinedWave");
  return { equalities };
}

/** The value each equality of a shape compares with. */
export function registrantValueOf(query: RegistrantQuery, field: RegistrantShape["equalities"][number]): string {
  if (field === "status") return query.status ?? "";
  if (field === "joinedWave") return query.joinedWave ?? "";
  return query.region ?? "";
}

/** Every query a list, a count or an export may send: everywhere, a province, a regency, a district; with or without status and wave (16). */
export const REGISTRANT_QUERY_EXAMPLES: RegistrantQuery[] = [null, "32", "3204", "320401"].flatMap((region) =>
  [null, "registered" as const].flatMap((status) => [null, "2026-1"].map((joinedWave) => ({ region, status, joinedWave }))),
);
