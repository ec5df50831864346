import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { csvField } from "./csv.js";
import { buildRegionFiles, DEFAULT_EDITIONS_DIR, NeedsReview, REPO_ROOT } from "./build.js";
import { EXCEPTION_COLUMNS } from "./mapping.js";

/**
 * `npm run regions:generate [-- --from DIR] [-- --draft]`: rebuilds the committed region data from
 * the decree editions (scripts/regions/editions.ts, CSVs in data/wilayah by default).
 * Codes that cannot be matched by name need a reviewed row in scripts/regions/exceptions.csv:
 * `--draft` prints them as rows to review (reason "TODO", target guessed) and writes nothing.
 */
const args = process.argv.slice(2);
const fromIndex = args.indexOf("--from");
const editionsDir = fromIndex >= 0 ? resolve(args[fromIndex + 1] ?? ".") : DEFAULT_EDITIONS_DIR;

try {
  const { files, counts } = buildRegionFiles(editionsDir);
  if (args.includes("--draft")) {
    console.log("Nothing to review: every code is matched by name or by exceptions.csv.");
    process.exit(0);
  }
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(REPO_ROOT, path)), { recursive: true });
    writeFileSync(join(REPO_ROOT, path), content);
    console.log(`${path} (${content.length.toLocaleString("en")} bytes)`);
  }
  console.log(
    `${counts.codes} district codes in the editions, ${counts.today} today; former codes: ${counts.byName} by name, ${counts.byException} by exceptions.csv; ` +
      `${counts.sameCodeRenamed} renamed under the same code; ${counts.assumed} before the oldest edition. Review the diff of data/regions/former-districts.csv.`,
  );
} catch (error) {
  if (!(error instanceof NeedsReview)) throw error;
  if (args.includes("--draft")) {
    console.log(EXCEPTION_COLUMNS.join(","));
    for (const row of error.mapping.unresolved) console.log(EXCEPTION_COLUMNS.map((column) => csvField(row[column])).join(","));
  }
  console.error(error.message);
  process.exitCode = 1;
}
