import { ports } from "../composition.js";
import { nikHashKey } from "../config.js";
import { callable } from "../edge/callable.js";
import { lookupRegistrationInput } from "../schemas/desk.js";
import { lookupRegistration as lookupRegistrationUseCase } from "../usecases/desk/lookupRegistration.js";

/** At the desk: who registered a walk-in person's NIK, masked, for an operator of its region (or an admin); on the audit log. */
export const lookupRegistration = callable({
  name: "lookupRegistration",
  input: lookupRegistrationInput,
  refusals: {
    "not-operator-or-admin": "permission-denied",
    "nik-not-registered": "not-found",
    "registration-outside-region": "permission-denied",
  },
  refusalFields: { "nik-not-registered": "nik" },
  options: { secrets: [nikHashKey] },
  handle: (input, actor) => lookupRegistrationUseCase(ports(), actor, input),
});
