import type { Province, Regency } from "@domain/regions/index.js";

/** Searching the official region list in the role grant's picker. */

/** Lower case, accents and punctuation away: "Kab. Bandung" and "kab bandung" match. */
export function searchKey(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Every word typed is in the name (or the code starts with the digits typed). An empty query matches all. */
export function matchesRegion(region: Province, query: string): boolean {
  const words = searchKey(query).split(" ").filter(Boolean);
  if (words.length === 0) return true;
  const name = searchKey(region.name);
  return words.every((word) => (/^\d+$/.test(word) ? region.code.startsWith(word) : name.includes(word)));
}

/**
 * The provinces to offer for a query: those whose name matches, and those with a matching regency
 * (typing "Bandung" offers Jawa Barat). The chosen province stays offered, so the select never loses it.
 */
export function provincesFor(query: string, provinces: readonly Province[], regenciesOf: (code: string) => readonly Regency[], chosen: string): Province[] {
  return provinces.filter((p) => p.code === chosen || matchesRegion(p, query) || regenciesOf(p.code).some((r) => matchesRegion(r, query)));
}

/** The regencies of the chosen province to offer: all when the province's own name matched, else the matching ones. */
export function regenciesFor(query: string, province: Province | null, regencies: readonly Regency[], chosen: string): Regency[] {
  if (province === null || matchesRegion(province, query)) return [...regencies];
  return regencies.filter((r) => r.code === chosen || matchesRegion(r, query));
}
