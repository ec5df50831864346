import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

/** The launcher's Firestore emulator discovery, run as the user runs it: as a command. */

const run = promisify(execFile);
const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");

/** A PATH holding only a shell and node: no gcloud, no java. */
function barePath(): string {
  const dir = mkdtempSync(join(tmpdir(), "bare-path-"));
  symlinkSync("/bin/sh", join(dir, "sh"));
  symlinkSync(process.execPath, join(dir, "node"));
  return dir;
}

function script(path: string, body: string): void {
  writeFileSync(path, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
}

/** A bare PATH plus a `java` that reports `major`, and optionally a Cloud SDK layout with the emulator jar. */
function pathWith(major: number, withSdk: boolean): { path: string; jar: string } {
  const dir = barePath();
  script(join(dir, "java"), `echo 'openjdk version "${major}.0.2" 2026-01-20' >&2`);
  const sdk = mkdtempSync(join(tmpdir(), "fake-sdk-"));
  const jar = join(sdk, "platform", "cloud-firestore-emulator", "cloud-firestore-emulator.jar");
  if (withSdk) {
    mkdirSync(join(sdk, "bin"));
    mkdirSync(join(sdk, "platform", "cloud-firestore-emulator"), { recursive: true });
    writeFileSync(jar, "");
    script(join(sdk, "bin", "gcloud"), `echo "${sdk}"`);
    symlinkSync(join(sdk, "bin", "gcloud"), join(dir, "gcloud"));
  }
  return { path: dir, jar };
}

async function whichFirestore(env: Record<string, string>) {
  try {
    const { stdout } = await run(process.execPath, [tsx, "scripts/which-firestore.ts"], { env: { HOME: process.env.HOME ?? "/root", ...env } });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, out: failed.stderr };
  }
}

describe("Firestore emulator discovery", () => {
  it("when neither gcloud nor Java can be found, then it fails naming what to install", async () => {
    const result = await whichFirestore({ PATH: barePath() });
    expect(result.code).toBe(1);
    expect(result.out).toContain("No Firestore emulator was found");
    expect(result.out).toContain("google-cloud-cli-firestore-emulator");
    expect(result.out).toContain("Java 21");
  });

  it("when FIRESTORE_EMULATOR_HOST names a running emulator, then that one is used", async () => {
    const result = await whichFirestore({ PATH: barePath(), FIRESTORE_EMULATOR_HOST: "127.0.0.1:8080" });
    expect(result).toEqual({ code: 0, out: "The emulator already running at FIRESTORE_EMULATOR_HOST=127.0.0.1:8080.\n" });
  });

  it("when the Google Cloud CLI's emulator and Java 17 are on PATH, then the CLI's emulator is chosen", async () => {
    const { path, jar } = pathWith(17, true);
    expect(await whichFirestore({ PATH: path })).toEqual({ code: 0, out: `The Google Cloud CLI's Firestore emulator: ${jar} on Java 17.\n` });
  });

  it("when only Java 21 is present, then firebase-tools' own emulator is chosen", async () => {
    const { path } = pathWith(21, false);
    expect(await whichFirestore({ PATH: path })).toEqual({ code: 0, out: "firebase-tools' own Firestore emulator on Java 21.\n" });
  });

  it("when only Java 17 is present, then it fails, saying Java 17 was found", async () => {
    const { path } = pathWith(17, false);
    const result = await whichFirestore({ PATH: path });
    expect(result.code).toBe(1);
    expect(result.out).toContain("Java 17.");
  });
});
