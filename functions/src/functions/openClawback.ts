import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { openClawbackInput } from "../schemas/clawbacks.js";
import { openClawback as openClawbackUseCase } from "../usecases/payouts/clawback.js";

/** The program office opens a clawback case on a paid installment found improper: repayable within the program year's days (usecases/payouts/clawback.ts). */
export const openClawback = callable({
  name: "openClawback",
  input: openClawbackInput,
  refusals: {
    "not-admin": "permission-denied",
    "payout-not-found": "not-found",
    "payout-not-paid": "failed-precondition",
    "clawback-exists": "already-exists",
    "program-year-not-configured": "failed-precondition",
  },
  refusalFields: { "payout-not-found": "installmentId", "payout-not-paid": "installmentId" },
  handle: (input, actor) => openClawbackUseCase(ports(), actor, input),
});
