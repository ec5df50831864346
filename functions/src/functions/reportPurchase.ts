import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { reportPurchaseInput } from "../schemas/myTraining.js";
import { reportPurchase as reportPurchaseUseCase } from "../usecases/training/cancel.js";

/** "I did not buy this": the voucher is frozen and its price returned to the balance at once, pending review. */
export const reportPurchase = callable({
  name: "reportPurchase",
  input: reportPurchaseInput,
  refusals: { "voucher-not-found": "not-found", "voucher-not-cancellable": "failed-precondition" },
  handle: (input, actor) => reportPurchaseUseCase(ports(), actor.uid, input.redeemCode),
});
