import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { resolveQuarantineInput } from "../schemas/payouts.js";
import { resolveQuarantine as resolveQuarantineUseCase } from "../usecases/payouts/office.js";

/** Marks a quarantined partner report resolved, with a note (program office). The money is reviewed with reviewPayout. */
export const resolveQuarantine = callable({
  name: "resolveQuarantine",
  input: resolveQuarantineInput,
  refusals: { "not-admin": "permission-denied", "quarantine-not-found": "not-found", "quarantine-resolved": "failed-precondition" },
  handle: (input, actor) => resolveQuarantineUseCase(ports(), actor, input),
});
