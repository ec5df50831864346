import { decideRoleGrant, type Actor } from "../domain/roles.js";
import { done, refused, type Outcome } from "../domain/outcome.js";
import type { GrantRoleInput, GrantRoleResult } from "../schemas/roles.js";
import type { Accounts, Clock, RoleGrants } from "./ports.js";

export type GrantRoleRefusal = "not-admin" | "own-role" | "unknown-account" | "request-id-reused";

export interface GrantRolePorts {
  accounts: Pick<Accounts, "uidByEmail" | "setRole">;
  grants: RoleGrants;
  clock: Clock;
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
  const uid = await ports.accounts.uidByEmail(input.email);
  if (uid === null) return refused("unknown-account");
  const decision = decideRoleGrant(actor, uid, { role: input.role, region: input.region });
  if (!decision.ok) return decision;

  const earlier = await ports.grants.find(input.requestId);
  if (earlier !== null) {
    const same = earlier.targetUid === uid && earlier.role === decision.claims.role && earlier.region === decision.claims.region;
    return same ? done({ uid, ...decision.claims, applied: false }) : refused("request-id-reused");
  }

  await ports.accounts.setRole(uid, decision.claims);
  const applied = await ports.grants.recordOnce(input.requestId, {
    targetUid: uid,
    ...decision.claims,
    grantedBy: actor.uid,
    via,
    grantedAt: ports.clock.now(),
  });
  return done({ uid, ...decision.claims, applied });
}
