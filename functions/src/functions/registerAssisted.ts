import { firebaseAccounts } from "../adapters/accounts.js";
import { registrationPorts } from "../adapters/registrationPorts.js";
import { assistedDailyLimit, nikHashKey } from "../config.js";
import { callable } from "../edge/callable.js";
import { logs } from "../logs.js";
import { registerAssistedInput } from "../schemas/registration.js";
import { registerAssisted as registerAssistedUseCase } from "../usecases/registerAssisted.js";
import { REGISTER_REFUSAL_FIELDS, REGISTER_REFUSALS } from "../edge/registrationRefusals.js";

/** A regional operator registers a person of their own region on the person's behalf. */
export const registerAssisted = callable({
  name: "registerAssisted",
  input: registerAssistedInput,
  refusals: { ...REGISTER_REFUSALS, "not-operator": "permission-denied", "outside-region": "permission-denied" },
  refusalFields: {
    ...Object.fromEntries(Object.entries(REGISTER_REFUSAL_FIELDS).map(([reason, field]) => [reason, `person.${field}`])),
    "outside-region": "person.districtCode",
  },
  options: { secrets: [nikHashKey] },
  async handle(input, actor) {
    const ports = { ...registrationPorts(), accounts: firebaseAccounts };
    const outcome = await registerAssistedUseCase(ports, actor, input, assistedDailyLimit.value());
    if (outcome.ok) logs.registered(outcome.value.uid, actor.uid, outcome.value.eligibility.reasons, outcome.value.created);
    return outcome;
  },
});
