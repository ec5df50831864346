import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { logs } from "../logs.js";
import { grantRoleInput } from "../schemas/roles.js";
import { grantRole as grantRoleUseCase } from "../usecases/grantRole.js";

/** Program admins give accounts a role (operator with a region, partner staff with a partner, admin, auditor, applicant). */
export const grantRole = callable({
  name: "grantRole",
  input: grantRoleInput,
  refusals: {
    "not-admin": "permission-denied",
    "own-role": "failed-precondition",
    "region-unknown": "invalid-argument",
    "partner-unknown": "invalid-argument",
    "unknown-account": "not-found",
    "request-id-reused": "already-exists",
  },
  refusalFields: { "region-unknown": "region", "partner-unknown": "partner" },
  async handle(input, actor) {
    const outcome = await grantRoleUseCase(ports(), actor, input, "callable");
    if (outcome.ok) logs.roleGranted(outcome.value.uid, outcome.value.role, outcome.value.region, actor.uid, outcome.value.applied);
    return outcome;
  },
});
