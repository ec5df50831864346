import { discoverFirestore, NoFirestoreEmulator } from "./stack/firestore.js";

/** `npm run which-firestore`: says which Firestore emulator `npm start` and `npm test` would use. */
try {
  const plan = discoverFirestore();
  console.log(
    plan.kind === "external"
      ? `The emulator already running at FIRESTORE_EMULATOR_HOST=${plan.host}.`
      : plan.kind === "gcloud"
        ? `The Google Cloud CLI's Firestore emulator: ${plan.jar} on Java ${plan.java}.`
        : `firebase-tools' own Firestore emulator on Java ${plan.java}.`,
  );
} catch (error) {
  if (!(error instanceof NoFirestoreEmulator)) throw error;
  console.error(error.message);
  process.exit(1);
}
