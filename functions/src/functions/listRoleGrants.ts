import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { listRoleGrantsInput } from "../schemas/roleConsole.js";
import { listRoleGrants as listUseCase } from "../usecases/listRoleGrants.js";

/** Admins and auditors page through role grants (by role, by region) with each account's email and the region's name. */
export const listRoleGrants = callable({
  name: "listRoleGrants",
  input: listRoleGrantsInput,
  refusals: { "not-admin-or-auditor": "permission-denied" },
  handle: (input, actor) => listUseCase(ports(), actor, input),
});
