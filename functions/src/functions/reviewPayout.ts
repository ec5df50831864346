import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { mayDo } from "../domain/roles.js";
import { refused } from "../domain/outcome.js";
import { reviewPayoutInput } from "../schemas/payouts.js";
import { reviewPayout as reviewUseCase } from "../usecases/payouts/queues.js";

/** The program office releases (pays again) or cancels a held, failed or reversed payout, with a note in its timeline. */
export const reviewPayout = callable({
  name: "reviewPayout",
  input: reviewPayoutInput,
  refusals: { "not-admin": "permission-denied", "installment-not-found": "not-found", "not-reviewable": "failed-precondition" },
  handle: async (input, actor) => (mayDo(actor, "manage-payouts") ? reviewUseCase(ports(), actor.uid, input) : refused("not-admin")),
});
