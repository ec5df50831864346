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
  async profiles(uids) {
    const found = new Map<string, { email?: string; claims: Record<string, unknown> }>();
    if (uids.length === 0) return found;
    // One Auth call for up to 100 accounts; a uid without an account is in `notFound`, not thrown.
    const { users } = await auth().getUsers(uids.map((uid) => ({ uid })));
    for (const user of users) found.set(user.uid, { ...(user.email === undefined ? {} : { email: user.email }), claims: { ...user.customClaims } });
    return found;
  },
  async ensureEmailAccount(uid, email) {
    try {
      await auth().createUser({ uid, email });
    } catch (error) {
      // A retry, or the person signed up meanwhile: the account is there either way.
      const code = (error as { code?: string }).code;
      if (code !== "auth/uid-already-exists" && code !== "auth/email-already-exists") throw error;
    }
  },
  async describe(uid) {
    const { users } = await auth().getUsers([{ uid }]);
    const user = users[0];
    if (user === undefined) return null;
    return {
      disabled: user.disabled,
      methods: user.providerData.map((provider) => provider.providerId),
      email: user.email ?? null,
      phone: user.phoneNumber ?? null,
    };
  },
  async block(uid) {
    try {
      await auth().updateUser(uid, { disabled: true });
      // A disabled account's tokens stop at once where revocation is checked (every privileged call).
      await auth().revokeRefreshTokens(uid);
    } catch (error) {
      if ((error as { code?: string }).code !== "auth/user-not-found") throw error;
    }
  },
  async setRole(uid, claims: RoleClaims) {
    await auth().setCustomUserClaims(uid, storedClaims(claims));
    // Tokens issued before carry the old role: revoked, so a demoted account loses it at once
    // (privileged calls check revocation) and the person signs in again to get the new one.
    await auth().revokeRefreshTokens(uid);
  },
};
