import type { Query } from "firebase-admin/firestore";
import type { TrainingDoc } from "../schemas/training.js";
import type { Catalogue } from "../usecases/ports.js";
import { listedShape, UPCOMING_SHAPE } from "./catalogueQueries.js";
import { getAll, schedules, trainingHistory, trainingPartners, trainings } from "./collections.js";
import { db } from "./firebase.js";

/**
 * The training catalogue in Firestore. A save is one transaction of one or two reads (two for a
 * training saved with a requestId: its history is queried for a record made under that key) and
 * one or two writes (a training and its history record). A page of the public browse: one query
 * of up to pageSize + 1 trainings, one read of the cursor's training, one query per training for
 * its next runs, one read per platform named. Every query is built from its shape
 * (catalogueQueries.ts), whose indexes tests/unit/indexes.test.ts checks.
 */
export const firestoreCatalogue: Catalogue = {
  async partners(clientCodes) {
    const codes = [...new Set(clientCodes)];
    const found = await getAll(codes.map((code) => trainingPartners().doc(code)));
    return new Map(codes.flatMap((code, i) => (found[i] === undefined ? [] : [[code, found[i]] as const])));
  },

  savePartner(clientCode, decide) {
    return db().runTransaction(async (tx) => {
      const ref = trainingPartners().doc(clientCode);
      const decided = decide((await tx.get(ref)).data() ?? null);
      if (decided.write !== null) tx.set(ref, decided.write);
      return decided.result;
    });
  },

  saveTraining(courseCode, requestId, decide) {
    return db().runTransaction(async (tx) => {
      const ref = trainings().doc(courseCode);
      const [training, recorded] = await Promise.all([
        tx.get(ref),
        requestId === null ? null : tx.get(trainingHistory(courseCode).where("requestId", "==", requestId).limit(1)),
      ]);
      const decided = decide({ training: training.data() ?? null, recorded: recorded?.docs[0]?.data() ?? null });
      if (decided.write !== null) {
        tx.set(ref, decided.write.training);
        // create: two saves that both read version n cannot both write n + 1 (the transaction retries one).
        tx.create(trainingHistory(courseCode).doc(String(decided.write.change.version)), decided.write.change);
      }
      return decided.result;
    });
  },

  saveSchedule(scheduleCode, courseCode, decide) {
    return db().runTransaction(async (tx) => {
      const ref = schedules().doc(scheduleCode);
      const [schedule, training] = await Promise.all([tx.get(ref), tx.get(trainings().doc(courseCode))]);
      const decided = decide({ schedule: schedule.data() ?? null, training: training.data() ?? null });
      if (decided.write !== null) tx.set(ref, decided.write);
      return decided.result;
    });
  },

  async training(courseCode) {
    return (await trainings().doc(courseCode).get()).data() ?? null;
  },

  async listed(query) {
    const shape = listedShape({
      word: query.word !== null,
      category: query.category !== null,
      method: query.method !== null,
      province: query.provinceCode !== null,
    });
    const values: Record<string, string | null> = { status: "listed", category: query.category, method: query.method, provinceCode: query.provinceCode };
    let q: Query<TrainingDoc> = trainings();
    for (const field of shape.equalities) q = q.where(field, "==", values[field]);
    if (shape.contains !== null) q = q.where(shape.contains, "array-contains", query.word);
    q = q.orderBy(shape.orderBy);
    if (query.after !== null) {
      const last = await trainings().doc(query.after).get();
      if (!last.exists) return { trainings: [], more: false };
      q = q.startAfter(last);
    }
    const docs = (await q.limit(query.limit + 1).get()).docs.map((doc) => doc.data());
    return { trainings: docs.slice(0, query.limit), more: docs.length > query.limit };
  },

  async upcoming(courseCode, after, limit) {
    const [field] = UPCOMING_SHAPE.equalities;
    const snapshot = await schedules()
      .where(field, "==", courseCode)
      .where(UPCOMING_SHAPE.range!, ">", after)
      .orderBy(UPCOMING_SHAPE.orderBy)
      .limit(limit)
      .get();
    return snapshot.docs.map((doc) => doc.data());
  },
};
