import { parseArgs } from "node:util";
import { commandLine } from "./commandLine.js";
import { clientEnvironment, HOST, PORTS } from "./stack/config.js";

/**
 * `npm run verify-audit [-- --project ID]`
 * Checks the whole audit log (functions/src/domain/audit/verify.ts), day by day in order: every
 * entry's hash, seq continuity and prev link, each head against its chain's last entry, each sealed
 * day's root and its link to the day before, and the days not sealed yet (today) chain by chain.
 * Prints a summary and exits 0, or names the first broken link (day, chain, seq, what differs)
 * and exits 1. Without --project it reads the local emulator (FIRESTORE_EMULATOR_HOST, or the
 * stack's); with --project and no FIRESTORE_EMULATOR_HOST, that project with the Application
 * Default Credentials of whoever runs it (a read-only role is enough).
 */
const USAGE = "Usage: npm run verify-audit [-- --project ID]";

const values = commandLine(USAGE, () => parseArgs({ options: { project: { type: "string" }, help: { type: "boolean" } } }));

if (values.project) process.env.GCLOUD_PROJECT = values.project;
if (!values.project || process.env.FIRESTORE_EMULATOR_HOST) {
  const project = values.project ?? process.env.GCLOUD_PROJECT;
  Object.assign(process.env, clientEnvironment(process.env.FIRESTORE_EMULATOR_HOST ?? `${HOST}:${PORTS.firestore}`));
  if (project) process.env.GCLOUD_PROJECT = project;
}

const { firestoreAuditReader } = await import("../functions/src/adapters/auditLog.js");
const { describeBreak, verifyLog } = await import("../functions/src/domain/audit/verify.js");

const verdict = await verifyLog(firestoreAuditReader);
const { days, sealedDays, chains, entries, lastRoot } = verdict.summary;
const where = `project ${process.env.GCLOUD_PROJECT ?? "(default)"}${process.env.FIRESTORE_EMULATOR_HOST ? ` on the emulator at ${process.env.FIRESTORE_EMULATOR_HOST}` : ""}`;
if (!verdict.ok) {
  console.error(`Audit log BROKEN (${where}): ${describeBreak(verdict.broken)}`);
  console.error(`Checked before the break: ${days} days (${sealedDays} sealed), ${chains} chains, ${entries} entries.`);
  process.exit(1);
}
console.log(`Audit log intact (${where}): ${days} days (${sealedDays} sealed), ${chains} chains, ${entries} entries; last sealed root ${lastRoot}.`);
process.exit(0);
