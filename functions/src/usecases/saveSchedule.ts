import { canonicalJson } from "../domain/canonical.js";
import { done, refused, type Outcome } from "../domain/outcome.js";
import { mayDo, type Actor } from "../domain/roles.js";
import type { SaveScheduleInput, SaveScheduleResult } from "../schemas/catalogue.js";
import type { SaveScheduleRefusal } from "../schemas/contract.js";
import type { ScheduleDoc, TrainingDoc } from "../schemas/training.js";
import type { Ports } from "./ports.js";

export type { SaveScheduleRefusal };

export type SchedulePorts = Pick<Ports, "catalogue">;

/** A run as the program office or its institution gives it. */
export interface ScheduleFields {
  scheduleCode: string;
  courseCode: string;
  startsAt: Date;
  endsAt: Date;
  /** Seats; null: self-paced, no limit. */
  capacity: number | null;
}

export type WriteScheduleRefusal = "training-not-found" | "schedule-course-fixed" | "capacity-below-booked";

/** A program admin creates or changes a run of a training (saveSchedule callable). Saving the same run again writes nothing. */
export async function saveSchedule(ports: SchedulePorts, actor: Actor, input: SaveScheduleInput): Promise<Outcome<SaveScheduleResult, SaveScheduleRefusal>> {
  if (!mayDo(actor, "manage-catalogue")) return refused("not-admin");
  return writeSchedule<never>(ports, { ...input, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) }, () => null);
}

/**
 * Writes a schedule in one transaction with the read of its training: the training must exist
 * (and pass the caller's `guard`, e.g. belong to the calling institution), a schedule code never
 * moves to another training, and its seats never drop below those already booked (`booked` is
 * kept: only purchases change it).
 */
export async function writeSchedule<G extends string>(
  ports: SchedulePorts,
  fields: ScheduleFields,
  guard: (training: TrainingDoc) => G | null,
): Promise<Outcome<SaveScheduleResult, WriteScheduleRefusal | G>> {
  return ports.catalogue.saveSchedule(fields.scheduleCode, fields.courseCode, ({ schedule, training }) => {
    const answer = (result: Outcome<SaveScheduleResult, WriteScheduleRefusal | G>) => ({ write: null, result });
    if (training === null) return answer(refused("training-not-found"));
    const guarded = guard(training);
    if (guarded !== null) return answer(refused(guarded));
    if (schedule !== null && schedule.courseCode !== fields.courseCode) return answer(refused("schedule-course-fixed"));
    const booked = schedule?.booked ?? 0;
    if (fields.capacity !== null && fields.capacity < booked) return answer(refused("capacity-below-booked", { booked }));
    const next: ScheduleDoc = { ...fields, booked };
    const created = schedule === null;
    if (!created && canonicalJson(schedule) === canonicalJson(next)) return answer(done({ scheduleCode: fields.scheduleCode, created, written: false }));
    return { write: next, result: done({ scheduleCode: fields.scheduleCode, created, written: true }) };
  });
}
