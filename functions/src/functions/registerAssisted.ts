import { firebaseAccounts } from "../adapters/accounts.js";
import { systemClock } from "../adapters/clock.js";
import { firestoreExclusionLists } from "../adapters/exclusionLists.js";
import { firestoreProgramYears } from "../adapters/programYears.js";
import { secretPseudonyms } from "../adapters/pseudonyms.js";
import { firestoreRegistrations } from "../adapters/registrations.js";
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
    const ports = {
      registrations: firestoreRegistrations,
      lists: firestoreExclusionLists,
      programYears: firestoreProgramYears,
      pseudonyms: secretPseudonyms(),
      accounts: firebaseAccounts,
      clock: systemClock,
    };
    const outcome = await registerAssistedUseCase(ports, actor, input, assistedDailyLimit.value());
    if (outcome.ok) logs.registered(outcome.value.uid, actor.uid, outcome.value.eligibility.reasons, outcome.value.created);
    return outcome;
  },
});
