import { ports } from "../composition.js";
import { assistedDailyLimit, nikHashKey, vaultKeysSecret } from "../config.js";
import { callable } from "../edge/callable.js";
import { logs } from "../logs.js";
import { registerAssistedInput } from "../schemas/registration.js";
import { registerAssisted as registerAssistedUseCase } from "../usecases/registerAssisted.js";
import { REGISTER_REFUSALS } from "../edge/registrationRefusals.js";
import { REGISTRATION_REFUSAL_FIELDS } from "../schemas/contract.js";

/** A regional operator registers a person of their own region on the person's behalf. */
export const registerAssisted = callable({
  name: "registerAssisted",
  input: registerAssistedInput,
  refusals: { ...REGISTER_REFUSALS, "not-operator": "permission-denied", "outside-region": "permission-denied" },
  refusalFields: Object.fromEntries(Object.entries(REGISTRATION_REFUSAL_FIELDS).map(([reason, field]) => [reason, `person.${field}`])),
  options: { secrets: [nikHashKey, vaultKeysSecret] },
  async handle(input, actor) {
    // An operator's refused attempts are capped like their registrations: a desk sees many typos, a prober as many.
    const limit = assistedDailyLimit.value();
    const outcome = await registerAssistedUseCase(ports(), actor, input, { daily: limit, attempts: limit });
    if (outcome.ok) logs.registered(outcome.value.uid, actor.uid, outcome.value.eligibility.reasons, outcome.value.created);
    return outcome;
  },
});
