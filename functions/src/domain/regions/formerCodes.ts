import { FORMER_DISTRICTS, FORMER_REGENCIES } from "./formerData.js";
import { findDistrict, findRegency } from "./today.js";

/**
 * NIK and KK prefixes: a number keeps the district code of the office that issued it, for life, so
 * a prefix is valid when it was a district in any decree edition, and it is placed in today's
 * district. Where a regency moved province (Kalimantan Utara 2012, the Papua provinces 2022/2023,
 * Papua Barat Daya 2025) its districts were often renumbered too (91.02.03 Kurulu is 95.01.02
 * today, not 95.01.03), so the mapping is per district, generated from the editions
 * (formerData.ts; how it was built: data/regions/README.md). Functions only: the web form needs
 * today's regions alone, so this table stays out of its download.
 */
export interface CurrentRegion {
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
}

interface Former {
  regencies: Map<string, string>;
  districts: Map<string, string>;
}

function pairs(groups: readonly string[], codeLength: number): [string, string][] {
  return groups.flatMap((group) => group.split("|")).map((entry) => [entry.slice(0, codeLength), entry.slice(codeLength)]);
}

let cached: Former | undefined;
const former = (): Former => (cached ??= { regencies: new Map(pairs([FORMER_REGENCIES], 4)), districts: new Map(pairs(FORMER_DISTRICTS, 6)) });

/** Today's regency for a 4-digit code of any edition, or null. */
export function currentRegencyCode(code: string): string | null {
  if (findRegency(code)) return code;
  return former().regencies.get(code) ?? null;
}

/**
 * Where a 6-digit NIK/KK prefix lies today, or null when it was a district in no edition. The former
 * codes are looked up first, so a reviewed exception could even send a code in use today elsewhere.
 */
export function currentRegionOf(prefix: string): CurrentRegion | null {
  if (!/^\d{6}$/.test(prefix)) return null;
  const district = findDistrict(former().districts.get(prefix) ?? prefix);
  if (!district) return null;
  return { provinceCode: district.code.slice(0, 2), regencyCode: district.regencyCode, districtCode: district.code };
}
