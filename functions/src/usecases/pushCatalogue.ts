import { done, refused, type Outcome } from "../domain/outcome.js";
import type { PushCourseBody, PushCourseResult, PushScheduleBody, PushScheduleResult } from "../schemas/catalogue.js";
import { writeSchedule, type WriteScheduleRefusal } from "./saveSchedule.js";
import { writeTraining, type CataloguePorts, type WriteTrainingRefusal } from "./saveTraining.js";

/**
 * A training institution keeps its own part of the catalogue up to date over the signed partner
 * API (`POST /api/v1/integration/catalogue/course` and `…/schedule`): the same rules as the
 * program office's saveTraining and saveSchedule, on its own trainings only (`not-own-training`).
 * A new training is listed; an existing one keeps the status the program office gave it (an
 * institution cannot list again what the office de-listed). Each change is recorded in the
 * training's history with `via: "partner-api"` and the institution's client code. Pushing the
 * same content again writes nothing, so a partner may resend its whole catalogue.
 */

export type PushCourseRefusal = WriteTrainingRefusal | "not-own-training";
export type PushScheduleRefusal = WriteScheduleRefusal | "not-own-training";

/** The calling institution, as the signature check found it. */
export interface CallingInstitution {
  clientCode: string;
}

export async function pushCourse(
  ports: CataloguePorts,
  caller: CallingInstitution,
  body: PushCourseBody,
): Promise<Outcome<PushCourseResult, PushCourseRefusal>> {
  const fields = {
    courseCode: body.course_code,
    title: body.title,
    description: body.description,
    institutionCode: caller.clientCode,
    platformCodes: body.platform_codes,
    price: body.price,
    hours: body.hours,
    method: body.learning_method,
    category: body.category,
    provinceCode: body.province_code,
  };
  const outcome = await writeTraining(ports, { by: caller.clientCode, via: "partner-api", requestId: null }, fields, "keep", ({ training }) =>
    training !== null && training.institutionCode !== caller.clientCode ? refused("not-own-training") : null,
  );
  if (!outcome.ok) return outcome;
  return done({ course_code: outcome.value.courseCode, version: outcome.value.version, changed: outcome.value.written });
}

export async function pushSchedule(
  ports: Pick<CataloguePorts, "catalogue">,
  caller: CallingInstitution,
  body: PushScheduleBody,
): Promise<Outcome<PushScheduleResult, PushScheduleRefusal>> {
  const fields = {
    scheduleCode: body.schedule_code,
    courseCode: body.course_code,
    startsAt: new Date(body.start_at),
    endsAt: new Date(body.end_at),
    capacity: body.quota,
  };
  const outcome = await writeSchedule(ports, fields, (training) => (training.institutionCode === caller.clientCode ? null : "not-own-training"));
  if (!outcome.ok) return outcome;
  return done({ schedule_code: outcome.value.scheduleCode, created: outcome.value.created, changed: outcome.value.written });
}
