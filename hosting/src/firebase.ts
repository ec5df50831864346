import { initializeApp } from "firebase/app";
import { browserLocalPersistence, connectAuthEmulator, indexedDBLocalPersistence, initializeAuth } from "firebase/auth";
import { connectFirestoreEmulator, getFirestore } from "firebase/firestore/lite";

/**
 * The one Firebase app of the page. On 127.0.0.1/localhost it talks to the local emulators
 * (project demo-prakerja); elsewhere it uses the VITE_FIREBASE_* values set at build time.
 * Clients only read Firestore (every write goes through functions), so the much smaller
 * "lite" Firestore SDK is enough; cheap phones download less.
 */
const env = import.meta.env;
export const REGION = "asia-southeast2";
export const onEmulators = location.hostname === "127.0.0.1" || location.hostname === "localhost";

export const app = initializeApp({
  apiKey: env.VITE_FIREBASE_API_KEY ?? "demo-api-key",
  authDomain: env.VITE_FIREBASE_AUTH_DOMAIN ?? "demo-prakerja.firebaseapp.com",
  projectId: env.VITE_FIREBASE_PROJECT_ID ?? "demo-prakerja",
  appId: env.VITE_FIREBASE_APP_ID ?? "demo-app-id",
});

// initializeAuth without a popup/redirect resolver: email + password and phone codes need
// neither, and leaving them out keeps their iframe code out of the bundle.
export const auth = initializeAuth(app, { persistence: [indexedDBLocalPersistence, browserLocalPersistence] });
export const db = getFirestore(app);

if (onEmulators) {
  connectAuthEmulator(auth, "http://127.0.0.1:9099", { disableWarnings: true });
  // Phone sign-in: the Auth emulator sends no SMS and asks for no reCAPTCHA (connectAuthEmulator
  // sets this too; said here so a change of that default cannot bring the real widget to tests).
  auth.settings.appVerificationDisabledForTesting = true;
  connectFirestoreEmulator(db, "127.0.0.1", 8080);
}
