import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { saveScheduleInput } from "../schemas/catalogue.js";
import { saveSchedule as saveScheduleUseCase } from "../usecases/saveSchedule.js";

/** Program admins create or change a run of a training (its dates and seats; null seats: self-paced). */
export const saveSchedule = callable({
  name: "saveSchedule",
  input: saveScheduleInput,
  refusals: {
    "not-admin": "permission-denied",
    "training-not-found": "not-found",
    "schedule-course-fixed": "failed-precondition",
    "capacity-below-booked": "failed-precondition",
  },
  refusalFields: { "training-not-found": "courseCode", "schedule-course-fixed": "courseCode", "capacity-below-booked": "capacity" },
  handle: (input, actor) => saveScheduleUseCase(ports(), actor, input),
});
