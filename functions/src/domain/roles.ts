/**
 * The role model, in one place. Roles travel as Firebase Auth custom claims
 * (`{ role, region? }`); firestore.rules mirrors `coversRegion` for reads.
 *
 * - applicant: anyone signed in without another role (the default).
 * - operator: a regional labor office (Disnaker) operator, scoped to a
 *   province (2-digit code) or a regency/city (4-digit code).
 * - admin: the program office (Manajemen Pelaksana).
 * - auditor: reads everything, changes nothing.
 * - partner: a staff member of a training partner (platform or institution), with their own
 *   account, scoped to that partner's client code: reads the partner's own statements and audit
 *   trail. A de-listed partner's staff read nothing more. (The partner's systems sign API calls
 *   with the partner's key; people sign in as themselves.)
 */
export const ROLES = ["applicant", "operator", "admin", "auditor", "partner"] as const;
export type Role = (typeof ROLES)[number];

export interface RoleClaims {
  role: Role;
  /** Operators only: the province or regency code their access is scoped to. */
  region?: string;
  /** Partner staff only: the client code of their partner. */
  partner?: string;
}

export interface Actor {
  uid: string;
  claims: RoleClaims;
}

export const APPLICANT: RoleClaims = { role: "applicant" };

/** Claims as an account stores them: the role, and its scope (region, partner) only when it has one — never an `undefined` key. */
export function storedClaims(claims: RoleClaims): RoleClaims {
  return {
    role: claims.role,
    ...(claims.region === undefined ? {} : { region: claims.region }),
    ...(claims.partner === undefined ? {} : { partner: claims.partner }),
  };
}

/**
 * Who may do each privileged act: the one table every privileged use case asks first, before
 * it reads anything the caller named (an email, a version, a person), so a refusal never
 * depends on what exists.
 */
export const PRIVILEGES = {
  "grant-role": ["admin"],
  "create-wave": ["admin"],
  "import-exclusion-list": ["admin"],
  "compare-exclusion-lists": ["admin", "auditor"],
  // Priority lists (domain/priority.ts): imported like exclusion lists, declared on a wave at its creation.
  "import-priority-list": ["admin"],
  "register-on-behalf": ["operator"],
  // At the desk, with the person's consent: joining the open wave for them.
  "join-wave-on-behalf": ["operator"],
  // The identity verification queue of a region, and deciding its cases (domain/verification.ts).
  "list-verification-cases": ["operator", "admin"],
  "decide-verification": ["operator", "admin"],
  // The training catalogue: onboarding partners, trainings (with their history) and schedules.
  "manage-catalogue": ["admin"],
  // Partner staff read their own partner's only (usecases/training/statement.ts).
  "read-settlements": ["admin", "auditor", "partner"],
  // Incentive payouts: auditors read the queues, holds, quarantine and cases; the program office acts on them.
  "read-payouts": ["admin", "auditor"],
  "manage-payouts": ["admin"],
  // The personal-data vault: one sealed value of one person, for a purpose, on the audit log (operators within their region).
  "reveal-personal-data": ["operator", "admin"],
  // At the desk: who registered a walk-in person's NIK, and NIK dispute cases ("joki") of the region (domain/desk/dispute.ts).
  "look-up-registration": ["operator", "admin"],
  "resolve-nik-dispute": ["operator", "admin"],
  // Registrant lists, records and masked CSV exports (usecases/registrants/): operators of their region; admins and auditors everywhere.
  "list-registrants": ["operator", "admin", "auditor"],
  "export-registrants": ["operator", "admin", "auditor"],
  // The program office's console: the record of role grants (with accounts' emails), and revoking a role.
  "read-role-grants": ["admin", "auditor"],
  "revoke-role": ["admin"],
  // The regional dashboard: the program office sets each region's registration target (reading is the rules' region scoping).
  "set-region-target": ["admin"],
  // A wave's close: the program office re-drives a stalled partition (auditors watch its progress through the rules).
  "redrive-close-partition": ["admin"],
} as const satisfies Record<string, readonly Role[]>;
export type Privilege = keyof typeof PRIVILEGES;

/** True when the actor's role may do `act`; an operator also needs a region, partner staff a partner. */
export function mayDo(actor: Actor, act: Privilege): boolean {
  const roles: readonly Role[] = PRIVILEGES[act];
  if (!roles.includes(actor.claims.role)) return false;
  if (actor.claims.role === "partner") return actor.claims.partner !== undefined;
  return actor.claims.role !== "operator" || actor.claims.region !== undefined;
}

/** True when `regionCode` (province, regency or district code) lies inside `scope`. */
export function coversRegion(scope: string, regionCode: string): boolean {
  return regionCode.startsWith(scope);
}

/** Who may see records of a region: admins and auditors everywhere, operators inside their scope. */
export function canSeeRegion(claims: RoleClaims, regionCode: string): boolean {
  if (claims.role === "admin" || claims.role === "auditor") return true;
  return claims.role === "operator" && claims.region !== undefined && coversRegion(claims.region, regionCode);
}

export type RoleGrantRefusal = "not-admin" | "own-role";

export type RoleGrantDecision = { ok: true; claims: RoleClaims } | { ok: false; reason: RoleGrantRefusal };

/**
 * Decides whether `actor` may give `target` the role `wanted`.
 * Only program admins grant roles; nobody changes their own role, so the last
 * admin cannot lock the program office out by mistake and nobody promotes themselves.
 */
export function decideRoleGrant(actor: Actor, targetUid: string, wanted: RoleClaims): RoleGrantDecision {
  if (!mayDo(actor, "grant-role")) return { ok: false, reason: "not-admin" };
  if (actor.uid === targetUid) return { ok: false, reason: "own-role" };
  const claims: RoleClaims =
    wanted.role === "operator"
      ? { role: "operator", region: wanted.region }
      : wanted.role === "partner"
        ? { role: "partner", partner: wanted.partner }
        : { role: wanted.role };
  return { ok: true, claims };
}
