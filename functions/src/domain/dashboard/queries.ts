import { REASON_CODES, type ReasonCode } from "../eligibility.js";
import { zeroFigures, type DistrictFigures, type RegionFigures } from "./figures.js";

/**
 * The aggregation queries behind the figures (Firestore `count()` and `sum()` with filters), as
 * data: the rollup runs them through the `Dashboards` port, the memory adapter evaluates them on
 * its tables, and tests/unit/indexes.test.ts checks every shape against firestore.indexes.json.
 * Pure: no Firebase, no clock.
 */
export type FigureCollection = "applicants" | "entitlements" | "payouts";

export type Filter =
  | { field: string; op: "=="; value: string | number | boolean }
  | { field: string; op: "array-contains"; value: string }
  | { field: string; op: ">" | ">=" | "<"; value: Date };

export interface FigureQuery {
  collection: FigureCollection;
  filters: readonly Filter[];
  /** A field to sum (rupiah), besides the count. */
  sum?: "amount";
}

/** What an index must serve: the equality fields (in filter order), an array-contains field, a range field. */
export interface QueryShape {
  collection: FigureCollection;
  equalities: readonly string[];
  contains: string | null;
  range: string | null;
  /** The field summed, which a composite index must also hold. */
  sum: string | null;
}

export function shapeOf(query: FigureQuery): QueryShape {
  const ranges = [...new Set(query.filters.filter((f) => f.op === ">" || f.op === ">=" || f.op === "<").map((f) => f.field))];
  if (ranges.length > 1) throw new Error(`one range field per query: ${ranges.join(", ")}`);
  const contains = query.filters.filter((f) => f.op === "array-contains").map((f) => f.field);
  if (contains.length > 1) throw new Error("one array-contains per query");
  return {
    collection: query.collection,
    equalities: query.filters.filter((f) => f.op === "==").map((f) => f.field),
    contains: contains[0] ?? null,
    range: ranges[0] ?? null,
    sum: query.sum ?? null,
  };
}

/** The epoch: `firstPurchaseAt > EPOCH` is "bought" (null and absent values never match a timestamp range). */
const EPOCH = new Date(0);

const at = (field: "regencyCode" | "districtCode" | "provinceCode", code: string): Filter => ({ field, op: "==", value: code });
const applicants = (...filters: Filter[]): FigureQuery => ({ collection: "applicants", filters });

/** The province's registrants: one query, so the rollup skips provinces and regencies nobody registered in. */
export const provinceRegistrants = (province: string): FigureQuery => applicants(at("provinceCode", province));

/** The regency's registrants (the first query of a regency; its other figures are asked only when it is not 0). */
export const regencyRegistrants = (regency: string): FigureQuery => applicants(at("regencyCode", regency));

/**
 * A regency's blocked registrations (the other side of a re-tied NIK dispute: the NIK now counts
 * under the person's own account). They are left out of every figure: the rollup reads these few
 * documents (the same shape as `revoked`, so no index of its own) and takes each off the counts
 * it matched (withoutBlocked).
 */
export const regencyBlocked = (regency: string): FigureQuery => applicants(at("regencyCode", regency), { field: "status", op: "==", value: "blocked" });

/** What the rollup reads of a blocked registration: the fields its figures filter on. */
export interface BlockedRegistration {
  districtCode: string;
  /** Registered by its own account (`registeredBy` "self"), not at a desk. */
  online: boolean;
  registeredAt: Date;
  eligible: boolean;
  reasons: readonly ReasonCode[];
  needsVerification: boolean;
  /** The wave it joined first, if any. */
  joinedWave: string | null;
}

/** A regency's totals: each named figure with its query. `registrants` is asked first, on its own. */
export function regencyQueries(regency: string): {
  online: FigureQuery;
  eligible: FigureQuery;
  reasons: Record<ReasonCode, FigureQuery>;
  needsVerification: FigureQuery;
  revoked: FigureQuery;
  bought: FigureQuery;
  completed: FigureQuery;
  paidInstallments: FigureQuery;
  paidPeople: FigureQuery;
} {
  const here = at("regencyCode", regency);
  return {
    online: applicants(here, { field: "registeredBy", op: "==", value: "self" }),
    eligible: applicants(here, { field: "eligibility.eligible", op: "==", value: true }),
    reasons: Object.fromEntries(
      REASON_CODES.map((reason) => [reason, applicants(here, { field: "eligibility.reasons", op: "array-contains", value: reason })]),
    ) as Record<ReasonCode, FigureQuery>,
    needsVerification: applicants(here, { field: "verification.state", op: "==", value: "needs-verification" }),
    revoked: applicants(here, { field: "status", op: "==", value: "revoked" }),
    bought: applicants(here, { field: "firstPurchaseAt", op: ">", value: EPOCH }),
    completed: { collection: "entitlements", filters: [here] },
    paidInstallments: { collection: "payouts", filters: [here, { field: "state", op: "==", value: "paid" }], sum: "amount" },
    paidPeople: { collection: "payouts", filters: [here, { field: "state", op: "==", value: "paid" }, { field: "number", op: "==", value: 1 }] },
  };
}

/** A regency's wave figures: who joined each wave first, who was drawn in it. */
export const waveQueries = (regency: string, waveId: string): { joined: FigureQuery; drawn: FigureQuery } => ({
  joined: applicants(at("regencyCode", regency), { field: "joinedWave", op: "==", value: waveId }),
  drawn: applicants(at("regencyCode", regency), { field: "selectedWave", op: "==", value: waveId }),
});

/** A regency's registrations in [from, to) (one Jakarta day), in all and online. */
export const dayQueries = (regency: string, from: Date, to: Date): { registrants: FigureQuery; online: FigureQuery } => {
  const range: Filter[] = [
    { field: "registeredAt", op: ">=", value: from },
    { field: "registeredAt", op: "<", value: to },
  ];
  return {
    registrants: applicants(at("regencyCode", regency), ...range),
    online: applicants(at("regencyCode", regency), { field: "registeredBy", op: "==", value: "self" }, ...range),
  };
};

/** A district's figures, registrants first (the others are asked only when it is not 0). */
export const districtQueries = (district: string): Record<Exclude<keyof DistrictFigures, "assisted">, FigureQuery> => {
  const here = at("districtCode", district);
  return {
    registrants: applicants(here),
    online: applicants(here, { field: "registeredBy", op: "==", value: "self" }),
    eligible: applicants(here, { field: "eligibility.eligible", op: "==", value: true }),
    needsVerification: applicants(here, { field: "verification.state", op: "==", value: "needs-verification" }),
    revoked: applicants(here, { field: "status", op: "==", value: "revoked" }),
  };
};

/**
 * Every query shape the rollup runs, from one example of each builder: tests/unit/indexes.test.ts
 * checks each against firestore.indexes.json (the emulator never does).
 */
export function dashboardQueryShapes(): QueryShape[] {
  const day = new Date(0);
  const regency = regencyQueries("3171");
  const all: FigureQuery[] = [
    provinceRegistrants("31"),
    regencyRegistrants("3171"),
    regencyBlocked("3171"),
    regency.online,
    regency.eligible,
    ...Object.values(regency.reasons),
    regency.needsVerification,
    regency.revoked,
    regency.bought,
    regency.completed,
    regency.paidInstallments,
    regency.paidPeople,
    ...Object.values(waveQueries("3171", "1")),
    ...Object.values(dayQueries("3171", day, day)),
    ...Object.values(districtQueries("317101")),
  ];
  const unique = new Map(all.map((query) => [JSON.stringify(shapeOf(query)), shapeOf(query)]));
  return [...unique.values()];
}

/** Fills a regency's totals from its counts (the derived ones: assisted, joined and drawn from the waves, in training). */
export function regencyFigures(counts: {
  registrants: number;
  online: number;
  eligible: number;
  reasons: Record<ReasonCode, number>;
  needsVerification: number;
  revoked: number;
  bought: number;
  completed: number;
  paidInstallments: number;
  paidRupiah: number;
  paidPeople: number;
  joined: number;
  drawn: number;
}): RegionFigures {
  return {
    ...zeroFigures(),
    registrants: counts.registrants,
    online: counts.online,
    assisted: counts.registrants - counts.online,
    eligible: counts.eligible,
    notEligible: { ...counts.reasons },
    needsVerification: counts.needsVerification,
    joined: counts.joined,
    drawn: counts.drawn,
    revoked: counts.revoked,
    bought: counts.bought,
    completed: counts.completed,
    inTraining: Math.max(0, counts.bought - counts.completed),
    paidPeople: counts.paidPeople,
    paidInstallments: counts.paidInstallments,
    paidRupiah: counts.paidRupiah,
  };
}

/**
 * The composite index a shape needs — its equalities, its array-contains, its range, its summed
 * field — or null when one equality alone is served by the field's automatic index.
 */
export function compositeIndexOf(shape: QueryShape): Array<{ fieldPath: string; order?: "ASCENDING"; arrayConfig?: "CONTAINS" }> | null {
  if (shape.equalities.length === 1 && shape.contains === null && shape.range === null && shape.sum === null) return null;
  return [
    ...shape.equalities.map((fieldPath) => ({ fieldPath, order: "ASCENDING" as const })),
    ...(shape.contains === null ? [] : [{ fieldPath: shape.contains, arrayConfig: "CONTAINS" as const }]),
    ...(shape.range === null ? [] : [{ fieldPath: shape.range, order: "ASCENDING" as const }]),
    ...(shape.sum === null ? [] : [{ fieldPath: shape.sum, order: "ASCENDING" as const }]),
  ];
}
