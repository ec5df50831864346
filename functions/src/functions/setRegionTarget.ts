import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { setRegionTargetInput } from "../schemas/dashboard.js";
import { setRegionTarget as setRegionTargetUseCase } from "../usecases/dashboard/setRegionTarget.js";

/** The program office sets (or clears, with 0) a region's registration target, shown on its dashboard; audited. */
export const setRegionTarget = callable({
  name: "setRegionTarget",
  input: setRegionTargetInput,
  // As grantRole answers the same refusal: an argument naming no region, on the field that holds it.
  refusals: { "not-admin": "permission-denied", "region-unknown": "invalid-argument" },
  refusalFields: { "region-unknown": "scope" },
  handle: (input, actor) => setRegionTargetUseCase(ports(), actor, input),
});
