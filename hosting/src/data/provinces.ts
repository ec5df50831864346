import { regionName } from "../format.js";

/** A province's name for a 2-digit code in published statistics; the code itself when unknown. */
export type ProvinceName = (code: string) => string;

/**
 * The 38 provinces' names only (about 1 KB): the transparency pages name provinces, never
 * regencies or districts, so they load the generated table's PROVINCES list and not the whole
 * region table (~56 KB) that the registration form needs.
 */
export async function loadProvinceNames(): Promise<ProvinceName> {
  const { PROVINCES } = await import("@domain/regions/provinceData.js");
  const names = new Map(PROVINCES.flatMap((group) => group.split("|")).map((entry) => [entry.slice(0, 2), entry.slice(2)] as const));
  return (code) => {
    const name = names.get(code);
    return name === undefined ? code : regionName(name);
  };
}
