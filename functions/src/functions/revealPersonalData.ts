import { ports } from "../composition.js";
import { vaultKeysSecret } from "../config.js";
import { callable } from "../edge/callable.js";
import { revealPersonalDataInput } from "../schemas/personalAccess.js";
import { revealPersonalData as revealPersonalDataUseCase } from "../usecases/revealPersonalData.js";

/** An operator (their region) or admin reveals one sealed value of one person, for a stated purpose, recorded on the audit log. */
export const revealPersonalData = callable({
  name: "revealPersonalData",
  input: revealPersonalDataInput,
  refusals: {
    "not-operator-or-admin": "permission-denied",
    "registrant-not-found": "not-found",
    "person-outside-region": "permission-denied",
  },
  options: { secrets: [vaultKeysSecret] },
  handle: (input, actor) => revealPersonalDataUseCase(ports(), actor, input),
});
