/**
 * Suites that need the emulators fail loudly, never skip, when run without the stack.
 * `npm test` sets these variables after starting it.
 */
for (const name of ["FIRESTORE_EMULATOR_HOST", "FIREBASE_AUTH_EMULATOR_HOST"]) {
  if (!process.env[name]) {
    throw new Error(`${name} is not set: run the emulator suites with \`npm test\`, which starts the local stack (see README).`);
  }
}
