import { FieldPath, FieldValue } from "firebase-admin/firestore";
import { randomUUID } from "node:crypto";
import { afterAll } from "vitest";
import { adminDb } from "../support/admin.js";
import { paymentPartners } from "../../functions/src/adapters/collections.js";
import { firestoreDrawStore } from "../../functions/src/adapters/drawStore.js";
import { firestoreLeases } from "../../functions/src/adapters/leases.js";
import { firestorePoolMembership } from "../../functions/src/adapters/poolMembership.js";
import { firestorePayoutAccounts, firestorePayouts } from "../../functions/src/adapters/payouts.js";
import { firestoreRegistrations } from "../../functions/src/adapters/registrations.js";
import { firestoreWaves } from "../../functions/src/adapters/waves.js";
import { describePortContract } from "../support/portContract.js";

/** The Firestore adapters keep the same contract as the memory ones (tests/unit/adapters/memoryPorts.test.ts), under real transactions. */

const RUN = `contract-${randomUUID().slice(0, 8)}`;

describePortContract(
  "Firestore adapters",
  () => ({
    registrations: firestoreRegistrations,
    waves: firestoreWaves,
    leases: firestoreLeases,
    pool: firestorePoolMembership,
    draws: firestoreDrawStore,
    unlistFamily: async (kkKey) => void (await adminDb.doc(`families/${kkKey}`).update({ members: FieldValue.delete() })),
    payouts: firestorePayouts,
    payoutAccounts: firestorePayoutAccounts,
    // `paymentPartners/{code}` has no run prefix: the contract puts back what it found.
    seedPartnerState: async (code, doc) => void (doc === null ? await paymentPartners().doc(code).delete() : await paymentPartners().doc(code).set(doc)),
  }),
  RUN,
);

// Its clean-up deletes some 300 applicants and their timelines (the winners contract seeds three families of 90): under the whole suite that took over 60 s.
// The contract's waves and applicants would otherwise show to the schedule and the other suites.
afterAll(async () => {
  for (const name of [
    "applicants",
    "nikIndex",
    "pidIndex",
    "families",
    "registerAttempts",
    "operatorDays",
    "waves",
    "waveSecrets",
    "leases",
    "payouts",
    "payoutLedger",
    "paymentEvents",
    "paymentQuarantine",
    "payoutAccounts",
    "accountUsers",
  ]) {
    const owned = await adminDb.collection(name).where(FieldPath.documentId(), ">=", RUN).where(FieldPath.documentId(), "<", `${RUN}~`).get();
    await Promise.all(owned.docs.map((doc) => adminDb.recursiveDelete(doc.ref)));
  }
}, 300_000);
