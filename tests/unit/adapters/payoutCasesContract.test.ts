import { memoryPorts } from "../../../functions/src/adapters/memory/index.js";
import { describePayoutCasesContract } from "../../support/payoutCasesContract.js";

/** The memory PayoutCases keeps the contract the Firestore one keeps (tests/integration/payoutCasesContract.test.ts). */
describePayoutCasesContract(
  "memory adapters",
  () => {
    const memory = memoryPorts();
    return {
      payoutCases: memory.payoutCases,
      seedQuarantine: async (id, doc) => void memory.state.paymentQuarantine.set(id, doc),
      readQuarantine: async (id) => memory.state.paymentQuarantine.read(id) ?? null,
    };
  },
  (label) => label,
);
