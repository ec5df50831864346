import { FieldPath } from "firebase-admin/firestore";
import { randomUUID } from "node:crypto";
import { afterAll } from "vitest";
import { adminDb } from "../support/admin.js";
import { firestoreLeases } from "../../functions/src/adapters/leases.js";
import { firestoreRegistrations } from "../../functions/src/adapters/registrations.js";
import { firestoreWaves } from "../../functions/src/adapters/waves.js";
import { describePortContract } from "../support/portContract.js";

/** The Firestore adapters keep the same contract as the memory ones (tests/unit/adapters/memoryPorts.test.ts), under real transactions. */

const RUN = `contract-${randomUUID().slice(0, 8)}`;

describePortContract("Firestore adapters", () => ({ registrations: firestoreRegistrations, waves: firestoreWaves, leases: firestoreLeases }), RUN);

// The contract's waves and applicants would otherwise show to the schedule and the other suites.
afterAll(async () => {
  for (const name of ["applicants", "nikIndex", "families", "registerAttempts", "operatorDays", "waves", "waveSecrets", "leases"]) {
    const owned = await adminDb.collection(name).where(FieldPath.documentId(), ">=", RUN).where(FieldPath.documentId(), "<", `${RUN}~`).get();
    await Promise.all(owned.docs.map((doc) => adminDb.recursiveDelete(doc.ref)));
  }
});
