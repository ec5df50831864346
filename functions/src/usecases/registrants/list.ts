import { done, refused, type Outcome } from "../../domain/outcome.js";
import { mayDo, type Actor } from "../../domain/roles.js";
import type { ListRegistrantsRefusal } from "../../schemas/contract.js";
import type { ListRegistrantsInput, RegistrantsPage } from "../../schemas/registrants.js";
import type { Ports } from "../ports.js";
import { isVisibleTo, registrantQueryOf, registrantRowOf } from "./view.js";

export type { ListRegistrantsRefusal };

export type ListRegistrantsPorts = Pick<Ports, "registrants" | "registrations" | "pseudonyms">;

/**
 * The registrants of a region, a page at a time in account order (`nextCursor`: the last uid of a
 * full page). Operators see their own province or regency (or a part of it: `scope`, a district);
 * admins and auditors see everywhere. In order:
 * 1. the role (PRIVILEGES "list-registrants"), before anything the caller named is read;
 * 2. the filters against the caller's region (`region-outside-scope`);
 * 3. with `nik`: its keyed hash, `nikIndex`, then the person — answered only if they live inside
 *    the caller's scope; otherwise `registrant-not-in-region`, the same whether the NIK is
 *    registered elsewhere or nowhere, so the search tells nothing about other regions;
 * 4. otherwise one query of `pageSize + 1` (the extra one tells whether a next page exists).
 * Rows hold masked values only.
 */
export async function listRegistrants(
  ports: ListRegistrantsPorts,
  actor: Actor,
  input: ListRegistrantsInput,
): Promise<Outcome<RegistrantsPage, ListRegistrantsRefusal>> {
  if (!mayDo(actor, "list-registrants")) return refused("not-operator-admin-or-auditor");
  const query = registrantQueryOf(actor.claims, input);
  if (query === null) return refused("region-outside-scope");

  if (input.nik !== undefined) {
    const uid = await ports.registrants.uidOfNik(ports.pseudonyms.nik(input.nik));
    const applicant = uid === null ? null : await ports.registrations.applicant(uid);
    if (uid === null || applicant === null || !isVisibleTo(actor.claims, applicant, query.region)) return refused("registrant-not-in-region");
    return done({ rows: [registrantRowOf(uid, applicant)], nextCursor: null });
  }

  const found = await ports.registrants.page(query, input.cursor ?? null, input.pageSize + 1);
  const page = found.slice(0, input.pageSize);
  const nextCursor = found.length > input.pageSize ? (page.at(-1)?.uid ?? null) : null;
  return done({ rows: page.map(({ uid, applicant }) => registrantRowOf(uid, applicant)), nextCursor });
}
