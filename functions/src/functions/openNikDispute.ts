import { ports } from "../composition.js";
import { nikHashKey, vaultKeysSecret } from "../config.js";
import { callable } from "../edge/callable.js";
import { openNikDisputeInput } from "../schemas/desk.js";
import { openNikDispute as openNikDisputeUseCase } from "../usecases/desk/openNikDispute.js";

/** At the desk: a person says someone else registered their NIK ("joki"); the operator of its region opens a case. */
export const openNikDispute = callable({
  name: "openNikDispute",
  input: openNikDisputeInput,
  refusals: {
    "not-operator-or-admin": "permission-denied",
    "registration-not-found": "not-found",
    "registration-outside-region": "permission-denied",
    "claimant-account-not-found": "not-found",
    "claimant-is-registrant": "failed-precondition",
    "claimant-registered": "failed-precondition",
    "request-id-reused": "already-exists",
    "claimant-is-staff": "failed-precondition",
    "claimant-is-actor": "failed-precondition",
  },
  refusalFields: {
    "claimant-account-not-found": "claimant",
    "claimant-is-registrant": "claimant",
    "claimant-registered": "claimant",
    "claimant-is-staff": "claimant",
    "claimant-is-actor": "claimant",
  },
  // Seals what the person said; the input's digest is keyed (Pseudonyms.request).
  options: { secrets: [vaultKeysSecret, nikHashKey] },
  handle: (input, actor) => openNikDisputeUseCase(ports(), actor, input),
});
