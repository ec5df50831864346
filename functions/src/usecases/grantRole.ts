import { findProvince, findRegency } from "../domain/regions/index.js";
import { decideRoleGrant, mayDo, type Actor, type RoleClaims } from "../domain/roles.js";
import type { AuditRecord } from "../domain/audit/acts.js";
import { done, refused, type Outcome } from "../domain/outcome.js";
import type { GrantRoleInput, GrantRoleResult } from "../schemas/roles.js";
import type { Accounts, AuditLog, Clock, RoleGrants, TrainingStore } from "./ports.js";
import type { GrantRoleRefusal } from "../schemas/contract.js";

export type { GrantRoleRefusal };

export interface GrantRolePorts {
  accounts: Pick<Accounts, "uidByEmail" | "setRole">;
  roleGrants: RoleGrants;
  clock: Clock;
  training: Pick<TrainingStore, "partner">;
  audit: AuditLog;
}

/**
 * Gives an account a role, then records the grant under the caller's idempotency key.
 * Claims are set before the record is written: setting the same claims again is harmless,
 * so a crash in between is healed by a retry, and a recorded grant always took effect.
 */
export async function grantRole(
  ports: GrantRolePorts,
  actor: Actor,
  input: GrantRoleInput,
  via: "callable" | "command",
): Promise<Outcome<GrantRoleResult, GrantRoleRefusal>> {
  // The role first: whether an email has an account is not for a non-admin to learn.
  if (!mayDo(actor, "grant-role")) return refused("not-admin");
  // An operator's region must exist (province or regency): a scope nobody lives in sees nothing.
  if (input.region !== undefined && (input.region.length === 2 ? findProvince(input.region) : findRegency(input.region)) === null)
    return refused("region-unknown", { region: input.region });
  // Partner staff belong to an onboarded, active partner: a de-listed partner gets no new staff.
  if (input.partner !== undefined && (await ports.training.partner(input.partner))?.status !== "active") return refused("partner-unknown");
  const uid = await ports.accounts.uidByEmail(input.email);
  if (uid === null) return refused("unknown-account");
  const decision = decideRoleGrant(actor, uid, { role: input.role, region: input.region, partner: input.partner });
  if (!decision.ok) return decision;

  const earlier = await ports.roleGrants.find(input.requestId);
  if (earlier !== null) {
    const same =
      earlier.targetUid === uid &&
      earlier.role === decision.claims.role &&
      earlier.region === decision.claims.region &&
      earlier.partner === decision.claims.partner;
    if (!same) return refused("request-id-reused");
    // A retry after a crash between the grant and its audit entry records it now (the log is idempotent by key).
    await ports.audit.append(grantAudit(actor, uid, decision.claims, input.requestId, earlier.grantedAt, via));
    return done({ uid, ...decision.claims, applied: false });
  }

  await ports.accounts.setRole(uid, decision.claims);
  const applied = await ports.roleGrants.recordOnce(input.requestId, {
    targetUid: uid,
    ...decision.claims,
    grantedBy: actor.uid,
    via,
    grantedAt: ports.clock.now(),
  });
  await ports.audit.append(grantAudit(actor, uid, decision.claims, input.requestId, ports.clock.now(), via));
  return done({ uid, ...decision.claims, applied });
}

/** The audit entry of a grant: the account by uid, the role and scope given (never the email). */
function grantAudit(actor: Actor, uid: string, claims: RoleClaims, requestId: string, at: Date, via: "callable" | "command"): AuditRecord {
  return {
    act: "grant-role",
    actor: actor.uid,
    role: actor.claims.role,
    target: uid,
    key: requestId,
    at,
    details: {
      role: claims.role,
      via,
      ...(claims.region === undefined ? {} : { region: claims.region }),
      ...(claims.partner === undefined ? {} : { partner: claims.partner }),
    },
  };
}
