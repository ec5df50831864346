import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { FIXTURE_NAMES } from "./fixtures/names.js";
import { scanFirestore, scanFirestoreByQuery } from "./privacy/firestore.js";
import { describeFinding, nameMatcher, scanValue, type Finding, type NameMatcher } from "./privacy/match.js";
import { clientEnvironment, HOST, PORTS, PROJECT_ID, ROOT } from "./stack/config.js";

/**
 * `npm run privacy-scan` (and the last step of `npm test`, while the stack still runs): looks for
 * NIKs, KKs, Indonesian mobile numbers and the fixtures' full names in clear (scripts/privacy/match.ts)
 * in every document of the running Firestore emulator (FIRESTORE_EMULATOR_HOST, or, unset, the
 * local stack's own port, as `npm run verify-audit` and the other commands find it) — every collection
 * and subcollection at any depth, document IDs, map keys and values inside maps and arrays, in the
 * stack's project and in the test suites' own projects (projectsToScan) — and in the local stack's
 * log lines. Documents are read with one kindless query over every descendant of the root, a page at
 * a time (scanFirestoreByQuery), or, if the emulator refuses it, with the Admin SDK's listings
 * (scanFirestore). Prints each finding as path, field, kind and the value masked, never
 * in clear; exits 1 when anything is found, 0 when nothing is, 2 when it could not scan (the stack
 * not running).
 *
 * Logs scanned: every log our code writes — `.stack/emulators.log` (the Firebase CLI's output: every
 * function's log lines, whatever their level) and `.stack/mail.log` (the mail and SMS relay's own
 * lines). Not scanned:
 * - `.stack/sms.log` and `.stack/mail/*.eml`, the local SMS provider's and mailbox's copies of
 *   messages delivered — the recipient's phone and inbox, which hold the number and address by
 *   nature, as the real provider's systems do;
 * - the emulator suite's own debug logs, `firebase-debug.log` and `firestore-debug.log`
 *   (UNSCANNED_EMULATOR_LOGS): the emulators' internal tracing, which exists only on a developer's
 *   machine (nothing of it is deployed) and records the raw requests the emulators receive — the
 *   Auth emulator's `user.create` bodies with the phone number an account is made for, which the
 *   Auth service holds by nature, as the real one does. Our functions' log lines reach it only as
 *   copies of what `.stack/emulators.log` holds, and that file is scanned in full;
 * - in `.stack/emulators.log`, the Auth emulator's own stand-in for an SMS
 *   (AUTH_EMULATOR_SMS_LINE: "To verify the phone number +62… use the code …"), the one way a
 *   developer reads a phone sign-in code locally; production sends that SMS, and logs nothing.
 *   Only a line of exactly that shape is skipped.
 */

export const SCANNED_LOGS = [".stack/emulators.log", ".stack/mail.log"] as const;

/** The Auth emulator's printed phone sign-in code (see above), and nothing else on the line. */
export const AUTH_EMULATOR_SMS_LINE = /^i {2}To verify the phone number \+\d{8,15}, use the code \d{6}\.$/;

/** The emulator suite's own debug logs, left out on purpose (see above): listed so the choice stays visible. */
export const UNSCANNED_EMULATOR_LOGS = ["firebase-debug.log", "firestore-debug.log"] as const;

/**
 * The environment the scan runs in: FIRESTORE_EMULATOR_HOST when set (`npm test` passes the
 * stack's), else the local stack's own port, as `npm run verify-audit` does; the project stays
 * GCLOUD_PROJECT's when set. Always an emulator, never a real project.
 */
export function emulatorEnvironment(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const local = clientEnvironment(env.FIRESTORE_EMULATOR_HOST || `${HOST}:${PORTS.firestore}`);
  return { ...local, GCLOUD_PROJECT: env.GCLOUD_PROJECT || PROJECT_ID };
}

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
        if (AUTH_EMULATOR_SMS_LINE.test(line)) return;
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
  const environment = emulatorEnvironment(process.env);
  Object.assign(process.env, environment);
  const names = nameMatcher(FIXTURE_NAMES);
  const began = Date.now();
  const own = process.env.GCLOUD_PROJECT ?? PROJECT_ID;
  const store: { documents: number; findings: Finding[] } = { documents: 0, findings: [] };
  const host = process.env.FIRESTORE_EMULATOR_HOST ?? `${HOST}:${PORTS.firestore}`;
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
      const reason = error instanceof Error ? error.message : String(error);
      console.error(`privacy-scan: could not scan: ${reason} (is the local stack running? npm start; or set FIRESTORE_EMULATOR_HOST)`);
      process.exit(2);
    },
  );
}
