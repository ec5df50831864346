import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { getRegistrantInput } from "../schemas/registrants.js";
import { getRegistrant as recordUseCase } from "../usecases/registrants/record.js";

/** One registrant's record (masked) and timeline, for an operator of their region, an admin or an auditor; each view on the audit log. */
export const getRegistrant = callable({
  name: "getRegistrant",
  input: getRegistrantInput,
  refusals: {
    "not-operator-admin-or-auditor": "permission-denied",
    "registrant-not-in-region": "not-found",
  },
  handle: (input, actor) => recordUseCase(ports(), actor, input),
});
