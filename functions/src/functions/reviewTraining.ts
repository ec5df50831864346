import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { reviewTrainingInput } from "../schemas/myTraining.js";
import { reviewTraining as reviewTrainingUseCase } from "../usecases/training/participant.js";

/** The participant rates and reviews a completed training; the first makes them entitled to incentives. */
export const reviewTraining = callable({
  name: "reviewTraining",
  input: reviewTrainingInput,
  refusals: { "voucher-not-found": "not-found", "training-not-completed": "failed-precondition", "already-reviewed": "already-exists" },
  handle: (input, actor) => reviewTrainingUseCase(ports(), actor.uid, input),
});
