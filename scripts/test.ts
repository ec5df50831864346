import { mustRun, run } from "./run.js";
import { clientEnvironment } from "./stack/config.js";
import { NoFirestoreEmulator } from "./stack/firestore.js";
import { exitStoppingStack, startStack, type Stack } from "./stack/index.js";

/**
 * `npm test`: type-check, lint (ESLint, Prettier), build, start the local stack, run every suite (unit, rules,
 * integration, draws — the files that close a wave, one after another —, e2e) with vitest, scan every document and log line for personal data in clear
 * (scripts/privacyScan.ts), stop the stack. Extra arguments go to vitest
 * (`npm test -- tests/unit`). A missing emulator fails the run; nothing is skipped.
 */
await mustRun("Type-check", "npm", ["run", "--silent", "typecheck"]);
await mustRun("Lint and format check", "npm", ["run", "--silent", "lint"]);
await mustRun("Build", "npm", ["run", "--silent", "build"]);

let stack: Stack | undefined;
const stopAndExit = exitStoppingStack(() => stack);

try {
  const began = Date.now();
  stack = await startStack();
  console.log(`Local stack up in ${((Date.now() - began) / 1000).toFixed(1)} s; Firestore: ${stack.firestore.describe}.`);
} catch (error) {
  const message = error instanceof NoFirestoreEmulator ? error.message : (error as Error).message;
  console.error(`\n✖ The tests need the local stack and it did not start:\n${message}`);
  await stopAndExit(1);
}

const code = await run("npx", ["vitest", "run", ...process.argv.slice(2)], {
  ...process.env,
  ...clientEnvironment(stack!.firestore.host),
});
// Issue 11: after the suites, while the stack still runs, no NIK, KK, phone or name in clear in any
// document or log line (scripts/privacyScan.ts); a finding fails the run.
const scan = await run("npx", ["tsx", "scripts/privacyScan.ts"], { ...process.env, ...clientEnvironment(stack!.firestore.host) });
await stopAndExit(code !== 0 ? code : scan);
