import type { RoleGrantRow } from "@schemas/roleConsole.js";

/** What the role-grant list says under "Now" (`console.grants.*` texts). */
export type GrantNow = "holds" | "notHeld" | "revocationStands" | "heldAgain" | "revokedOtherRole";

/**
 * A grant: whether the account still holds its role. A revocation (whose own role is "applicant")
 * speaks of the revoked role: the revocation stands (the account is an applicant), the account was
 * granted that role again since, or it holds another role now — never "still holds" the role it
 * lost.
 */
export function grantNow(grant: Pick<RoleGrantRow, "holdsNow" | "revokes" | "revokedHeldAgain">): GrantNow {
  if (grant.revokes === undefined) return grant.holdsNow ? "holds" : "notHeld";
  if (grant.revokedHeldAgain === true) return "heldAgain";
  return grant.holdsNow ? "revocationStands" : "revokedOtherRole";
}
