import { ports } from "../composition.js";
import { assistedDailyLimit } from "../config.js";
import { callable } from "../edge/callable.js";
import { myDeskDayInput } from "../schemas/desk.js";
import { myDeskDay as myDeskDayUseCase } from "../usecases/desk/deskDay.js";

/** The operator's assisted registrations today and what ASSISTED_DAILY_LIMIT still allows. */
export const myDeskDay = callable({
  name: "myDeskDay",
  input: myDeskDayInput,
  refusals: { "not-operator": "permission-denied" },
  handle: (_input, actor) => myDeskDayUseCase(ports(), actor, assistedDailyLimit.value()),
});
