import type { RoleGrants } from "../usecases/ports.js";
import { roleGrants } from "./collections.js";

const ALREADY_EXISTS = 6;

/**
 * The console's queries of the grants' record (firestore.indexes.json; tests/unit/roleConsoleIndexes.test.ts):
 * newest first, by role, by exact region, or both. Without a filter, `grantedAt` alone is served by its
 * own single-field index.
 */
export const ROLE_GRANT_QUERY_SHAPES = [
  { collection: "roleGrants", equalities: ["role"], orderBy: "grantedAt" },
  { collection: "roleGrants", equalities: ["region"], orderBy: "grantedAt" },
  { collection: "roleGrants", equalities: ["role", "region"], orderBy: "grantedAt" },
] as const;

export const firestoreRoleGrants: RoleGrants = {
  async find(requestId) {
    return (await roleGrants().doc(requestId).get()).data() ?? null;
  },
  async recordOnce(requestId, grant) {
    try {
      await roleGrants().doc(requestId).create(grant);
      return true;
    } catch (error) {
      // A concurrent retry with the same key got there first: the grant is recorded once.
      if ((error as { code?: number }).code === ALREADY_EXISTS) return false;
      throw error;
    }
  },
  async list(filter, page) {
    let query = roleGrants().orderBy("grantedAt", "desc");
    if (filter.role !== undefined) query = query.where("role", "==", filter.role);
    if (filter.region !== undefined) query = query.where("region", "==", filter.region);
    if (page.after !== undefined) {
      // A cursor whose grant is gone (never: grants are not deleted) starts from the newest again.
      const last = await roleGrants().doc(page.after).get();
      if (last.exists) query = query.startAfter(last);
    }
    const snapshot = await query.limit(page.limit).get();
    return snapshot.docs.map((doc) => ({ id: doc.id, grant: doc.data() }));
  },
};
