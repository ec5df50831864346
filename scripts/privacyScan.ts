import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { FIXTURE_NAMES } from "./fixtures/names.js";
import { scanFirestore, scanFirestoreByQuery } from "./privacy/firestore.js";
import { describeFinding, nameMatcher, scanValue, type Finding, type NameMatcher } from "./privacy/match.js";
import { PROJECT_ID, ROOT } from "./stack/config.js";

/**
 * `npm run privacy-scan` (and the last step of `npm test`, while the stack still runs): looks for
 * NIKs, KKs, Indonesian mobile numbers and the fixtures' full names in clear (scripts/privacy/match.ts)
 * in every document of the running Firestore emulator (FIRESTORE_EMULATOR_HOST) — every collection
 * and subcollection at any depth, document IDs, map keys and values inside maps and arrays, in the
 * stack's project and in the test suites' own projects (projectsToScan) — and in the local stack's
 * log lines. Documents are read with one kindless query over every descendant of the root, a page at
 * a time (scanFirestoreByQuery), or, if the emulator refuses it, with the Admin SDK's listings
 * (scanFirestore). Prints each finding as path, field, kind and the value masked, never
 * in clear; exits 1 when anything is found, 0 when nothing is, 2 when it could not scan.
 *
 * Logs scanned: `.stack/emulators.log` (the Firebase CLI's output: every function's log lines),
 * `.stack/mail.log` (the mail and SMS relay's own lines) and the CLI's `firebase-debug.log` /
 * `firestore-debug.log` when present. Not scanned: `.stack/sms.log` and `.stack/mail/*.eml`, the
 * local SMS provider's and mailbox's copies of messages delivered — the recipient's phone and inbox,
 * which hold the number and address by nature, as the real provider's systems do.
 */

export const SCANNED_LOGS = [".stack/emulators.log", ".stack/mail.log", "firebase-debug.log", "firestore-debug.log"] as const;

/** Scans each line of the log files that exist; a finding's `where` is `file:line`. */
export function scanLogs(files: readonly string[], names: NameMatcher): { logLines: number; findings: Finding[] } {
  const findings: Finding[] = [];
  let logLines = 0;
  for (const file of files) {
    const path = join(ROOT, file);
    if (!existsSync(path)) continue;
    readFileSync(path, "utf8")
      .split("\n")
      .forEach((line, index) => {
        logLines += 1;
        findings.push(...scanValue(line, names, `${relative(ROOT, path)}:${index + 1}`));
      });
  }
  return { logLines, findings };
}

/**
 * The emulator keeps each project's data apart, and some suites use a project of their own (the
 * rules suites' `demo-prakerja-rules-…`, the audit log's tamper test): every `"demo-…"` string in
 * tests/ is taken as a project to scan besides the stack's own. One that is not a project (a demo
 * uid) has no collections and costs one listing.
 */
export function projectsToScan(main: string, testsDir = join(ROOT, "tests")): string[] {
  const found = new Set<string>([main]);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts"))
        for (const [, id] of readFileSync(path, "utf8").matchAll(/"(demo-[a-z0-9-]{1,40})"/g)) if (id !== undefined) found.add(id);
    }
  };
  walk(testsDir);
  return [...found];
}

async function main(): Promise<number> {
  if (process.env.FIRESTORE_EMULATOR_HOST === undefined || process.env.FIRESTORE_EMULATOR_HOST === "") {
    console.error("privacy-scan: FIRESTORE_EMULATOR_HOST is not set. Run it against a running local stack (npm start), or through npm test.");
    return 2;
  }
  const names = nameMatcher(FIXTURE_NAMES);
  const began = Date.now();
  const own = process.env.GCLOUD_PROJECT ?? PROJECT_ID;
  const store: { documents: number; findings: Finding[] } = { documents: 0, findings: [] };
  const host = process.env.FIRESTORE_EMULATOR_HOST;
  for (const project of projectsToScan(own)) {
    const scanned =
      (await scanFirestoreByQuery(host, project, names)) ??
      (await scanFirestore(getFirestore(getApps().find((existing) => existing.name === project) ?? initializeApp({ projectId: project }, project)), names));
    store.documents += scanned.documents;
    // The program's own project reads as bare paths; the suites' own projects are named.
    store.findings.push(...scanned.findings.map((finding) => (project === own ? finding : { ...finding, where: `(${project}) ${finding.where}` })));
  }
  const logs = scanLogs(SCANNED_LOGS, names);
  const findings = [...store.findings, ...logs.findings];
  const seconds = ((Date.now() - began) / 1000).toFixed(1);
  if (findings.length === 0) {
    console.log(
      `Privacy scan: no NIK, KK, phone number or fixture name in clear in ${store.documents} documents and ${logs.logLines} log lines (${seconds} s).`,
    );
    return 0;
  }
  console.error(`\n✖ Privacy scan: ${findings.length} personal values in clear (${store.documents} documents, ${logs.logLines} log lines, ${seconds} s).`);
  console.error("  By place (document IDs as *), field and kind — count, first seen:");
  for (const [place, group] of groupFindings(findings)) console.error(`  ${String(group.length).padStart(6)}  ${place}  (${describeFinding(group[0])})`);
  console.error(`  Each${findings.length > LISTED ? `, the first ${LISTED}` : ""}:`);
  for (const finding of findings.slice(0, LISTED)) console.error(`    ${describeFinding(finding)}`);
  return 1;
}

const LISTED = 200;

/** Findings grouped by where they are with the document IDs left out (`applicants/*\/inbox/* body.id: name`), largest group first. */
export function groupFindings(findings: readonly Finding[]): Array<[string, Finding[]]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const place = /:\d+$/.test(finding.where)
      ? finding.where.replace(/:\d+$/, "")
      : finding.where
          .split("/")
          .map((segment, index) => (index % 2 === 1 ? "*" : segment))
          .join("/");
    const key = `${place}${finding.field === "" ? "" : ` ${finding.field.replace(/\[\d+\]/g, "[]")}`}: ${finding.kind}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [finding]);
    else group.push(finding);
  }
  return [...groups].sort((a, b) => b[1].length - a[1].length);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`privacy-scan: could not scan: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    },
  );
}
