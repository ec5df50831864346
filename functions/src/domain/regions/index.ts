import { DISTRICTS, PROVINCES, REGENCIES } from "./data.js";
import { FORMER_REGENCIES } from "./formerCodes.js";

/**
 * Indonesian administrative regions (Kemendagri codes without dots): province "31",
 * regency/city "3171", district (kecamatan) "317101". Shared by the functions and the web form.
 */
export interface Province {
  code: string;
  name: string;
}
export interface Regency extends Province {
  provinceCode: string;
}
export interface District extends Province {
  regencyCode: string;
}
export interface CurrentRegion {
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
}

export { SOURCE as REGION_DATA_SOURCE } from "./data.js";
export { FORMER_REGENCIES, type FormerRegency } from "./formerCodes.js";

interface Index {
  provinces: Map<string, Province>;
  regencies: Map<string, Regency>;
  districts: Map<string, District>;
  regenciesByProvince: Map<string, Regency[]>;
  districtsByRegency: Map<string, District[]>;
  formerToCurrent: Map<string, string>;
}

function entries(groups: readonly string[], codeLength: number): [string, string][] {
  return groups.flatMap((group) => group.split("|")).map((entry) => [entry.slice(0, codeLength), entry.slice(codeLength)]);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function build(): Index {
  const index: Index = {
    provinces: new Map(),
    regencies: new Map(),
    districts: new Map(),
    regenciesByProvince: new Map(),
    districtsByRegency: new Map(),
    formerToCurrent: new Map(FORMER_REGENCIES.map((r) => [r.former, r.current])),
  };
  for (const [code, name] of entries(PROVINCES, 2)) index.provinces.set(code, { code, name });
  for (const [code, name] of entries(REGENCIES, 4)) {
    const regency = { code, name, provinceCode: code.slice(0, 2) };
    index.regencies.set(code, regency);
    push(index.regenciesByProvince, regency.provinceCode, regency);
  }
  for (const [code, name] of entries(DISTRICTS, 6)) {
    const district = { code, name, regencyCode: code.slice(0, 4) };
    index.districts.set(code, district);
    push(index.districtsByRegency, district.regencyCode, district);
  }
  return index;
}

// Built on first use: importing the module (e.g. for a schema) costs nothing until a lookup.
let cached: Index | undefined;
const regions = (): Index => (cached ??= build());

export const findProvince = (code: string): Province | null => regions().provinces.get(code) ?? null;
export const findRegency = (code: string): Regency | null => regions().regencies.get(code) ?? null;
export const findDistrict = (code: string): District | null => regions().districts.get(code) ?? null;

export const allProvinces = (): readonly Province[] => [...regions().provinces.values()];
export const regenciesOf = (provinceCode: string): readonly Regency[] => regions().regenciesByProvince.get(provinceCode) ?? [];
export const districtsOf = (regencyCode: string): readonly District[] => regions().districtsByRegency.get(regencyCode) ?? [];

/**
 * The current regency for a 4-digit code, resolving a former code (see formerCodes.ts).
 * A current code always wins, so a code reused after a split would mean the new regency.
 */
export function currentRegencyCode(code: string): string | null {
  if (findRegency(code)) return code;
  const current = regions().formerToCurrent.get(code);
  return current !== undefined && findRegency(current) ? current : null;
}

/** Where a 6-digit NIK/KK prefix lies today, or null when it names no district, then or now. */
export function currentRegionOf(prefix: string): CurrentRegion | null {
  if (!/^\d{6}$/.test(prefix)) return null;
  const regencyCode = currentRegencyCode(prefix.slice(0, 4));
  if (regencyCode === null) return null;
  const district = findDistrict(regencyCode + prefix.slice(4));
  if (!district) return null;
  return { provinceCode: regencyCode.slice(0, 2), regencyCode, districtCode: district.code };
}
