import { ports } from "../composition.js";
import { vaultKeysSecret } from "../config.js";
import { callable } from "../edge/callable.js";
import { getMyStatusInput } from "../schemas/registration.js";
import { getMyStatus as getMyStatusUseCase } from "../usecases/getMyStatus.js";

/** The applicant's own registration, eligibility (checked again now) and timeline; a registration blocked in a NIK dispute is refused. */
export const getMyStatus = callable({
  name: "getMyStatus",
  input: getMyStatusInput,
  options: { secrets: [vaultKeysSecret] },
  refusals: { "not-registered": "not-found", "registration-blocked": "failed-precondition" },
  handle: (_input, actor) => getMyStatusUseCase(ports(), actor.uid),
});
