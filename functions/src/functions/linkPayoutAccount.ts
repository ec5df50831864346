import { ports } from "../composition.js";
import { vaultKeysSecret } from "../config.js";
import { callable } from "../edge/callable.js";
import { linkPayoutAccountInput } from "../schemas/payouts.js";
import { linkPayoutAccount as linkUseCase } from "../usecases/payouts/account.js";

/** The participant links the bank account or e-wallet their incentives are paid into (checked with the partner's account inquiry). */
export const linkPayoutAccount = callable({
  name: "linkPayoutAccount",
  input: linkPayoutAccountInput,
  options: { secrets: [vaultKeysSecret] },
  refusals: {
    "not-participant": "failed-precondition",
    "institution-not-offered": "invalid-argument",
    "account-not-found": "not-found",
    "account-name-mismatch": "failed-precondition",
    "partner-unavailable": "unavailable",
  },
  refusalFields: { "institution-not-offered": "institution", "account-not-found": "accountNumber", "account-name-mismatch": "accountNumber" },
  handle: (input, actor) => linkUseCase(ports(), actor.uid, input),
});
