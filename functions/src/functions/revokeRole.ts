import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { logs } from "../logs.js";
import { revokeRoleInput } from "../schemas/roleConsole.js";
import { revokeRole as revokeUseCase } from "../usecases/revokeRole.js";

/** Program admins take an account's role away (back to applicant); recorded in roleGrants and on the audit log. */
export const revokeRole = callable({
  name: "revokeRole",
  input: revokeRoleInput,
  refusals: {
    "not-admin": "permission-denied",
    "own-role": "failed-precondition",
    "no-such-account": "not-found",
    "no-role-to-revoke": "failed-precondition",
    "request-id-reused": "already-exists",
  },
  async handle(input, actor) {
    const outcome = await revokeUseCase(ports(), actor, input);
    if (outcome.ok) logs.roleRevoked(outcome.value.uid, outcome.value.revoked.role, outcome.value.revoked.region, actor.uid, outcome.value.applied);
    return outcome;
  },
});
