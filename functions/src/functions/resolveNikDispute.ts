import { ports } from "../composition.js";
import { vaultKeysSecret } from "../config.js";
import { callable } from "../edge/callable.js";
import { resolveNikDisputeInput } from "../schemas/desk.js";
import { resolveNikDispute as resolveNikDisputeUseCase } from "../usecases/desk/resolveNikDispute.js";

/** At the desk: a NIK dispute resolved with the documents seen — re-tied to the person (the other account blocked) or dismissed. */
export const resolveNikDispute = callable({
  name: "resolveNikDispute",
  input: resolveNikDisputeInput,
  refusals: {
    "not-operator-or-admin": "permission-denied",
    "dispute-not-found": "not-found",
    "registration-outside-region": "permission-denied",
    "own-registration": "permission-denied",
    "dispute-resolved": "failed-precondition",
    "documents-missing": "failed-precondition",
    "registration-moved": "failed-precondition",
    "registration-not-movable": "failed-precondition",
    "claimant-registered": "failed-precondition",
    "claimant-is-staff": "failed-precondition",
    "claimant-is-actor": "failed-precondition",
    "claimant-is-registrant": "failed-precondition",
  },
  refusalFields: { "documents-missing": "documentsSeen" },
  // Seals the operator's note.
  options: { secrets: [vaultKeysSecret] },
  handle: (input, actor) => resolveNikDisputeUseCase(ports(), actor, input),
});
