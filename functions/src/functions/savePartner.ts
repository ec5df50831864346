import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { savePartnerInput } from "../schemas/catalogue.js";
import { savePartner as savePartnerUseCase } from "../usecases/savePartner.js";

/** Program admins onboard a training partner or change its registration, contact, standing, settlements switch and rate limit. */
export const savePartner = callable({
  name: "savePartner",
  input: savePartnerInput,
  refusals: {
    "not-admin": "permission-denied",
    "partner-kind-fixed": "failed-precondition",
  },
  refusalFields: { "partner-kind-fixed": "kind" },
  handle: (input, actor) => savePartnerUseCase(ports(), actor, input),
});
