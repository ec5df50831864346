import { stripVTControlCharacters } from "node:util";
import { demoAccounts, DEMO_PASSWORD } from "./demo-data.js";
import { mustRun } from "./run.js";
import { seedDemoData } from "./seed.js";
import { HOST, SIMULATOR_PORT, URLS } from "./stack/config.js";
import { portInUse } from "./stack/processes.js";
import { NoFirestoreEmulator } from "./stack/firestore.js";
import { startStack, type Stack } from "./stack/index.js";
import { loadSchedules, runScheduler, type SchedulerHandle } from "./stack/scheduler.js";
import { curlSnippet, demoVoucher } from "./simulator/demo.js";
import { localPartnerKeys, startSimulator, type Simulator } from "./simulator/server.js";

/**
 * `npm start`: builds, starts the whole local stack, seeds demo data, runs the dev scheduler
 * and prints where everything is. Ctrl-C stops everything it started.
 * `npm start -- --speed=60` runs the schedules' clock 60 times faster than real time.
 */
const speedArg = process.argv.find((a) => a.startsWith("--speed="));
const speed = Number(speedArg?.split("=")[1] ?? process.env.SCHEDULER_SPEED ?? 1);
const began = Date.now();

await mustRun("Building functions and web app", "npm", ["run", "--silent", "build"]);

let stack: Stack | undefined;
let scheduler: SchedulerHandle | undefined;
let simulator: Simulator | undefined;
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping the local stack…");
  scheduler?.stop();
  await simulator?.close();
  await stack?.stop();
  console.log("Stopped. No emulator is left running.");
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

/**
 * What the Firebase CLI prints that is worth showing: during start-up only problems (the banner
 * below replaces its table); once up, everything (function logs) except known harmless lines.
 */
let ready = false;
const harmless = /Unable to fetch the CLI MOTD|Emulator UI is not starting|Issues\? Report them|Other reserved ports|Emulator Hub host|^\s*$|[│┌└├─]/;
function showCliLine(raw: string) {
  const line = stripVTControlCharacters(raw);
  if (line.includes("All emulators ready")) ready = true;
  if (harmless.test(line)) return;
  if (ready || /✖|error|⚠/i.test(line)) console.log(`  [emulators] ${line}`);
}
try {
  // Checked before anything starts, like the emulators' ports: a busy port fails at once, not after a minute of start-up.
  if (await portInUse(HOST, SIMULATOR_PORT))
    throw new Error(`Port ${SIMULATOR_PORT} (training-partner simulator) is in use. Is another \`npm start\` running? Stop it first.`);
  const bootStart = Date.now();
  stack = await startStack({ onCliLine: showCliLine });
  const bootSeconds = ((Date.now() - bootStart) / 1000).toFixed(1);
  const seeded = await seedDemoData(stack.firestore.host);
  // The simulator buys the demo redeem code before the banner, so the banner is not split by the function logs of that purchase.
  simulator = await startSimulator();
  const partnerApi = await partnerApiLines(simulator);
  const schedules = await loadSchedules();
  scheduler = runScheduler(schedules, speed, (line) => console.log(`  [${line}`.replace("[scheduler:", "[scheduler]")));

  const lines = [
    "",
    "Program Prakerja — local stack is up",
    `  Web app:            ${URLS.webApp}`,
    `  Callable functions: ${URLS.functions}/<name>`,
    `  Auth emulator:      ${URLS.auth}`,
    `  Cloud Tasks:        ${URLS.tasks}`,
    `  Firestore:          http://${stack.firestore.host} — ${stack.firestore.describe}`,
    `  Mail and SMS sent:  ${URLS.mail} (or npm run mail)`,
    `  Payment partners:   ${URLS.payments} (simulator of bank-nusantara, dompet-kita, kirim-dana; GET / for its control API)`,
    "",
    `  Demo accounts (password: ${DEMO_PASSWORD}):`,
    ...demoAccounts.map(
      (a) =>
        `    ${a.email.padEnd(40)} ${a.claims ? a.claims.role + (a.claims.region ? ` (region ${a.claims.region})` : "") : a.participant ? "participant (selected: training balance to spend)" : "applicant"}`,
    ),
    "",
    `  Demo data: ${seeded.created} created, ${seeded.kept} already there.`,
    `  Dev scheduler: ${schedules.map((s) => `${s.name} "${s.cron}" ${s.timeZone}`).join(", ")}${speed !== 1 ? ` at ${speed}× speed` : ""}.`,
    "  Fire one now: npm run scheduler:fire -- <name>",
    `  Emulators ready in ${bootSeconds} s (${((Date.now() - began) / 1000).toFixed(1)} s with build and seed). Press Ctrl-C to stop.`,
    "",
  ];
  console.log([...lines, partnerApi].join("\n"));
} catch (error) {
  console.error(`\n✖ ${error instanceof NoFirestoreEmulator ? error.message : (error as Error).message}`);
  await shutdown(1);
}

/**
 * The training-partner simulator (scripts/simulator/) and what a partner engineer needs to try the
 * partner API: a demo institution's client code and sign key, a redeem code the simulator bought for
 * the demo participant, and one signed curl call. A failed purchase is reported, never fatal.
 */
async function partnerApiLines(sim: Simulator): Promise<string> {
  const institution = "akademi-digital";
  const participant = demoAccounts.find((a) => a.participant === true);
  const key = localPartnerKeys()[institution] ?? "";
  const head = [
    `  Training-partner simulator: ${sim.url} (plays platform-belajar and ${institution}; GET ${sim.url}/ for its routes, /log for its calls)`,
    `  Partner API (through Hosting): ${URLS.webApp}/api/v1/integration/payment/…`,
    `    client code: ${institution}   sign key: ${key}   (functions/.secret.local PARTNER_SIGN_KEYS)`,
  ];
  try {
    const voucher = await demoVoucher(sim.url, participant?.uid ?? "demo-participant");
    return [
      ...head,
      `    redeem code: ${voucher.redeemCode}   (${voucher.bought ? "bought now" : "bought earlier"} through the simulator for ${participant?.email ?? "the demo participant"})`,
      "  Try it (redeem-code/status, signed with openssl):",
      curlSnippet({ apiBase: URLS.webApp, clientCode: institution, key, redeemCode: voucher.redeemCode }).replace(/^/gm, "    "),
      "",
    ].join("\n");
  } catch (error) {
    return [...head, `    ⚠ no demo redeem code: ${(error as Error).message}`, ""].join("\n");
  }
}
