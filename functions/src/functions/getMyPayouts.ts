import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { getMyPayoutsInput } from "../schemas/payoutViews.js";
import { myPayouts } from "../usecases/payouts/participant.js";

/** The participant's incentives: their payout account (masked), each installment with its timeline, and their reports. */
export const getMyPayouts = callable({
  name: "getMyPayouts",
  input: getMyPayoutsInput,
  refusals: {},
  handle: (_input, actor) => myPayouts(ports(), actor.uid),
});
