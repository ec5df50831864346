import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readTable } from "./csv.js";
import { readEdition } from "./editionData.js";
import { EDITIONS } from "./editions.js";
import { EXCEPTION_COLUMNS, mapEditions, OLDER_REGENCY_COLUMNS, type Mapping } from "./mapping.js";
import { countsOf, currentModule, formerCsv, formerModule, provincesModule, readme, webNotice, type Counts } from "./render.js";

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, "../..");
/**
 * The editions' CSVs, kept in the repository (data/wilayah: a copy of the program's reference data,
 * ../shared/data/wilayah, with its README and MIT notice), so a fresh clone sweeps them on its own.
 */
export const DEFAULT_EDITIONS_DIR = resolve(REPO_ROOT, "data/wilayah");
export const EXCEPTIONS_FILE = join(here, "exceptions.csv");
export const OLDER_REGENCIES_FILE = join(here, "older-regencies.csv");

export interface Built {
  /** Path relative to the repository root → content. */
  files: Record<string, string>;
  mapping: Mapping;
  counts: Counts;
}

/** Everything `npm run regions:generate` writes, computed without writing; throws when a human must decide. */
export function buildRegionFiles(editionsDir = DEFAULT_EDITIONS_DIR): Built {
  const editions = EDITIONS.map((edition) => readEdition(editionsDir, edition));
  const today = editions.at(-1)!;
  const mapping = mapEditions(editions, readTable(EXCEPTIONS_FILE, EXCEPTION_COLUMNS), readTable(OLDER_REGENCIES_FILE, OLDER_REGENCY_COLUMNS));
  if (mapping.errors.length > 0 || mapping.unresolved.length > 0) throw new NeedsReview(mapping);
  return {
    files: {
      "functions/src/domain/regions/data.ts": currentModule(today),
      "functions/src/domain/regions/provinceData.ts": provincesModule(today),
      "functions/src/domain/regions/formerData.ts": formerModule(mapping),
      "data/regions/former-districts.csv": formerCsv(mapping, today),
      "data/regions/README.md": readme(editions, countsOf(mapping, today)),
      "hosting/public/NOTICE-regions.txt": webNotice(),
    },
    mapping,
    counts: countsOf(mapping, today),
  };
}

export class NeedsReview extends Error {
  constructor(readonly mapping: Mapping) {
    super(
      [
        ...mapping.errors,
        ...(mapping.unresolved.length > 0
          ? [
              `${mapping.unresolved.length} district codes need a human: run \`npm run regions:generate -- --draft\` for draft rows of scripts/regions/exceptions.csv`,
            ]
          : []),
      ].join("\n"),
    );
  }
}
