import { scopeLevel, NATIONAL_SCOPE } from "../../domain/dashboard/scope.js";
import { done, refused, type Outcome } from "../../domain/outcome.js";
import { findProvince, findRegency } from "../../domain/regions/index.js";
import { mayDo, type Actor } from "../../domain/roles.js";
import type { RefusalOf } from "../../schemas/contract.js";
import type { SetRegionTargetResult } from "../../schemas/dashboard.js";
import type { Ports } from "../ports.js";

export type SetRegionTargetRefusal = RefusalOf<"setRegionTarget">;

/** True when the scope names the country or a province or regency of today's regions. */
function scopeExists(scope: string): boolean {
  const level = scopeLevel(scope);
  if (level === "national") return scope === NATIONAL_SCOPE;
  if (level === "province") return findProvince(scope) !== null;
  return level === "regency" && findRegency(scope) !== null;
}

/**
 * The program office sets a region's registration target (or clears it with 0), shown on the
 * region's dashboard as progress; audited (`set-region-target`, keyed by the request ID, so a
 * retry is recorded once). Asks `mayDo` before looking at the scope.
 */
export async function setRegionTarget(
  ports: Pick<Ports, "dashboards" | "clock" | "audit">,
  actor: Actor,
  input: { requestId: string; scope: string; registrants: number },
): Promise<Outcome<SetRegionTargetResult, SetRegionTargetRefusal>> {
  if (!mayDo(actor, "set-region-target")) return refused("not-admin");
  // The code travels in the details: the edge fills the text's `{region}` with it, as for grantRole.
  if (!scopeExists(input.scope)) return refused("region-unknown", { region: input.scope });
  const at = ports.clock.now();
  await ports.dashboards.setTarget(input.scope, { registrants: input.registrants, setBy: actor.uid, setAt: at, requestId: input.requestId });
  await ports.audit.append({
    act: "set-region-target",
    actor: actor.uid,
    role: actor.claims.role,
    target: input.scope,
    key: input.requestId,
    at,
    region: input.scope,
    details: { registrants: input.registrants },
  });
  return done({ scope: input.scope, registrants: input.registrants });
}
