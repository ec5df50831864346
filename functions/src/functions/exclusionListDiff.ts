import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { exclusionListDiffInput } from "../schemas/exclusion.js";
import { exclusionListDiff as diffUseCase } from "../usecases/exclusionListDiff.js";

/** Admins and auditors compare two completed imports of a list: how many NIKs came, went and stayed. */
export const exclusionListDiff = callable({
  name: "exclusionListDiff",
  input: exclusionListDiffInput,
  refusals: {
    "not-admin-or-auditor": "permission-denied",
    "version-not-found": "not-found",
    "version-not-completed": "failed-precondition",
    "imports-overlapped": "failed-precondition",
  },
  handle: (input, actor) => diffUseCase(ports(), actor, input),
});
