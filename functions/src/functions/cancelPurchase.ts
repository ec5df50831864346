import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { cancelPurchaseInput } from "../schemas/myTraining.js";
import { cancelMyPurchase } from "../usecases/training/cancel.js";

/** The participant cancels a purchase within the cooling-off window: the whole price returns to their balance, once. */
export const cancelPurchase = callable({
  name: "cancelPurchase",
  input: cancelPurchaseInput,
  refusals: {
    "voucher-not-found": "not-found",
    "voucher-not-cancellable": "failed-precondition",
    "cooling-off-over": "failed-precondition",
    "schedule-started": "failed-precondition",
  },
  handle: (input, actor) => cancelMyPurchase(ports(), actor.uid, input.redeemCode),
});
