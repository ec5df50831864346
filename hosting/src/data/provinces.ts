import { regionName } from "../format.js";

/** A province's name for a 2-digit code in published statistics; the code itself when unknown. */
export type ProvinceName = (code: string) => string;

/** The region table is big (~55 KB compressed): fetched only by the pages that name provinces. */
export async function loadProvinceNames(): Promise<ProvinceName> {
  const { findProvince } = await import("@domain/regions/index.js");
  return (code) => {
    const province = findProvince(code);
    return province ? regionName(province.name) : code;
  };
}
