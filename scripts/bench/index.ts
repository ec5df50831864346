import { mustRun } from "../run.js";
import { clientEnvironment } from "../stack/config.js";
import { exitStoppingStack, startStack, type Stack } from "../stack/index.js";
import { benchDrawCore } from "./drawCore.js";
import { benchPayouts } from "./payouts.js";
import { benchRegistration } from "./registration.js";
import { benchTraining } from "./training.js";
import { benchWaveClose } from "./waveClose.js";

/**
 * `npm run bench`: builds, starts the local stack (for the benches that need it), runs each
 * benchmark and prints its figures. Performance targets live here, never in timed unit tests.
 * `npm run bench -- registration` runs one.
 */
const BENCHES: Record<string, () => Promise<string>> = {
  registration: benchRegistration,
  "wave-close": benchWaveClose,
  training: benchTraining,
  drawCore: benchDrawCore,
  payouts: benchPayouts,
};
/** Pure benches: no build, no emulators. */
const WITHOUT_STACK = new Set(["drawCore"]);

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const chosen = wanted.length > 0 ? wanted : Object.keys(BENCHES);
for (const name of chosen) {
  if (!BENCHES[name]) {
    console.error(`Unknown benchmark ${name}; there are: ${Object.keys(BENCHES).join(", ")}`);
    process.exit(2);
  }
}

let stack: Stack | undefined;
const stopAndExit = exitStoppingStack(() => stack);
if (chosen.some((name) => !WITHOUT_STACK.has(name))) {
  await mustRun("Build", "npm", ["run", "--silent", "build"]);
  stack = await startStack();
  Object.assign(process.env, clientEnvironment(stack.firestore.host));
}
let code = 0;
try {
  for (const name of chosen) {
    const began = Date.now();
    console.log(`\n${await BENCHES[name]()}\n  (${((Date.now() - began) / 1000).toFixed(1)} s)`);
  }
} catch (error) {
  console.error(error);
  code = 1;
}
// A bench that missed a target printed it and set process.exitCode (drawCore.ts).
await stopAndExit(code !== 0 ? code : Number(process.exitCode ?? 0));
