import { storedClaims, type RoleClaims } from "../domain/roles.js";
import type { Accounts, IdTokens } from "../usecases/ports.js";
import { auth } from "./firebase.js";

export const firebaseIdTokens: IdTokens = {
  async verify(idToken) {
    try {
      // checkRevoked: a disabled account or revoked session stops at once, not when the token expires.
      const decoded = await auth().verifyIdToken(idToken, true);
      return { uid: decoded.uid, token: decoded };
    } catch (error) {
      if (String((error as { code?: unknown }).code).startsWith("auth/")) return null;
      throw error;
    }
  },
};

export const firebaseAccounts: Accounts = {
  async uidByEmail(email) {
    try {
      return (await auth().getUserByEmail(email)).uid;
    } catch (error) {
      if ((error as { code?: string }).code === "auth/user-not-found") return null;
      throw error;
    }
  },
  async uidByPhone(phone) {
    try {
      return (await auth().getUserByPhoneNumber(phone)).uid;
    } catch (error) {
      if ((error as { code?: string }).code === "auth/user-not-found") return null;
      throw error;
    }
  },
  async ensurePhoneAccount(uid, phone) {
    try {
      await auth().createUser({ uid, phoneNumber: phone });
    } catch (error) {
      // A retry, or the person signed up meanwhile: the account is there either way.
      const code = (error as { code?: string }).code;
      if (code !== "auth/uid-already-exists" && code !== "auth/phone-number-already-exists") throw error;
    }
  },
  async setRole(uid, claims: RoleClaims) {
    await auth().setCustomUserClaims(uid, storedClaims(claims));
    // Tokens issued before carry the old role: revoked, so a demoted account loses it at once
    // (privileged calls check revocation) and the person signs in again to get the new one.
    await auth().revokeRefreshTokens(uid);
  },
};
