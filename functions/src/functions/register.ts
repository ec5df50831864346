import { systemClock } from "../adapters/clock.js";
import { firestoreExclusionLists } from "../adapters/exclusionLists.js";
import { firestoreProgramYears } from "../adapters/programYears.js";
import { secretPseudonyms } from "../adapters/pseudonyms.js";
import { firestoreRegistrations } from "../adapters/registrations.js";
import { nikHashKey } from "../config.js";
import { callable } from "../edge/callable.js";
import { logs } from "../logs.js";
import { registerInput } from "../schemas/registration.js";
import { register as registerUseCase } from "../usecases/register.js";
import { REGISTER_REFUSAL_FIELDS, REGISTER_REFUSALS } from "../edge/registrationRefusals.js";

/** A signed-in applicant registers themself: one account, one NIK. */
export const register = callable({
  name: "register",
  input: registerInput,
  refusals: REGISTER_REFUSALS,
  refusalFields: REGISTER_REFUSAL_FIELDS,
  options: { secrets: [nikHashKey] },
  async handle(input, actor) {
    const ports = {
      registrations: firestoreRegistrations,
      lists: firestoreExclusionLists,
      programYears: firestoreProgramYears,
      pseudonyms: secretPseudonyms(),
      clock: systemClock,
    };
    const outcome = await registerUseCase(ports, { uid: actor.uid, by: "self", requestId: `self:${actor.uid}` }, input);
    if (outcome.ok) logs.registered(actor.uid, "self", outcome.value.eligibility.reasons, outcome.value.created);
    return outcome;
  },
});
