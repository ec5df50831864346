import { clientEnvironment, HOST, PORTS } from "./stack/config.js";

/**
 * The command-line scripts' shared opening (grant-role, verify-audit, vault-rotate): parse the
 * arguments with `parse` (node:util parseArgs, with a `help` option); a wrong argument prints it
 * with the usage and exits 2, --help prints the usage and exits 0.
 */
export function commandLine<V extends { help?: boolean | undefined }>(usage: string, parse: () => { values: V }): V {
  let values: V;
  try {
    values = parse().values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  return values;
}

/**
 * Points the Firebase Admin SDK at `project` (Application Default Credentials), or, without one,
 * at the local emulators (FIRESTORE_EMULATOR_HOST, or the stack's own ports).
 */
export function useProjectOrEmulators(project: string | undefined): void {
  if (project) process.env.GCLOUD_PROJECT = project;
  else Object.assign(process.env, clientEnvironment(process.env.FIRESTORE_EMULATOR_HOST ?? `${HOST}:${PORTS.firestore}`));
}
