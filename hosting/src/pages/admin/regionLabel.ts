import { findProvince, findRegency } from "@domain/regions/index.js";
import { regionName } from "../../format.js";

/** "32" → "Jawa Barat (32)", "3273" → "Kota Bandung (3273)": the official name with its code; the code alone when it names none. */
export function regionLabel(code: string): string {
  const region = code.length === 2 ? findProvince(code) : findRegency(code);
  return region === null ? code : `${regionName(region.name)} (${code})`;
}
