import { refused } from "../../domain/outcome.js";
import { findProvince, findRegency } from "../../domain/regions/today.js";
import { canSeeRegion, type Actor } from "../../domain/roles.js";

/**
 * The desk's region check: operators act on registrations of people living in their region,
 * admins everywhere. A refusal names the regency or city whose labor office holds the
 * registration and its province (codes and official names from the region data, not personal
 * data), so the operator can send the person there.
 */
export function outsideRegion(actor: Actor, districtCode: string) {
  if (canSeeRegion(actor.claims, districtCode)) return null;
  const provinceCode = districtCode.slice(0, 2);
  const regencyCode = districtCode.slice(0, 4);
  return refused("registration-outside-region", {
    provinceCode,
    provinceName: findProvince(provinceCode)?.name ?? provinceCode,
    regencyCode,
    regencyName: findRegency(regencyCode)?.name ?? regencyCode,
  });
}

/** The operator's office as a receipt names it: "Disnaker <regency or province>"; the program office for admins. */
export function officeOf(actor: Actor): string {
  const region = actor.claims.region;
  if (actor.claims.role !== "operator" || region === undefined) return "Manajemen Pelaksana Prakerja";
  const name = region.length === 2 ? findProvince(region)?.name : findRegency(region)?.name;
  return `Disnaker ${name ?? region}`;
}
