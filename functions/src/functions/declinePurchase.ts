import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { declinePurchaseInput } from "../schemas/myTraining.js";
import { declinePurchase as declinePurchaseUseCase } from "../usecases/training/participant.js";

/** "I did not ask for this": the participant declines a purchase waiting for its code; the platform cannot complete it. */
export const declinePurchase = callable({
  name: "declinePurchase",
  input: declinePurchaseInput,
  refusals: { "purchase-not-found": "not-found" },
  handle: (input, actor) => declinePurchaseUseCase(ports(), actor.uid, input.id),
});
