import { done, refused, type Outcome } from "../domain/outcome.js";
import { findProvince, findRegency } from "../domain/regions/index.js";
import { mayDo, type Actor, type RoleClaims } from "../domain/roles.js";
import type { RefusalOf } from "../schemas/contract.js";
import type { RoleGrantDoc } from "../schemas/documents.js";
import type { ListRoleGrantsInput, RoleGrantRow, RoleGrantsPage } from "../schemas/roleConsole.js";
import type { AccountProfile, Accounts, RoleGrants } from "./ports.js";
import { claimsOf } from "./revokeRole.js";

export type ListRoleGrantsRefusal = RefusalOf<"listRoleGrants">;

export interface ListRoleGrantsPorts {
  accounts: Pick<Accounts, "profiles">;
  roleGrants: Pick<RoleGrants, "list">;
}

/** Grants per page: with the grantors, at most 100 accounts, which is one Auth lookup. */
export const GRANTS_PER_PAGE = 25;

/** The official name of a province (2 digits) or regency/city (4 digits), or undefined. */
export function regionNameOf(code: string): string | undefined {
  return (code.length === 2 ? findProvince(code) : findRegency(code))?.name;
}

/**
 * The record of role grants for the program office's console (admins and auditors): newest first,
 * by role and exact region, each with the account's and the grantor's email (from Auth, never
 * stored beside the grant), the region's official name, and whether the account holds that role today.
 */
export async function listRoleGrants(
  ports: ListRoleGrantsPorts,
  actor: Actor,
  input: ListRoleGrantsInput,
): Promise<Outcome<RoleGrantsPage, ListRoleGrantsRefusal>> {
  if (!mayDo(actor, "read-role-grants")) return refused("not-admin-or-auditor");
  const found = await ports.roleGrants.list(
    { ...(input.role === undefined ? {} : { role: input.role }), ...(input.region === undefined ? {} : { region: input.region }) },
    { ...(input.cursor === undefined ? {} : { after: input.cursor }), limit: GRANTS_PER_PAGE + 1 },
  );
  const page = found.slice(0, GRANTS_PER_PAGE);
  const uids = [...new Set(page.flatMap(({ grant }) => [grant.targetUid, grant.grantedBy]))];
  const profiles = await ports.accounts.profiles(uids);
  const next = found.length > GRANTS_PER_PAGE ? page[page.length - 1].id : null;
  return done({ grants: page.map(({ id, grant }) => rowOf(id, grant, profiles)), next });
}

function rowOf(id: string, grant: RoleGrantDoc, profiles: Map<string, AccountProfile>): RoleGrantRow {
  const target = profiles.get(grant.targetUid);
  const email = target?.email;
  const grantedByEmail = profiles.get(grant.grantedBy)?.email;
  const regionName = grant.region === undefined ? undefined : regionNameOf(grant.region);
  return {
    id,
    targetUid: grant.targetUid,
    ...(email === undefined ? {} : { email }),
    role: grant.role,
    ...(grant.region === undefined ? {} : { region: grant.region }),
    ...(regionName === undefined ? {} : { regionName }),
    ...(grant.partner === undefined ? {} : { partner: grant.partner }),
    ...(grant.revokes === undefined ? {} : { revokes: grant.revokes }),
    grantedBy: grant.grantedBy,
    ...(grantedByEmail === undefined ? {} : { grantedByEmail }),
    via: grant.via,
    grantedAt: grant.grantedAt.toISOString(),
    holdsNow: target !== undefined && sameClaims(claimsOf(target.claims), grant),
    ...(grant.revokes === undefined ? {} : { revokedHeldAgain: target !== undefined && sameClaims(claimsOf(target.claims), grant.revokes) }),
  };
}

const sameClaims = (held: RoleClaims, grant: Pick<RoleGrantDoc, "role" | "region" | "partner">): boolean =>
  held.role === grant.role && held.region === grant.region && held.partner === grant.partner;
