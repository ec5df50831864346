import { z } from "zod";
import { ports } from "../composition.js";
import { http, partnerSignature } from "../edge/http.js";
import { PARTNER_CATALOGUE_TEXT, pushScheduleBody } from "../schemas/catalogue.js";
import { REFUSAL_TEXT } from "../schemas/refusalMessages.js";
import { pushSchedule } from "../usecases/pushCatalogue.js";

/** `POST /api/v1/integration/catalogue/schedule` (signed, training institutions): a run of one of the institution's own trainings. */
export const catalogueSchedule = http({
  name: "catalogueSchedule",
  method: "POST",
  auth: partnerSignature(["institution"]),
  input: { path: z.string().regex(/^(?:\/api\/v1\/integration\/catalogue\/schedule)?\/?$/), body: pushScheduleBody },
  refusals: {
    "not-own-training": 403,
    "training-not-found": 404,
    "schedule-course-fixed": 409,
    "capacity-below-booked": 409,
  },
  texts: {
    "not-own-training": PARTNER_CATALOGUE_TEXT["not-own-training"],
    "training-not-found": REFUSAL_TEXT["training-not-found"],
    "schedule-course-fixed": REFUSAL_TEXT["schedule-course-fixed"],
    "capacity-below-booked": REFUSAL_TEXT["capacity-below-booked"],
  },
  envelope: { kind: "partner-api", message: "OK" },
  handle: ({ body }, partner) => pushSchedule(ports(), partner, body),
});
