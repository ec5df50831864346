import { ports } from "../composition.js";
import { nikHashKey, registerAttemptLimit, vaultKeysSecret } from "../config.js";
import { callable } from "../edge/callable.js";
import { logs } from "../logs.js";
import { registerInput } from "../schemas/registration.js";
import { register as registerUseCase } from "../usecases/register.js";
import { REGISTER_REFUSALS } from "../edge/registrationRefusals.js";
import { REGISTRATION_REFUSAL_FIELDS } from "../schemas/contract.js";

/** A signed-in applicant registers themself: one account, one NIK. */
export const register = callable({
  name: "register",
  input: registerInput,
  refusals: REGISTER_REFUSALS,
  refusalFields: REGISTRATION_REFUSAL_FIELDS,
  options: { secrets: [nikHashKey, vaultKeysSecret] },
  async handle(input, actor) {
    const outcome = await registerUseCase(
      ports(),
      { uid: actor.uid, by: "self", requestId: `self:${actor.uid}`, attemptLimit: registerAttemptLimit.value() },
      input,
    );
    if (outcome.ok) logs.registered(actor.uid, "self", outcome.value.eligibility.reasons, outcome.value.created);
    return outcome;
  },
});
