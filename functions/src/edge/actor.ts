import { APPLICANT, type Actor } from "../domain/roles.js";
import { roleClaims } from "../schemas/roles.js";

/** The caller as the domain sees it; claims that do not parse give no privilege. */
export function actorFrom(auth: { uid: string; token: Record<string, unknown> }): Actor {
  const parsed = roleClaims.safeParse({ role: auth.token.role, region: auth.token.region, partner: auth.token.partner });
  return { uid: auth.uid, claims: parsed.success ? parsed.data : APPLICANT };
}
