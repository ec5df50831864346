import { ports } from "../composition.js";
import { nikHashKey } from "../config.js";
import { callable } from "../edge/callable.js";
import { listRegistrantsInput } from "../schemas/registrants.js";
import { listRegistrants as listUseCase } from "../usecases/registrants/list.js";

/** Operators (their region), admins and auditors (everywhere) list registrants, masked, a page at a time; or find one by NIK (its keyed hash). */
export const listRegistrants = callable({
  name: "listRegistrants",
  input: listRegistrantsInput,
  refusals: {
    "not-operator-admin-or-auditor": "permission-denied",
    "region-outside-scope": "permission-denied",
    "registrant-not-in-region": "not-found",
  },
  options: { secrets: [nikHashKey] },
  handle: (input, actor) => listUseCase(ports(), actor, input),
});
