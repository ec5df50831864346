import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { listVerificationCasesInput } from "../schemas/verification.js";
import { listVerificationCases as listUseCase } from "../usecases/listVerificationCases.js";

/** Operators (their region) and admins list the people whose NIK must be checked against their KTP and KK. */
export const listVerificationCases = callable({
  name: "listVerificationCases",
  input: listVerificationCasesInput,
  refusals: {
    "not-operator-or-admin": "permission-denied",
    "region-outside-scope": "permission-denied",
  },
  handle: (input, actor) => listUseCase(ports(), actor, input),
});
