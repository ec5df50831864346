import type { Registrants } from "../../usecases/ports.js";
import { registrantShape, registrantValueOf } from "../registrantQueries.js";
import { roundTrip, type Memory } from "./state.js";

/** Registrants in memory: adapters/registrants.ts's queries (equalities, document-ID order). */
export function memoryRegistrants(memory: Memory): Registrants {
  const { applicants, nikIndex } = memory.state;
  return {
    async page(query, after, limit) {
      await roundTrip();
      const { equalities } = registrantShape(query);
      return applicants
        .under("")
        .filter(([uid, applicant]) => (after === null || uid > after) && equalities.every((field) => applicant[field] === registrantValueOf(query, field)))
        .slice(0, limit)
        .map(([uid, applicant]) => ({ uid, applicant }));
    },
    async count(query) {
      await roundTrip();
      const { equalities } = registrantShape(query);
      return applicants.under("").filter(([, applicant]) => equalities.every((field) => applicant[field] === registrantValueOf(query, field))).length;
    },
    async uidOfNik(nikKey) {
      await roundTrip();
      return nikIndex.read(nikKey)?.uid ?? null;
    },
  };
}
