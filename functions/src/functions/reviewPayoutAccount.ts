import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { reviewPayoutAccountInput } from "../schemas/payouts.js";
import { reviewPayoutAccount as reviewAccountUseCase } from "../usecases/payouts/accountReview.js";

/** The program office verifies (its held payouts released) or refuses a payout account linked for review, with a note. */
export const reviewPayoutAccount = callable({
  name: "reviewPayoutAccount",
  input: reviewPayoutAccountInput,
  refusals: {
    "not-admin": "permission-denied",
    "payout-account-not-found": "not-found",
    "account-changed": "failed-precondition",
    "account-not-in-review": "failed-precondition",
    "request-id-reused": "already-exists",
  },
  handle: (input, actor) => reviewAccountUseCase(ports(), actor, input),
});
