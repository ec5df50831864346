import type { RoleClaims } from "../domain/roles.js";
import type { Accounts } from "../usecases/ports.js";
import { auth } from "./firebase.js";

export const firebaseAccounts: Accounts = {
  async uidByEmail(email) {
    try {
      return (await auth().getUserByEmail(email)).uid;
    } catch (error) {
      if ((error as { code?: string }).code === "auth/user-not-found") return null;
      throw error;
    }
  },
  async setRole(uid, claims: RoleClaims) {
    await auth().setCustomUserClaims(uid, claims.region === undefined ? { role: claims.role } : { ...claims });
  },
};
