import { randomUUID } from "node:crypto";
import { afterAll } from "vitest";
import { paymentQuarantine } from "../../functions/src/adapters/collections.js";
import { firestorePayoutCases } from "../../functions/src/adapters/payoutCases.js";
import { adminDb } from "../support/admin.js";
import { describePayoutCasesContract } from "../support/payoutCasesContract.js";

/** The Firestore PayoutCases keeps the same contract as the memory one (tests/unit/adapters/payoutCasesContract.test.ts), under real transactions. */

const RUN = `cases-${randomUUID().slice(0, 8)}`;

describePayoutCasesContract(
  "Firestore adapters",
  () => ({
    payoutCases: firestorePayoutCases,
    seedQuarantine: async (id, doc) => void (await paymentQuarantine().doc(id).set(doc)),
    readQuarantine: async (id) => (await paymentQuarantine().doc(id).get()).data() ?? null,
  }),
  (label) => `${RUN}-${label}`,
);

// The contract's open reports and quarantine would otherwise show on the program office's page in other suites.
afterAll(async () => {
  for (const name of ["payoutCases", "paymentQuarantine"]) {
    const docs = (await adminDb.collection(name).get()).docs.filter((doc) => doc.id.startsWith(RUN));
    await Promise.all(docs.map((doc) => doc.ref.delete()));
  }
});
