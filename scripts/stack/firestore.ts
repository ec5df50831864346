import { execFileSync } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { HOST, PORTS, ROOT } from "./config.js";
import { portInUse, startGroup, stopGroup, waitForHttp, type Managed } from "./processes.js";

/** Which Firestore emulator the stack uses, and how to stop it if we started it. */
export type FirestoreChoice =
  | { kind: "external"; host: string; describe: string }
  | { kind: "gcloud"; host: string; describe: string; process: Managed }
  | { kind: "firebase-tools"; host: string; describe: string };

export class NoFirestoreEmulator extends Error {}

export const INSTALL_HINT = [
  "No Firestore emulator was found. Install one of these, then run the command again:",
  "  1. the Google Cloud CLI with its Firestore emulator component and a Java runtime (17 or newer):",
  "       Debian/Ubuntu: apt-get install google-cloud-cli google-cloud-cli-firestore-emulator openjdk-17-jre-headless",
  "       elsewhere:     gcloud components install cloud-firestore-emulator",
  "  2. or Java 21 or newer (with internet access once), so firebase-tools can download its own emulator;",
  "  3. or start an emulator yourself and set FIRESTORE_EMULATOR_HOST=host:port.",
].join("\n");

function onPath(command: string): string | null {
  try {
    return execFileSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

function javaVersionText(): string {
  return execFileSync("sh", ["-c", "java -version 2>&1"], { encoding: "utf8" });
}

function javaMajor(): number | null {
  if (onPath("java") === null) return null;
  try {
    return parseJavaMajor(javaVersionText());
  } catch {
    return null;
  }
}

function parseJavaMajor(text: string): number | null {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) return null;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
}

/** The Cloud SDK's Firestore emulator jar, found from the `gcloud` on PATH. */
export function gcloudFirestoreJar(): string | null {
  const gcloud = onPath("gcloud");
  if (gcloud === null) return null;
  const roots = [dirname(dirname(realpathSync(gcloud)))];
  try {
    roots.push(execFileSync(gcloud, ["info", "--format=value(installation.sdk_root)"], { encoding: "utf8" }).trim());
  } catch {
    // gcloud without a working Python: the path next to the binary is still worth a look.
  }
  for (const root of roots) {
    const jar = join(root, "platform", "cloud-firestore-emulator", "cloud-firestore-emulator.jar");
    if (existsSync(jar)) return jar;
  }
  return null;
}

export type FirestorePlan = { kind: "external"; host: string } | { kind: "gcloud"; jar: string; java: number } | { kind: "firebase-tools"; java: number };

/**
 * Decides which Firestore emulator to use, in this order: one already named by
 * FIRESTORE_EMULATOR_HOST; the Google Cloud CLI's (any Java it runs on); firebase-tools' own
 * where Java 21+ is present. Throws NoFirestoreEmulator saying what to install when none fits.
 */
export function discoverFirestore(): FirestorePlan {
  const given = process.env.FIRESTORE_EMULATOR_HOST;
  if (given) return { kind: "external", host: given };
  const jar = gcloudFirestoreJar();
  const java = javaMajor();
  if (jar !== null && java !== null) return { kind: "gcloud", jar, java };
  if (java !== null && java >= 21) return { kind: "firebase-tools", java };
  const found = java === null ? "no Java" : `Java ${java}`;
  throw new NoFirestoreEmulator(`${INSTALL_HINT}\n(Found: ${jar === null ? "no Google Cloud CLI Firestore emulator" : jar}, ${found}.)`);
}

/** Starts (or reaches) the emulator `discoverFirestore` chose; it answers when this resolves. */
export async function startFirestore(log: (line: string) => void): Promise<FirestoreChoice> {
  const plan = discoverFirestore();
  if (plan.kind === "external") {
    if (await waitForHttp(`http://${plan.host}/`, 3000)) {
      return { kind: "external", host: plan.host, describe: `the running emulator at FIRESTORE_EMULATOR_HOST=${plan.host}` };
    }
    throw new NoFirestoreEmulator(`FIRESTORE_EMULATOR_HOST=${plan.host} is set, but nothing answers there. Start it, or unset the variable.`);
  }

  const host = `${HOST}:${PORTS.firestore}`;
  if (await portInUse(HOST, PORTS.firestore)) {
    throw new Error(`Port ${PORTS.firestore} is in use. Stop what runs there (another \`npm start\`?), or set FIRESTORE_EMULATOR_HOST to reuse it.`);
  }
  if (plan.kind === "firebase-tools") {
    return { kind: "firebase-tools", host, describe: `firebase-tools' own Firestore emulator (Java ${plan.java})` };
  }

  const process = startGroup(
    "firestore",
    "java",
    [
      "-cp",
      plan.jar,
      "com.google.cloud.datastore.emulator.firestore.CloudFirestore",
      "start",
      `--host=${HOST}`,
      `--port=${PORTS.firestore}`,
      `--rules=${join(ROOT, "firestore.rules")}`,
    ],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  process.child.stdout?.on("data", (d: Buffer) => log(d.toString()));
  process.child.stderr?.on("data", (d: Buffer) => log(d.toString()));
  let exited = false;
  void process.exited.then(() => (exited = true));
  if (!(await waitForHttp(`http://${host}/`, 60_000, () => !exited))) {
    await stopGroup(process, "SIGTERM", 3000);
    throw new Error(`The Google Cloud CLI's Firestore emulator (${plan.jar}) did not start; see .stack/firestore.log.`);
  }
  return { kind: "gcloud", host, describe: `the Google Cloud CLI's Firestore emulator (${plan.jar}, Java ${plan.java})`, process };
}
