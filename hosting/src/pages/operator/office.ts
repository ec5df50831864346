import { findProvince, findRegency } from "@domain/regions/index.js";
import { regionName } from "../../format.js";

/** The operator's office as the receipt names it: the labor office (Disnaker) of their province or regency. */
export function officeName(region: string): string {
  const name = (region.length === 2 ? findProvince(region) : findRegency(region))?.name;
  return `Disnaker ${name === undefined ? region : regionName(name)}`;
}
