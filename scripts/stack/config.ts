import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where things are, read from firebase.json so there is one source of ports. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const PROJECT_ID = "demo-prakerja";
export const REGION = "asia-southeast2";
export const HOST = "127.0.0.1";

interface EmulatorPorts {
  auth: number;
  functions: number;
  hosting: number;
  tasks: number;
  firestore: number;
  hub: number;
  logging: number;
  eventarc: number;
}

const firebaseJson = JSON.parse(readFileSync(join(ROOT, "firebase.json"), "utf8")) as {
  emulators: Record<keyof EmulatorPorts, { port: number }>;
};

export const PORTS: EmulatorPorts = Object.fromEntries(
  Object.entries(firebaseJson.emulators)
    .filter(([, v]) => typeof v === "object" && v !== null && "port" in v)
    .map(([k, v]) => [k, v.port]),
) as unknown as EmulatorPorts;

/**
 * The local mail sink (scripts/stack/mail*.ts): an SMTP server that keeps what it receives under
 * .stack/mail/, and a page listing it with the SMS the relay logged. Not Firebase emulators: fixed here.
 */
export const MAIL_PORTS = { smtp: 2525, web: 8025 } as const;

/**
 * The training-partner simulator (scripts/simulator/): a digital platform and a training institution
 * calling the partner API through Hosting, driven over its own JSON API. Not a Firebase emulator: fixed here.
 */
export const SIMULATOR_PORT = 8095;

/**
 * The payment-partner simulator (scripts/payments/): the SNAP bank and e-wallet and the token
 * gateway, under /<code>/…, notifying the program's webhook. Started with the stack. Fixed here.
 */
export const PAYMENTS_SIMULATOR_PORT = 8096;

export const URLS = {
  webApp: `http://${HOST}:${PORTS.hosting}`,
  functions: `http://${HOST}:${PORTS.functions}/${PROJECT_ID}/${REGION}`,
  auth: `http://${HOST}:${PORTS.auth}`,
  tasks: `http://${HOST}:${PORTS.tasks}`,
  mail: `http://${HOST}:${MAIL_PORTS.web}`,
  simulator: `http://${HOST}:${SIMULATOR_PORT}`,
  payments: `http://${HOST}:${PAYMENTS_SIMULATOR_PORT}`,
};

/** The offline-safe environment for the Firebase CLI (see ../shared/PLATFORM.md). */
export function cliEnvironment(firestoreHost: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    METADATA_SERVER_DETECTION: "none",
    NO_UPDATE_NOTIFIER: "1",
    FIREBASE_CLI_EXPERIMENTS: process.env.FIREBASE_CLI_EXPERIMENTS ?? "",
    FIRESTORE_EMULATOR_HOST: firestoreHost,
    GCLOUD_PROJECT: PROJECT_ID,
  };
}

/** The environment a script outside the emulators needs to reach them with the Admin SDK. */
export function clientEnvironment(firestoreHost: string): Record<string, string> {
  return {
    FIRESTORE_EMULATOR_HOST: firestoreHost,
    FIREBASE_AUTH_EMULATOR_HOST: `${HOST}:${PORTS.auth}`,
    CLOUD_TASKS_EMULATOR_HOST: `${HOST}:${PORTS.tasks}`,
    GCLOUD_PROJECT: PROJECT_ID,
    METADATA_SERVER_DETECTION: "none",
  };
}
