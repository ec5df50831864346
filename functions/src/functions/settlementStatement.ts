import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { settlementStatementInput } from "../schemas/settlement.js";
import { settlementStatement as settlementStatementUseCase } from "../usecases/training/statement.js";

/** A partner's monthly settlement statement: accrued and held, by stage (program office, auditors). */
export const settlementStatement = callable({
  name: "settlementStatement",
  input: settlementStatementInput,
  refusals: { "not-admin-or-auditor": "permission-denied", "partner-not-found": "not-found", "partner-delisted": "permission-denied" },
  handle: (input, actor) => settlementStatementUseCase(ports(), actor, input),
});
