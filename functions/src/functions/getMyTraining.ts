import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { getMyTrainingInput } from "../schemas/myTraining.js";
import { myTraining } from "../usecases/training/participant.js";

/** The participant's training balance, first-purchase deadline and vouchers ("my training"). */
export const getMyTraining = callable({
  name: "getMyTraining",
  input: getMyTrainingInput,
  refusals: { "not-participant": "failed-precondition", "participant-revoked": "failed-precondition" },
  handle: (_input, actor) => myTraining(ports(), actor.uid),
});
