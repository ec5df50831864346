import { ports } from "../composition.js";
import { vaultKeysSecret } from "../config.js";
import { callable } from "../edge/callable.js";
import { logs } from "../logs.js";
import { decideVerificationInput } from "../schemas/verification.js";
import { decideVerification as decideUseCase } from "../usecases/decideVerification.js";

/** An operator of the person's region (or an admin) records what the documents showed: verified, or rejected with a reason. */
export const decideVerification = callable({
  name: "decideVerification",
  input: decideVerificationInput,
  options: { secrets: [vaultKeysSecret] },
  refusals: {
    "not-operator-or-admin": "permission-denied",
    "case-not-found": "not-found",
    "person-outside-region": "permission-denied",
    "own-case": "failed-precondition",
    "already-verified": "failed-precondition",
    "request-id-reused": "already-exists",
    "program-year-not-configured": "failed-precondition",
  },
  async handle(input, actor) {
    const outcome = await decideUseCase(ports(), actor, input);
    if (outcome.ok) logs.verificationDecided(input.uid, input.decision, actor.uid, input.requestId, outcome.value.decided);
    return outcome;
  },
});
