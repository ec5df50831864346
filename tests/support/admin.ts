import { getApps, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";

/** The Admin SDK pointed at the local emulators (npm test sets the *_EMULATOR_HOST variables). */
const app = getApps()[0] ?? initializeApp({ projectId: process.env.GCLOUD_PROJECT ?? "demo-prakerja" });
export const adminDb = getFirestore(app);
export const adminAuth = getAuth(app);
