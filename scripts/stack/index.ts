import { randomBytes } from "node:crypto";
import { appendFileSync, createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { HOST, MAIL_PORTS, PORTS, PROJECT_ID, ROOT, URLS, clientEnvironment, cliEnvironment } from "./config.js";
import { startFirestore, type FirestoreChoice } from "./firestore.js";
import { portInUse, startGroup, stopGroup, waitForHttp, type Managed } from "./processes.js";
import { BEACON_PORT, startDevBeacon } from "./beacon.js";
import { PAYMENTS_SIMULATOR_PORT } from "./config.js";
import { ensureLocalPaymentPartnerKeys } from "../payments/keys.js";
import { startPaymentsSimulator } from "../payments/server.js";

export interface Stack {
  firestore: FirestoreChoice;
  /** Stops everything this stack started; safe to call more than once. */
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Called with each line the Firebase CLI prints (function logs among them). */
  onCliLine?: (line: string) => void;
}

/** The Node that runs the functions: the project's own Node 22 (the production runtime) when installed. */
function functionsNode(): string {
  const own = join(ROOT, "node_modules", "node", "bin", "node");
  return existsSync(own) ? own : process.execPath;
}

const LOG_DIR = join(ROOT, ".stack");
export const LOCAL_SECRETS = join(ROOT, "functions", ".secret.local");

/** The demo partners (scripts/demo-data.ts trainingPartners) whose systems sign partner API calls locally. */
export const LOCAL_PARTNER_CODES = ["platform-belajar", "kelas-kerja", "lpk-nusantara", "akademi-digital"] as const;

/**
 * The functions emulator reads secrets from functions/.secret.local. A fresh clone has none:
 * make a random NIK hashing key once, kept across runs so local data stays consistent. The demo
 * partners' sign keys (PARTNER_SIGN_KEYS, JSON in single quotes) are added once, also to a file
 * made before they existed; tests sign with them (tests/support/secrets.ts partnerSignKey).
 */
function ensureLocalSecrets(): void {
  if (!existsSync(LOCAL_SECRETS)) writeFileSync(LOCAL_SECRETS, `NIK_HASH_KEY=${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
  if (!/^PARTNER_SIGN_KEYS=/m.test(readFileSync(LOCAL_SECRETS, "utf8"))) {
    const keys = Object.fromEntries(LOCAL_PARTNER_CODES.map((code) => [code, randomBytes(32).toString("base64url")]));
    appendFileSync(LOCAL_SECRETS, `PARTNER_SIGN_KEYS='${JSON.stringify(keys)}'\n`);
  }
  ensureLocalVaultKeys();
}

/**
 * The personal-data vault's key-encryption key (VAULT_KEYS, JSON in single quotes), made once and
 * kept: a new key would leave every local seal unopenable. Tests seal seeded applicants with it
 * (tests/support/secrets.ts).
 */
export function ensureLocalVaultKeys(file: string = LOCAL_SECRETS): void {
  if (/^VAULT_KEYS=/m.test(readFileSync(file, "utf8"))) return;
  const keys = { current: "local-1", keys: { "local-1": randomBytes(32).toString("base64") } };
  appendFileSync(file, `VAULT_KEYS='${JSON.stringify(keys)}'\n`);
}

/**
 * Partners only the emulator suites onboard (tests/integration/partnerApi*.test.ts), so they can stay
 * de-listed or frozen without touching the demo partners other suites sign as.
 */
export const LOCAL_TEST_PARTNER_CODES = ["test-delisted-platform", "test-frozen-institution"] as const;

/** Adds a sign key for each local partner code that PARTNER_SIGN_KEYS lacks (a file made before the code existed); keys there are kept. */
function ensureLocalPartnerKeys(): void {
  const text = readFileSync(LOCAL_SECRETS, "utf8");
  const line = /^PARTNER_SIGN_KEYS='(.+)'$/m.exec(text);
  if (line === null) return;
  const keys = JSON.parse(line[1] ?? "{}") as Record<string, unknown>;
  const missing = [...LOCAL_PARTNER_CODES, ...LOCAL_TEST_PARTNER_CODES].filter((code) => !Object.hasOwn(keys, code));
  if (missing.length === 0) return;
  for (const code of missing) keys[code] = randomBytes(32).toString("base64url");
  writeFileSync(
    LOCAL_SECRETS,
    text.replace(line[0], () => `PARTNER_SIGN_KEYS='${JSON.stringify(keys)}'`),
    { mode: 0o600 },
  );
}
const SERVICES = ["auth", "functions", "hosting", "tasks"] as const;

/**
 * Starts the local Firebase stack: a Firestore emulator (see firestore.ts) and the Firebase
 * CLI's auth, functions, hosting and tasks emulators, all on 127.0.0.1. Resolves once every
 * service answers.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  mkdirSync(LOG_DIR, { recursive: true });
  ensureLocalSecrets();
  ensureLocalPartnerKeys();
  // The payment partners' keys: ours in .secret.local, the simulator's in .stack/payment-partners.json.
  ensureLocalPaymentPartnerKeys(LOCAL_SECRETS);
  for (const service of SERVICES) {
    if (await portInUse(HOST, PORTS[service])) {
      throw new Error(`Port ${PORTS[service]} (${service} emulator) is in use. Is another \`npm start\` or \`npm test\` running? Stop it first.`);
    }
  }
  if (await portInUse(HOST, BEACON_PORT))
    throw new Error(`Port ${BEACON_PORT} (development beacon) is in use. Is another \`npm start\` or \`npm test\` running?`);
  for (const [name, port] of Object.entries(MAIL_PORTS)) {
    if (await portInUse(HOST, port)) throw new Error(`Port ${port} (local mail sink, ${name}) is in use. Is another \`npm start\` or \`npm test\` running?`);
  }
  if (await portInUse(HOST, PAYMENTS_SIMULATOR_PORT))
    throw new Error(`Port ${PAYMENTS_SIMULATOR_PORT} (payment-partner simulator) is in use. Is another \`npm start\` or \`npm test\` running?`);
  const beacon = await startDevBeacon();
  // The payment partners the functions call (PAYMENT_PARTNER_URLS in functions/.env.demo-prakerja).
  const payments = await startPaymentsSimulator();
  const firestoreLog = createWriteStream(join(LOG_DIR, "firestore.log"));
  let firestore: FirestoreChoice;
  try {
    firestore = await startFirestore((line) => firestoreLog.write(line));
  } catch (error) {
    beacon.close();
    await payments.close();
    throw error;
  }
  const only = firestore.kind === "firebase-tools" ? [...SERVICES, "firestore"] : [...SERVICES];

  // The SMTP sink and the relay that plays the Trigger Email extension's part (mailProcess.ts).
  const mailLog = createWriteStream(join(LOG_DIR, "mail.log"));
  const mail = startGroup("mail", process.execPath, ["--import", "tsx", join(ROOT, "scripts", "stack", "mailProcess.ts")], {
    cwd: ROOT,
    env: { ...process.env, ...clientEnvironment(firestore.host) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  mail.child.stdout?.pipe(mailLog);
  mail.child.stderr?.pipe(mailLog);

  const cliLog = createWriteStream(join(LOG_DIR, "emulators.log"));
  const cli = startGroup(
    "firebase",
    functionsNode(),
    [join(ROOT, "node_modules", "firebase-tools", "lib", "bin", "firebase.js"), "emulators:start", "--only", only.join(","), "--project", PROJECT_ID],
    { cwd: ROOT, env: cliEnvironment(firestore.host), stdio: ["ignore", "pipe", "pipe"] },
  );

  // Every caller (a second Ctrl-C, a SIGTERM from npm) waits for the same, single shutdown.
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await stopGroup(cli, "SIGINT", 15_000);
      await stopGroup(mail, "SIGTERM", 5_000);
      if (firestore.kind === "gcloud") await stopGroup(firestore.process, "SIGTERM", 5_000);
      await new Promise((resolve) => beacon.close(resolve));
      await payments.close();
      cliLog.end();
      mailLog.end();
      firestoreLog.end();
    })());

  try {
    await waitForCli(cli, cliLog, options.onCliLine);
    for (const url of [URLS.auth, `http://${HOST}:${PORTS.functions}/`, URLS.webApp, URLS.tasks]) {
      if (!(await waitForHttp(url, 30_000))) throw new Error(`${url} does not answer; see .stack/emulators.log`);
    }
    if (!(await waitForHttp(URLS.mail, 30_000, () => mail.child.exitCode === null)))
      throw new Error(`${URLS.mail} (local mail sink) does not answer; see .stack/mail.log`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { firestore, stop };
}

function waitForCli(cli: Managed, log: NodeJS.WritableStream, onLine?: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("The Firebase emulators did not become ready in 180 s; see .stack/emulators.log")), 180_000);
    let pending = "";
    const take = (chunk: Buffer) => {
      log.write(chunk);
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        onLine?.(line);
        if (line.includes("All emulators ready")) {
          clearTimeout(timer);
          resolve();
        }
      }
    };
    cli.child.stdout?.on("data", take);
    cli.child.stderr?.on("data", take);
    void cli.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The Firebase emulators exited (code ${code}) before they were ready; see .stack/emulators.log`));
    });
  });
}

/**
 * Stops the stack (when one was started) and exits with `code`; Ctrl-C and SIGTERM do the same,
 * so an interrupted command leaves no emulator behind.
 */
export function exitStoppingStack(current: () => Stack | undefined): (code: number) => Promise<never> {
  const stopAndExit = async (code: number): Promise<never> => {
    await current()?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stopAndExit(130));
  process.on("SIGTERM", () => void stopAndExit(143));
  return stopAndExit;
}
