import type { RoleGrants } from "../usecases/ports.js";
import { roleGrants } from "./collections.js";

const ALREADY_EXISTS = 6;

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
};
