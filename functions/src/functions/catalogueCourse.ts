import { z } from "zod";
import { ports } from "../composition.js";
import { http, partnerSignature } from "../edge/http.js";
import { PARTNER_CATALOGUE_TEXT, pushCourseBody } from "../schemas/catalogue.js";
import { REFUSAL_TEXT } from "../schemas/refusalMessages.js";
import { pushCourse } from "../usecases/pushCatalogue.js";

/**
 * `POST /api/v1/integration/catalogue/course` (signed, training institutions): creates or updates
 * one of the calling institution's own trainings. Partners call it through Hosting, at the path
 * they sign; called directly, the function sees `/` and a signature over the published path fails.
 */
export const catalogueCourse = http({
  name: "catalogueCourse",
  method: "POST",
  auth: partnerSignature(["institution"]),
  input: { path: z.string().regex(/^(?:\/api\/v1\/integration\/catalogue\/course)?\/?$/), body: pushCourseBody },
  refusals: {
    "not-own-training": 403,
    "institution-not-onboarded": 403,
    "platform-not-onboarded": 422,
    "province-unknown": 422,
    "hours-below-minimum": 422,
  },
  texts: {
    "not-own-training": PARTNER_CATALOGUE_TEXT["not-own-training"],
    "institution-not-onboarded": REFUSAL_TEXT["institution-not-onboarded"],
    "platform-not-onboarded": REFUSAL_TEXT["platform-not-onboarded"],
    "province-unknown": REFUSAL_TEXT["province-unknown"],
    "hours-below-minimum": REFUSAL_TEXT["hours-below-minimum"],
  },
  envelope: { kind: "partner-api", message: "OK" },
  handle: ({ body }, partner) => pushCourse(ports(), partner, body),
});
