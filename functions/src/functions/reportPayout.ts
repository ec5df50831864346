import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { reportPayoutInput } from "../schemas/payouts.js";
import { reportPayout as reportPayoutUseCase } from "../usecases/payouts/participant.js";

/** "Tidak diterima" / "Diterima kurang" on a paid installment: opens a case for the program office's reconciliation. */
export const reportPayout = callable({
  name: "reportPayout",
  input: reportPayoutInput,
  refusals: {
    "installment-not-found": "not-found",
    "installment-not-paid": "failed-precondition",
    "amount-received-invalid": "invalid-argument",
    "request-id-reused": "already-exists",
  },
  refusalFields: { "amount-received-invalid": "amountReceived" },
  handle: (input, actor) => reportPayoutUseCase(ports(), actor.uid, input),
});
