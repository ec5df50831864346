import { done, refused, type Outcome } from "../domain/outcome.js";
import { APPLICANT, mayDo, storedClaims, type Actor, type RoleClaims } from "../domain/roles.js";
import type { RefusalOf } from "../schemas/contract.js";
import { roleClaims } from "../schemas/roles.js";
import type { RevokeRoleInput, RevokeRoleResult } from "../schemas/roleConsole.js";
import type { Accounts, AuditLog, Clock, RoleGrants } from "./ports.js";

export type RevokeRoleRefusal = RefusalOf<"revokeRole">;

export interface RevokeRolePorts {
  accounts: Pick<Accounts, "profiles" | "setRole">;
  roleGrants: Pick<RoleGrants, "find" | "recordOnce">;
  audit: AuditLog;
  clock: Clock;
}

/** An account's claims as the role model reads them: anything unreadable is a plain applicant. */
export function claimsOf(stored: Record<string, unknown>): RoleClaims {
  const parsed = roleClaims.safeParse(stored);
  return parsed.success ? storedClaims(parsed.data) : APPLICANT;
}

/**
 * A program admin takes an account's role away: its claims go back to applicant (its tokens are
 * revoked with them, so the role ends at once), the revocation is recorded in `roleGrants` under
 * the caller's request ID with the role it ended, and it is appended to the audit log. Nobody
 * revokes their own role, so the office cannot lock itself out by accident.
 */
export async function revokeRole(ports: RevokeRolePorts, actor: Actor, input: RevokeRoleInput): Promise<Outcome<RevokeRoleResult, RevokeRoleRefusal>> {
  if (!mayDo(actor, "revoke-role")) return refused("not-admin");
  if (actor.uid === input.uid) return refused("own-role");

  const earlier = await ports.roleGrants.find(input.requestId);
  if (earlier !== null) {
    if (earlier.targetUid !== input.uid || earlier.revokes === undefined) return refused("request-id-reused");
    // A retry after a crash between the record and the log: the append is idempotent by its key.
    await ports.audit.append(auditRecord(actor, input, earlier.revokes, earlier.grantedAt));
    return done({ uid: input.uid, revoked: earlier.revokes, applied: false });
  }

  const profile = (await ports.accounts.profiles([input.uid])).get(input.uid);
  if (profile === undefined) return refused("no-such-account");
  const held = claimsOf(profile.claims);
  if (held.role === "applicant") return refused("no-role-to-revoke");

  const at = ports.clock.now();
  await ports.accounts.setRole(input.uid, APPLICANT);
  const applied = await ports.roleGrants.recordOnce(input.requestId, {
    targetUid: input.uid,
    role: "applicant",
    grantedBy: actor.uid,
    via: "callable",
    grantedAt: at,
    revokes: held,
  });
  await ports.audit.append(auditRecord(actor, input, held, at));
  return done({ uid: input.uid, revoked: held, applied });
}

function auditRecord(actor: Actor, input: RevokeRoleInput, revoked: RoleClaims, at: Date) {
  return {
    act: "revoke-role" as const,
    actor: actor.uid,
    role: actor.claims.role,
    target: input.uid,
    key: input.requestId,
    at,
    ...(revoked.region === undefined ? {} : { region: revoked.region }),
    details: { revokedRole: revoked.role, ...(revoked.partner === undefined ? {} : { partner: revoked.partner }) },
  };
}
