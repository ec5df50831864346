import { AggregateField, Timestamp, type Query } from "firebase-admin/firestore";
import { REASON_CODES, type ReasonCode } from "../domain/eligibility.js";
import { dashboardQueryShapes, type FigureQuery } from "../domain/dashboard/queries.js";
import { COLLECTIONS } from "../schemas/collections.js";
import type { Dashboards } from "../usecases/ports.js";
import { dashboards, regionTargets } from "./collections.js";
import { db } from "./firebase.js";

/**
 * Every aggregation query shape the rollup runs (domain/dashboard/queries.ts builds them):
 * tests/unit/indexes.test.ts checks each against firestore.indexes.json, which the emulator never does.
 */
export const DASHBOARD_QUERY_SHAPES = dashboardQueryShapes();

const isReasonCode = (value: unknown): value is ReasonCode => REASON_CODES.some((code) => code === value);

/** Documents a batch writes at most (Firestore's limit is 500). */
const BATCH = 400;

function queryOf(figure: FigureQuery): Query {
  return figure.filters.reduce<Query>((query, filter) => query.where(filter.field, filter.op, filter.value), db().collection(COLLECTIONS[figure.collection]));
}

/**
 * The dashboard over Firestore: `count()` and `sum()` aggregation queries (billed one read per
 * 1,000 index entries matched, at least one), the waves' states (a handful of documents, only
 * their `state` field), and the rollup's documents written in batches.
 */
export const firestoreDashboards: Dashboards = {
  async count(figure) {
    const query = queryOf(figure);
    if (figure.sum === undefined) return { count: (await query.count().get()).data().count, sum: 0 };
    const totals = (await query.aggregate({ count: AggregateField.count(), sum: AggregateField.sum(figure.sum) }).get()).data();
    return { count: totals.count, sum: totals.sum };
  },
  async blocked(figure) {
    const snapshot = await queryOf(figure).select("districtCode", "registeredBy", "registeredAt", "eligibility", "verification.state", "joinedWave").get();
    return snapshot.docs.map((doc) => {
      const registeredAt: unknown = doc.get("registeredAt");
      const reasons: unknown = doc.get("eligibility.reasons");
      const joinedWave: unknown = doc.get("joinedWave");
      return {
        districtCode: String(doc.get("districtCode")),
        online: doc.get("registeredBy") === "self",
        registeredAt: registeredAt instanceof Timestamp ? registeredAt.toDate() : new Date(0),
        eligible: doc.get("eligibility.eligible") === true,
        reasons: Array.isArray(reasons) ? reasons.filter(isReasonCode) : [],
        needsVerification: doc.get("verification.state") === "needs-verification",
        joinedWave: typeof joinedWave === "string" ? joinedWave : null,
      };
    });
  },
  async waves() {
    const snapshot = await db().collection(COLLECTIONS.waves).select("state").get();
    return snapshot.docs.map((doc) => ({ id: doc.id, final: doc.get("state") === "drawn" }));
  },
  async get(scope) {
    return (await dashboards().doc(scope).get()).data() ?? null;
  },
  async save(docs) {
    for (let start = 0; start < docs.length; start += BATCH) {
      const batch = db().batch();
      for (const doc of docs.slice(start, start + BATCH)) batch.set(dashboards().doc(doc.scope), doc);
      await batch.commit();
    }
  },
  async target(scope) {
    return (await regionTargets().doc(scope).get()).data() ?? null;
  },
  async setTarget(scope, target) {
    if (target.registrants === 0) await regionTargets().doc(scope).delete();
    else await regionTargets().doc(scope).set(target);
  },
};
