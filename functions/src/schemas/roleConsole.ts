import { z } from "zod";
import { ROLES } from "../domain/roles.js";
import { documentId } from "./ids.js";
import { regionScope } from "./region.js";

/** Inputs and answers of the program office's role console: the grants' record, and revoking a role. */

/** Input of `listRoleGrants` (admins, auditors): newest grants first, filtered by role and region, a page at a time. */
export const listRoleGrantsInput = z.object({
  role: z.enum(ROLES).optional(),
  /** Exactly this province or regency (an operator of 3273 is not listed under 32). */
  region: regionScope.optional(),
  /** The `next` of the page before: the ID (request ID) of its last grant. */
  cursor: documentId.optional(),
});
export type ListRoleGrantsInput = z.infer<typeof listRoleGrantsInput>;

/** One grant as the console shows it: the record, with the accounts' emails and the region's official name. */
export const roleGrantRow = z.object({
  /** The grant's request ID (its document ID in `roleGrants`). */
  id: z.string(),
  targetUid: z.string(),
  /** The account's email today; absent for phone-only or deleted accounts. */
  email: z.string().optional(),
  role: z.enum(ROLES),
  region: z.string().optional(),
  /** The region's official name (today's decree), absent when the code names none. */
  regionName: z.string().optional(),
  partner: z.string().optional(),
  /** A revocation: the role (and scope) the account had before it went back to applicant. */
  revokes: z.object({ role: z.enum(ROLES), region: z.string().optional(), partner: z.string().optional() }).optional(),
  grantedBy: z.string(),
  grantedByEmail: z.string().optional(),
  via: z.enum(["callable", "command"]),
  /** ISO date-time. */
  grantedAt: z.string(),
  /**
   * True when the account's claims today are exactly this grant's role and scope (a revocation's
   * role is "applicant": true while the revocation stands).
   */
  holdsNow: z.boolean(),
  /** A revocation only: true when the account holds the revoked role and scope again today (granted again since). */
  revokedHeldAgain: z.boolean().optional(),
});
export type RoleGrantRow = z.infer<typeof roleGrantRow>;

export interface RoleGrantsPage {
  grants: RoleGrantRow[];
  /** The cursor of the next page; null on the last page. */
  next: string | null;
}

/** Input of `revokeRole` (admins): the account goes back to applicant; idempotent by `requestId`. */
export const revokeRoleInput = z.object({
  requestId: z.uuid(),
  uid: documentId,
});
export type RevokeRoleInput = z.infer<typeof revokeRoleInput>;

export interface RevokeRoleResult {
  uid: string;
  /** The role (and scope) the account had. */
  revoked: { role: (typeof ROLES)[number]; region?: string; partner?: string };
  /** False when this requestId had already been applied (a retry). */
  applied: boolean;
}
