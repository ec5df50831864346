import type { TrainingChangeDoc, TrainingDoc } from "../../schemas/training.js";
import type { Catalogue } from "../../usecases/ports.js";
import { roundTrip, type Memory } from "./state.js";

/** The catalogue in memory: the same documents, reads and all-or-nothing writes as adapters/catalogue.ts. */
export function memoryCatalogue(memory: Memory): Catalogue {
  const { trainingPartners, trainings, trainingHistory, schedules } = memory.state;
  const byTitle = (a: TrainingDoc, b: TrainingDoc) =>
    a.title < b.title ? -1 : a.title > b.title ? 1 : a.courseCode < b.courseCode ? -1 : a.courseCode > b.courseCode ? 1 : 0;
  return {
    async partners(clientCodes) {
      await roundTrip();
      return new Map(clientCodes.flatMap((code) => (trainingPartners.has(code) ? [[code, trainingPartners.read(code)!] as const] : [])));
    },

    async savePartner(clientCode, decide) {
      await roundTrip();
      // From here to the commit nothing awaits: no other call can come in between, as in a transaction.
      const decided = decide(trainingPartners.read(clientCode) ?? null);
      if (decided.write !== null) memory.batch().set(trainingPartners, clientCode, decided.write).commit();
      return decided.result;
    },

    async saveTraining(courseCode, requestId, decide) {
      await roundTrip();
      const recorded: TrainingChangeDoc | null =
        requestId === null ? null : (trainingHistory.under(`${courseCode}/`).find(([, change]) => change.requestId === requestId)?.[1] ?? null);
      const decided = decide({ training: trainings.read(courseCode) ?? null, recorded });
      if (decided.write !== null)
        memory
          .batch()
          .set(trainings, courseCode, decided.write.training)
          .create(trainingHistory, `${courseCode}/${decided.write.change.version}`, decided.write.change)
          .commit();
      return decided.result;
    },

    async saveSchedule(scheduleCode, courseCode, decide) {
      await roundTrip();
      const decided = decide({ schedule: schedules.read(scheduleCode) ?? null, training: trainings.read(courseCode) ?? null });
      if (decided.write !== null) memory.batch().set(schedules, scheduleCode, decided.write).commit();
      return decided.result;
    },

    async training(courseCode) {
      await roundTrip();
      return trainings.read(courseCode) ?? null;
    },

    async listed(query) {
      await roundTrip();
      const matching = trainings
        .under("")
        .map(([, training]) => training)
        .filter(
          (t) =>
            t.status === "listed" &&
            (query.word === null || t.keywords.includes(query.word)) &&
            (query.category === null || t.category === query.category) &&
            (query.method === null || t.method === query.method) &&
            (query.provinceCode === null || t.provinceCode === query.provinceCode),
        )
        .sort(byTitle);
      let from = 0;
      if (query.after !== null) {
        const last = trainings.read(query.after);
        if (last === undefined) return { trainings: [], more: false };
        from = matching.filter((t) => byTitle(t, last) <= 0).length;
      }
      const page = matching.slice(from, from + query.limit + 1);
      return { trainings: page.slice(0, query.limit), more: page.length > query.limit };
    },

    async upcoming(courseCode, after, limit) {
      await roundTrip();
      return schedules
        .under("")
        .map(([, schedule]) => schedule)
        .filter((s) => s.courseCode === courseCode && s.startsAt > after)
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.scheduleCode < b.scheduleCode ? -1 : 1))
        .slice(0, limit);
    },
  };
}
