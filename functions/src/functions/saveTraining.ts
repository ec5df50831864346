import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { saveTrainingInput } from "../schemas/catalogue.js";
import { saveTraining as saveTrainingUseCase } from "../usecases/saveTraining.js";

/** Program admins create or change a training: each change a new version, written with its history record; idempotent by requestId. */
export const saveTraining = callable({
  name: "saveTraining",
  input: saveTrainingInput,
  refusals: {
    "not-admin": "permission-denied",
    "institution-not-onboarded": "failed-precondition",
    "platform-not-onboarded": "failed-precondition",
    "province-unknown": "invalid-argument",
    "hours-below-minimum": "invalid-argument",
    "version-conflict": "aborted",
    "request-id-reused": "already-exists",
  },
  refusalFields: {
    "institution-not-onboarded": "institutionCode",
    "platform-not-onboarded": "platformCodes",
    "province-unknown": "provinceCode",
    "hours-below-minimum": "hours",
  },
  handle: (input, actor) => saveTrainingUseCase(ports(), actor, input),
});
