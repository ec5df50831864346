import { storedClaims, type RoleClaims } from "../../domain/roles.js";
import type { Accounts, IdTokens, RoleGrants } from "../../usecases/ports.js";
import type { Memory } from "./state.js";
import { roundTrip } from "./state.js";
import { DocumentExists } from "./store.js";

/** Accounts and roles in memory: Firebase Auth's accounts and ID tokens, and the grants' audit records. */

export interface MemoryAccounts extends Accounts {
  /** An account as an admin or a sign-up makes it (in a test's setup). */
  add(uid: string, account?: { email?: string; phone?: string; claims?: RoleClaims }): void;
  disable(uid: string): void;
  /** Revokes every token issued so far (Auth's revokeRefreshTokens). */
  revokeTokens(uid: string): void;
}

export interface MemoryIdTokens extends IdTokens {
  /** A token for the account, carrying its claims as they are now (a later setRole needs a new token). */
  issue(uid: string): string;
}

class AuthError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

export function memoryAccounts(memory: Memory): MemoryAccounts {
  const { accounts } = memory.state;
  const write = (uid: string) => memory.writes.push(`auth/${uid}`);
  const byEmail = (email: string) => [...accounts].find(([, a]) => a.email?.toLowerCase() === email.toLowerCase())?.[0] ?? null;
  const byPhone = (phone: string) => [...accounts].find(([, a]) => a.phone === phone)?.[0] ?? null;
  return {
    add(uid, { email, phone, claims } = {}) {
      if (accounts.has(uid) || (email !== undefined && byEmail(email) !== null) || (phone !== undefined && byPhone(phone) !== null))
        throw new AuthError("auth/uid-already-exists");
      accounts.set(uid, {
        ...(email === undefined ? {} : { email }),
        ...(phone === undefined ? {} : { phone }),
        claims: claims ?? {},
        disabled: false,
        validFrom: 0,
      });
    },
    disable(uid) {
      const account = accounts.get(uid);
      if (account !== undefined) account.disabled = true;
    },
    revokeTokens(uid) {
      const account = accounts.get(uid);
      if (account !== undefined) account.validFrom = memory.state.idTokens.size + 1;
    },
    async uidByEmail(email) {
      await roundTrip();
      return byEmail(email);
    },
    async uidByPhone(phone) {
      await roundTrip();
      return byPhone(phone);
    },
    async setRole(uid, claims) {
      await roundTrip();
      const account = accounts.get(uid);
      if (account === undefined) throw new AuthError("auth/user-not-found");
      account.claims = storedClaims(claims);
      account.validFrom = memory.state.idTokens.size + 1;
      write(uid);
    },
    async profiles(uids) {
      await roundTrip();
      const found = new Map<string, { email?: string; claims: Record<string, unknown> }>();
      for (const uid of uids) {
        const account = accounts.get(uid);
        if (account !== undefined) found.set(uid, { ...(account.email === undefined ? {} : { email: account.email }), claims: { ...account.claims } });
      }
      return found;
    },
    async ensureEmailAccount(uid, email) {
      await roundTrip();
      if (accounts.has(uid) || byEmail(email) !== null) return;
      accounts.set(uid, { email, claims: {}, disabled: false, validFrom: 0 });
      write(uid);
    },
    async describe(uid) {
      await roundTrip();
      const account = accounts.get(uid);
      if (account === undefined) return null;
      // Auth's provider IDs: an email account here signs in with a password, a phone account by SMS code.
      const methods = [...(account.email === undefined ? [] : ["password"]), ...(account.phone === undefined ? [] : ["phone"])];
      return { disabled: account.disabled, methods, email: account.email ?? null, phone: account.phone ?? null };
    },
    async block(uid) {
      await roundTrip();
      const account = accounts.get(uid);
      if (account === undefined) return;
      account.disabled = true;
      account.validFrom = memory.state.idTokens.size + 1;
      write(uid);
    },
    async ensurePhoneAccount(uid, phone) {
      await roundTrip();
      // A retry, or the person signed up meanwhile: the account is there either way.
      if (accounts.has(uid) || byPhone(phone) !== null) return;
      accounts.set(uid, { phone, claims: {}, disabled: false, validFrom: 0 });
      write(uid);
    },
  };
}

export function memoryIdTokens(memory: Memory): MemoryIdTokens {
  const { accounts, idTokens } = memory.state;
  return {
    issue(uid) {
      const account = accounts.get(uid);
      if (account === undefined) throw new AuthError("auth/user-not-found");
      const serial = idTokens.size + 1;
      const token = `token-${serial}-${uid}`;
      idTokens.set(token, { uid, claims: { ...account.claims }, serial });
      return token;
    },
    async verify(idToken) {
      await roundTrip();
      const issued = idTokens.get(idToken);
      const account = issued === undefined ? undefined : accounts.get(issued.uid);
      if (issued === undefined || account === undefined || account.disabled || issued.serial < account.validFrom) return null;
      return { uid: issued.uid, token: { ...issued.claims, uid: issued.uid, sub: issued.uid } };
    },
  };
}

export function memoryRoleGrants(memory: Memory): RoleGrants {
  const { roleGrants } = memory.state;
  return {
    async find(requestId) {
      await roundTrip();
      return roleGrants.read(requestId) ?? null;
    },
    async recordOnce(requestId, grant) {
      await roundTrip();
      try {
        memory.batch().create(roleGrants, requestId, grant).commit();
        return true;
      } catch (error) {
        // A concurrent retry with the same key got there first: the grant is recorded once.
        if (error instanceof DocumentExists) return false;
        throw error;
      }
    },
    async list(filter, page) {
      await roundTrip();
      // Firestore's order: grantedAt descending, then the document ID descending.
      const all = [...roleGrants.entries()]
        .filter(([, grant]) => (filter.role === undefined || grant.role === filter.role) && (filter.region === undefined || grant.region === filter.region))
        .sort(([a, x], [b, y]) => y.grantedAt.getTime() - x.grantedAt.getTime() || (a < b ? 1 : a > b ? -1 : 0));
      const start = page.after === undefined ? 0 : all.findIndex(([id]) => id === page.after) + 1;
      return all.slice(start, start + page.limit).map(([id, grant]) => ({ id, grant: structuredClone(grant) }));
    },
  };
}
