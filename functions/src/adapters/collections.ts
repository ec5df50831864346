import { type DocumentData, type DocumentReference, type FirestoreDataConverter, type QueryDocumentSnapshot } from "firebase-admin/firestore";
import { type z } from "zod";
import {
  applicantDoc,
  exclusionEntryDoc,
  exclusionListDoc,
  familyDoc,
  nikIndexDoc,
  operatorDayDoc,
  registerAttemptsDoc,
  timelineEventDoc,
} from "../schemas/applicant.js";
import { COLLECTIONS } from "../schemas/collections.js";
import { dashboardDoc, regionTargetDoc } from "../schemas/dashboard.js";
import { leaseDoc, programYearDoc, roleGrantDoc, waveDoc, waveEventDoc } from "../schemas/documents.js";
import {
  budgetEntryDoc,
  entitlementDoc,
  freedSeatDoc,
  partnerCallDoc,
  paymentTokenDoc,
  purchaseDoc,
  scheduleDoc,
  settlementDoc,
  trainingChangeDoc,
  trainingDoc,
  trainingFlagDoc,
  trainingPartnerDoc,
  voucherDoc,
} from "../schemas/training.js";
import { poolPage, winnersPage } from "../schemas/draw.js";
import {
  accountUsersDoc,
  ledgerEntryDoc,
  paymentEventDoc,
  paymentPartnerStateDoc,
  payoutAccountDoc,
  payoutCaseDoc,
  payoutDoc,
  payoutEventDoc,
  quarantineDoc,
} from "../schemas/payouts.js";
import { clawbackDoc, repaymentDoc } from "../schemas/clawbacks.js";
import { differencesPageDoc, reconciliationReportDoc } from "../schemas/reconciliation.js";
import { exclusionImportRecord } from "../schemas/exclusion.js";
import { priorityEntryDoc, priorityImportDoc, priorityListDoc } from "../schemas/priority.js";
import { inboxDoc, mailDoc, smsDoc } from "../schemas/notifications.js";
import { usedSignatureDoc } from "../schemas/partners.js";
import { withDates } from "../schemas/timestamps.js";
import { verificationDecisionDoc } from "../schemas/verification.js";
import { pidIndexDoc, waveDrawDoc, waveSecretDoc } from "../schemas/waves.js";
import { auditChainDoc, auditDayDoc, auditEntryDoc, auditKeyDoc } from "../schemas/audit.js";
import { deskReceiptDoc, nikDisputeDoc } from "../schemas/desk.js";
import { closeChunkDoc, closeDraftDoc, closePartitionDoc, waveCloseDoc } from "../schemas/waveClose.js";
import { closeRedriveDoc } from "../schemas/closeRedrive.js";
import { db } from "./firebase.js";

export { COLLECTIONS };

/**
 * Every collection reference the functions use, each with the converter of its document schema:
 * every document read is parsed and every document written is validated. An update() touches
 * only some fields, which converters never see: its fields go through `fields()` instead.
 */

/** A converter that validates every document read and written against its schema. */
export function converter<S extends z.ZodType<DocumentData>>(schema: S): FirestoreDataConverter<z.infer<S>> {
  return {
    toFirestore: (value) => schema.parse(value),
    fromFirestore: (snapshot: QueryDocumentSnapshot) => schema.parse(withDates(snapshot.data())),
  };
}

/** The fields of an update(), each checked against its schema in the document's schema; an unknown field is refused. */
export function fields<S extends z.ZodObject>(schema: S, value: Partial<z.input<S>>): DocumentData {
  return schema.partial().strict().parse(value);
}

/** Several documents in one round trip, each parsed by its reference's converter; undefined where absent. */
export async function getAll<T extends DocumentData>(refs: Array<DocumentReference<T>>): Promise<Array<T | undefined>> {
  if (refs.length === 0) return [];
  const snapshots = await db().getAll(...refs);
  // getAll runs each reference's converter; only the element type is lost in its signature.
  return snapshots.map((snapshot) => snapshot.data() as T | undefined);
}

const collection = <S extends z.ZodType<DocumentData>>(name: string, schema: S) => db().collection(name).withConverter(converter(schema));

export const programYears = () => collection(COLLECTIONS.programYears, programYearDoc);
export const waves = () => collection(COLLECTIONS.waves, waveDoc);
export const waveEvents = (waveId: string) => waves().doc(waveId).collection(COLLECTIONS.waveEvents).withConverter(converter(waveEventDoc));
export const leases = () => collection(COLLECTIONS.leases, leaseDoc);
export const waveSecrets = () => collection(COLLECTIONS.waveSecrets, waveSecretDoc);
export const trainingPartners = () => collection(COLLECTIONS.trainingPartners, trainingPartnerDoc);
export const trainings = () => collection(COLLECTIONS.trainings, trainingDoc);
export const trainingHistory = (courseCode: string) =>
  trainings().doc(courseCode).collection(COLLECTIONS.trainingHistory).withConverter(converter(trainingChangeDoc));
export const schedules = () => collection(COLLECTIONS.schedules, scheduleDoc);
export const vouchers = () => collection(COLLECTIONS.vouchers, voucherDoc);
export const purchases = () => collection(COLLECTIONS.purchases, purchaseDoc);
export const paymentTokens = () => collection(COLLECTIONS.paymentTokens, paymentTokenDoc);
export const entitlements = () => collection(COLLECTIONS.entitlements, entitlementDoc);
export const settlements = () => collection(COLLECTIONS.settlements, settlementDoc);
export const budgetLedger = () => collection(COLLECTIONS.budgetLedger, budgetEntryDoc);
export const freedSeats = () => collection(COLLECTIONS.freedSeats, freedSeatDoc);
export const trainingFlags = () => collection(COLLECTIONS.trainingFlags, trainingFlagDoc);
export const partnerCalls = () => collection(COLLECTIONS.partnerCalls, partnerCallDoc);
export const paymentPartners = () => collection(COLLECTIONS.paymentPartners, paymentPartnerStateDoc);
export const payoutAccounts = () => collection(COLLECTIONS.payoutAccounts, payoutAccountDoc);
export const accountUsers = () => collection(COLLECTIONS.accountUsers, accountUsersDoc);
export const payouts = () => collection(COLLECTIONS.payouts, payoutDoc);
export const payoutEvents = (id: string) => payouts().doc(id).collection(COLLECTIONS.payoutEvents).withConverter(converter(payoutEventDoc));
export const payoutLedger = () => collection(COLLECTIONS.payoutLedger, ledgerEntryDoc);
export const payoutCases = () => collection(COLLECTIONS.payoutCases, payoutCaseDoc);
export const paymentEvents = () => collection(COLLECTIONS.paymentEvents, paymentEventDoc);
export const paymentQuarantine = () => collection(COLLECTIONS.paymentQuarantine, quarantineDoc);
export const reconciliationReports = () => collection(COLLECTIONS.reconciliationReports, reconciliationReportDoc);
export const reconciliationDifferences = (day: string) =>
  reconciliationReports().doc(day).collection(COLLECTIONS.reconciliationDifferences).withConverter(converter(differencesPageDoc));
export const clawbacks = () => collection(COLLECTIONS.clawbacks, clawbackDoc);
export const clawbackRepayments = (id: string) => clawbacks().doc(id).collection(COLLECTIONS.clawbackRepayments).withConverter(converter(repaymentDoc));
export const roleGrants = () => collection(COLLECTIONS.roleGrants, roleGrantDoc);
export const applicants = () => collection(COLLECTIONS.applicants, applicantDoc);
export const timeline = (uid: string) => applicants().doc(uid).collection(COLLECTIONS.timeline).withConverter(converter(timelineEventDoc));
export const nikIndex = () => collection(COLLECTIONS.nikIndex, nikIndexDoc);
export const families = () => collection(COLLECTIONS.families, familyDoc);
export const operatorDays = () => collection(COLLECTIONS.operatorDays, operatorDayDoc);
export const registerAttempts = () => collection(COLLECTIONS.registerAttempts, registerAttemptsDoc);
export const pidIndex = () => collection(COLLECTIONS.pidIndex, pidIndexDoc);
export const exclusionEntries = () => collection(COLLECTIONS.exclusionEntries, exclusionEntryDoc);
export const exclusionLists = () => collection(COLLECTIONS.exclusionLists, exclusionListDoc);
export const exclusionImports = () => collection(COLLECTIONS.exclusionImports, exclusionImportRecord);
export const priorityLists = () => collection(COLLECTIONS.priorityLists, priorityListDoc);
export const priorityImports = () => collection(COLLECTIONS.priorityImports, priorityImportDoc);
export const priorityEntries = () => collection(COLLECTIONS.priorityEntries, priorityEntryDoc);
export const usedSignatures = () => collection(COLLECTIONS.usedSignatures, usedSignatureDoc);
export const verificationDecisions = () => collection(COLLECTIONS.verificationDecisions, verificationDecisionDoc);
export const mail = () => collection(COLLECTIONS.mail, mailDoc);
export const sms = () => collection(COLLECTIONS.sms, smsDoc);
export const inbox = (uid: string) => applicants().doc(uid).collection(COLLECTIONS.inbox).withConverter(converter(inboxDoc));
export const nikDisputes = () => collection(COLLECTIONS.nikDisputes, nikDisputeDoc);
export const deskReceipts = () => collection(COLLECTIONS.deskReceipts, deskReceiptDoc);

export { waveDrawDoc };
export const waveDraws = () => collection(COLLECTIONS.waveDraws, waveDrawDoc);
/** The published pages, validated with their strict schemas on the way in and on the way out. */
export const poolPages = (waveId: string) => waveDraws().doc(waveId).collection(COLLECTIONS.drawPool).withConverter(converter(poolPage));
export const winnerPages = (waveId: string) => waveDraws().doc(waveId).collection(COLLECTIONS.drawWinners).withConverter(converter(winnersPage));

/** A wave's close as it runs (schemas/waveClose.ts): written by the close's tasks and by a re-drive. */
export const waveCloses = () => collection(COLLECTIONS.waveCloses, waveCloseDoc);
export const closePartitions = (waveId: string) => waveCloses().doc(waveId).collection(COLLECTIONS.closePartitions).withConverter(converter(closePartitionDoc));
export const closeChunks = (waveId: string) => waveCloses().doc(waveId).collection(COLLECTIONS.closeChunks).withConverter(converter(closeChunkDoc));
export const closeDrafts = (waveId: string) => waveCloses().doc(waveId).collection(COLLECTIONS.closeDrafts).withConverter(converter(closeDraftDoc));
export const closeRedrives = (waveId: string) => waveCloses().doc(waveId).collection(COLLECTIONS.closeRedrives).withConverter(converter(closeRedriveDoc));

/** The audit log (schemas/audit.ts): written only by adapters/auditLog.ts. */
export const auditChains = () => collection(COLLECTIONS.auditChains, auditChainDoc);
export const auditEntries = (chain: string) => auditChains().doc(chain).collection(COLLECTIONS.auditEntries).withConverter(converter(auditEntryDoc));
export const auditKeys = () => collection(COLLECTIONS.auditKeys, auditKeyDoc);
export const auditDays = () => collection(COLLECTIONS.auditDays, auditDayDoc);

/** The regional dashboard (schemas/dashboard.ts): written only by the rollup and setRegionTarget. */
export const dashboards = () => collection(COLLECTIONS.dashboards, dashboardDoc);
export const regionTargets = () => collection(COLLECTIONS.regionTargets, regionTargetDoc);
