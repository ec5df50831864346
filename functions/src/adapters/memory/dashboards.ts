import type { Filter, FigureQuery } from "../../domain/dashboard/queries.js";
import { dashboardDoc, regionTargetDoc, type DashboardDoc, type RegionTargetDoc } from "../../schemas/dashboard.js";
import { COLLECTIONS } from "../../schemas/collections.js";
import type { Dashboards } from "../../usecases/ports.js";
import type { Memory } from "./state.js";
import { Table } from "./store.js";

export interface MemoryDashboards extends Dashboards {
  /** `dashboards/{scope}` as written. */
  docs: Table<DashboardDoc>;
  targets: Table<RegionTargetDoc>;
  /** Aggregation queries run so far (the cost of a rollup, in queries). */
  queries: FigureQuery[];
}

/** A dotted field of a document (`eligibility.eligible`), as Firestore reads it. */
function fieldOf(doc: unknown, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((value, key) => (value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), doc);
}

/** Firestore's semantics for the filters the rollup uses: ranges match dates only (null and absent never). */
function matches(doc: unknown, filter: Filter): boolean {
  const value = fieldOf(doc, filter.field);
  switch (filter.op) {
    case "==":
      return value === filter.value;
    case "array-contains":
      return Array.isArray(value) && value.includes(filter.value);
    case ">":
      return value instanceof Date && value.getTime() > filter.value.getTime();
    case ">=":
      return value instanceof Date && value.getTime() >= filter.value.getTime();
    case "<":
      return value instanceof Date && value.getTime() < filter.value.getTime();
  }
}

/**
 * The dashboard in memory: counts evaluated over the memory tables with Firestore's filter
 * semantics, the rollup's documents validated by their schemas and logged in `memory.writes`.
 */
export function memoryDashboards(memory: Memory): MemoryDashboards {
  const docs = new Table(COLLECTIONS.dashboards, dashboardDoc);
  const targets = new Table(COLLECTIONS.regionTargets, regionTargetDoc);
  const queries: FigureQuery[] = [];
  const tables = { applicants: memory.state.applicants, entitlements: memory.state.entitlements, payouts: memory.state.payouts } as const;
  return {
    docs,
    targets,
    queries,
    count(query) {
      queries.push(query);
      const found = [...tables[query.collection].values()].filter((doc) => query.filters.every((filter) => matches(doc, filter)));
      const sum = query.sum === undefined ? 0 : found.reduce((total, doc) => total + Number(fieldOf(doc, query.sum ?? "")), 0);
      return Promise.resolve({ count: found.length, sum });
    },
    blocked(query) {
      queries.push(query);
      const found = [...memory.state.applicants.values()].filter((doc) => query.filters.every((filter) => matches(doc, filter)));
      return Promise.resolve(
        found.map((doc) => ({
          districtCode: doc.districtCode,
          online: doc.registeredBy === "self",
          registeredAt: doc.registeredAt,
          eligible: doc.eligibility.eligible,
          reasons: [...doc.eligibility.reasons],
          needsVerification: doc.verification?.state === "needs-verification",
          joinedWave: doc.joinedWave ?? null,
        })),
      );
    },
    waves: () => Promise.resolve([...memory.state.waves.entries()].map(([id, wave]) => ({ id, final: wave.state === "drawn" }))),
    get: (scope) => Promise.resolve(docs.read(scope) ?? null),
    save(written) {
      for (const doc of written) {
        docs.set(doc.scope, docs.validate(doc.scope, doc));
        memory.writes.push(docs.pathOf(doc.scope));
      }
      return Promise.resolve();
    },
    target: (scope) => Promise.resolve(targets.read(scope) ?? null),
    setTarget(scope, target) {
      if (target.registrants === 0) targets.delete(scope);
      else targets.set(scope, targets.validate(scope, target));
      memory.writes.push(targets.pathOf(scope));
      return Promise.resolve();
    },
  };
}
