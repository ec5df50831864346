import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { recordRepaymentInput } from "../schemas/clawbacks.js";
import { recordRepayment as recordRepaymentUseCase } from "../usecases/payouts/clawback.js";

/** The program office records money a participant paid back on a clawback case, in part or in full (usecases/payouts/clawback.ts). */
export const recordRepayment = callable({
  name: "recordRepayment",
  input: recordRepaymentInput,
  refusals: {
    "not-admin": "permission-denied",
    "clawback-not-found": "not-found",
    "clawback-repaid": "failed-precondition",
    "amount-exceeds-outstanding": "failed-precondition",
    "request-id-reused": "already-exists",
  },
  refusalFields: { "amount-exceeds-outstanding": "amount", "clawback-not-found": "installmentId" },
  handle: (input, actor) => recordRepaymentUseCase(ports(), actor, input),
});
