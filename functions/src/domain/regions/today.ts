import { DISTRICTS, PROVINCES, REGENCIES } from "./data.js";

/**
 * Today's administrative regions (the current decree edition, see data.ts), with Kemendagri codes
 * without dots: province "31", regency/city "3171", district (kecamatan) "317101".
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

interface Index {
  provinces: Map<string, Province>;
  regencies: Map<string, Regency>;
  districts: Map<string, District>;
  regenciesByProvince: Map<string, Regency[]>;
  districtsByRegency: Map<string, District[]>;
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
  const index: Index = { provinces: new Map(), regencies: new Map(), districts: new Map(), regenciesByProvince: new Map(), districtsByRegency: new Map() };
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

/** Today's names of a person's province, regency and district; a code without a name stays as it is. */
export function regionNamesOf(codes: { provinceCode: string; regencyCode: string; districtCode: string }): {
  province: string;
  regency: string;
  district: string;
} {
  return {
    province: findProvince(codes.provinceCode)?.name ?? codes.provinceCode,
    regency: findRegency(codes.regencyCode)?.name ?? codes.regencyCode,
    district: findDistrict(codes.districtCode)?.name ?? codes.districtCode,
  };
}

export const allProvinces = (): readonly Province[] => [...regions().provinces.values()];
export const regenciesOf = (provinceCode: string): readonly Regency[] => regions().regenciesByProvince.get(provinceCode) ?? [];
export const districtsOf = (regencyCode: string): readonly District[] => regions().districtsByRegency.get(regencyCode) ?? [];
