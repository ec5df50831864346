import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { resolvePayoutCaseInput } from "../schemas/payouts.js";
import { resolvePayoutCase as resolveCaseUseCase } from "../usecases/payouts/caseResolution.js";

/** The program office closes a participant's payout report with what it found and a note the participant reads. */
export const resolvePayoutCase = callable({
  name: "resolvePayoutCase",
  input: resolvePayoutCaseInput,
  refusals: { "not-admin": "permission-denied", "payout-case-not-found": "not-found", "payout-case-resolved": "failed-precondition" },
  handle: (input, actor) => resolveCaseUseCase(ports(), actor, input),
});
