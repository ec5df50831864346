import { findProvince, findRegency } from "../domain/regions/index.js";
import { decideRoleGrant, mayDo, type Actor } from "../domain/roles.js";
import { done, refused, type Outcome } from "../domain/outcome.js";
import type { GrantRoleInput, GrantRoleResult } from "../schemas/roles.js";
import type { Accounts, Clock, RoleGrants, TrainingStore } from "./ports.js";
import type { GrantRoleRefusal } from "../schemas/contract.js";

export type { GrantRoleRefusal };

export interface GrantRolePorts {
  accounts: Pick<Accounts, "uidByEmail" | "setRole">;
  roleGrants: RoleGrants;
  clock: Clock;
  training: Pick<TrainingStore, "partner">;
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
    return refused("region-unknown");
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
    return same ? done({ uid, ...decision.claims, applied: false }) : refused("request-id-reused");
  }

  await ports.accounts.setRole(uid, decision.claims);
  const applied = await ports.roleGrants.recordOnce(input.requestId, {
    targetUid: uid,
    ...decision.claims,
    grantedBy: actor.uid,
    via,
    grantedAt: ports.clock.now(),
  });
  return done({ uid, ...decision.claims, applied });
}
