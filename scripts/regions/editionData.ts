import { join } from "node:path";
import { readTable, sha256Of } from "./csv.js";
import type { Edition } from "./editions.js";

/** One decree edition: code → name at each level, codes without dots. */
export interface EditionData {
  edition: Edition;
  provinces: Map<string, string>;
  regencies: Map<string, string>;
  districts: Map<string, string>;
}

const LENGTH = { province: 2, regency: 4, district: 6 } as const;

export function readEdition(dir: string, edition: Edition): EditionData {
  const path = join(dir, `districts-${edition.year}.csv`);
  const sha256 = sha256Of(path);
  if (sha256 !== edition.sha256) {
    throw new Error(`${path} has SHA-256 ${sha256}, editions.ts says ${edition.sha256 || "nothing"}: check the file, then record its hash`);
  }
  const data: EditionData = { edition, provinces: new Map(), regencies: new Map(), districts: new Map() };
  const levels = { province: data.provinces, regency: data.regencies, district: data.districts };
  for (const { code, name, level } of readTable(path, ["code", "name", "level"] as const)) {
    if (!(level in LENGTH)) throw new Error(`${path}: ${code} has unknown level ${level}`);
    const known = level as keyof typeof LENGTH;
    if (!new RegExp(`^\\d{${LENGTH[known]}}$`).test(code)) throw new Error(`${path}: bad ${level} code ${code}`);
    if (name.trim() === "" || name.includes("|")) throw new Error(`${path}: bad name for ${code}`);
    if (levels[known].has(code)) throw new Error(`${path}: ${code} appears twice`);
    levels[known].set(code, name);
  }
  for (const code of data.regencies.keys()) if (!data.provinces.has(code.slice(0, 2))) throw new Error(`${path}: regency ${code} has no province`);
  for (const code of data.districts.keys()) if (!data.regencies.has(code.slice(0, 4))) throw new Error(`${path}: district ${code} has no regency`);
  return data;
}
