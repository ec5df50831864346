import { type DocumentData, type FirestoreDataConverter, type QueryDocumentSnapshot } from "firebase-admin/firestore";
import type { z } from "zod";
import {
  paymentPartnerDoc,
  programYearDoc,
  roleGrantDoc,
  trainingDoc,
  trainingPartnerDoc,
  waveDoc,
  waveEventDoc,
} from "../schemas/documents.js";
import { applicantDoc, familyDoc, nikIndexDoc, operatorDayDoc, timelineEventDoc } from "../schemas/applicant.js";
import { COLLECTIONS } from "../schemas/collections.js";
import { withDates } from "../schemas/timestamps.js";
import { db } from "./firebase.js";

export { COLLECTIONS };


/** A converter that validates every document read and written against its schema. */
export function converter<S extends z.ZodType<DocumentData>>(schema: S): FirestoreDataConverter<z.infer<S>> {
  return {
    toFirestore: (value) => schema.parse(value) as DocumentData,
    fromFirestore: (snapshot: QueryDocumentSnapshot) => schema.parse(withDates(snapshot.data())),
  };
}

export const programYears = () => db().collection(COLLECTIONS.programYears).withConverter(converter(programYearDoc));
export const waves = () => db().collection(COLLECTIONS.waves).withConverter(converter(waveDoc));
export const waveEvents = (waveId: string) =>
  waves().doc(waveId).collection(COLLECTIONS.waveEvents).withConverter(converter(waveEventDoc));
export const trainingPartners = () => db().collection(COLLECTIONS.trainingPartners).withConverter(converter(trainingPartnerDoc));
export const trainings = () => db().collection(COLLECTIONS.trainings).withConverter(converter(trainingDoc));
export const paymentPartners = () => db().collection(COLLECTIONS.paymentPartners).withConverter(converter(paymentPartnerDoc));
export const roleGrants = () => db().collection(COLLECTIONS.roleGrants).withConverter(converter(roleGrantDoc));
export const applicants = () => db().collection(COLLECTIONS.applicants).withConverter(converter(applicantDoc));
export const timeline = (uid: string) =>
  applicants().doc(uid).collection(COLLECTIONS.timeline).withConverter(converter(timelineEventDoc));
export const nikIndex = () => db().collection(COLLECTIONS.nikIndex).withConverter(converter(nikIndexDoc));
export const families = () => db().collection(COLLECTIONS.families).withConverter(converter(familyDoc));
export const operatorDays = () => db().collection(COLLECTIONS.operatorDays).withConverter(converter(operatorDayDoc));
