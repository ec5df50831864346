/**
 * The shapes of the catalogue's queries (adapters/catalogue.ts builds each query from its shape).
 * Pure, so tests/unit/indexes.test.ts checks that firestore.indexes.json holds a composite index
 * for every shape the adapter can send: the emulator serves any query, production refuses one
 * without its index.
 */
export interface CatalogueShape {
  /** Fields compared with `==`, in the index's order. */
  equalities: string[];
  /** The array field of an `array-contains`, if any. */
  contains: string | null;
  /** A field compared with `>` (a range), if any: it must be the first field ordered by. */
  range: string | null;
  /** The field ordered by, ascending (document ID as the tie-breaker). */
  orderBy: string;
}

/** Which filters a public browse has. */
export interface ListedFilters {
  word: boolean;
  category: boolean;
  method: boolean;
  province: boolean;
}

/** Listed trainings with the filters given, in title order: `status ==`, then the filters, then `title`. */
export function listedShape(filters: ListedFilters): CatalogueShape {
  const equalities = ["status"];
  if (filters.category) equalities.push("category");
  if (filters.method) equalities.push("method");
  if (filters.province) equalities.push("provinceCode");
  return { equalities, contains: filters.word ? "keywords" : null, range: null, orderBy: "title" };
}

/** A training's runs that have not started yet, soonest first. */
export const UPCOMING_SHAPE: CatalogueShape = { equalities: ["courseCode"], contains: null, range: "startsAt", orderBy: "startsAt" };

/** Every combination of filters a browse may have (16): each needs its index. */
export const LISTED_FILTER_EXAMPLES: ListedFilters[] = Array.from({ length: 16 }, (_, bits) => ({
  word: (bits & 1) !== 0,
  category: (bits & 2) !== 0,
  method: (bits & 4) !== 0,
  province: (bits & 8) !== 0,
}));

/**
 * An admin's retry is found by `trainings/{courseCode}/history where requestId ==`: one equality
 * on one field, served by Firestore's automatic single-field index (it must not be exempted).
 */
export const HISTORY_REQUEST_FIELD = { collectionGroup: "history", fieldPath: "requestId" } as const;
