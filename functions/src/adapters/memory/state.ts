import type { RoleClaims } from "../../domain/roles.js";
import {
  applicantDoc,
  exclusionEntryDoc,
  exclusionListDoc,
  familyDoc,
  nikIndexDoc,
  operatorDayDoc,
  registerAttemptsDoc,
  timelineEventDoc,
} from "../../schemas/applicant.js";
import { COLLECTIONS } from "../../schemas/collections.js";
import { leaseDoc, programYearDoc, roleGrantDoc, waveDoc, waveEventDoc } from "../../schemas/documents.js";
import { poolPage, winnersPage } from "../../schemas/draw.js";
import { exclusionImportRecord } from "../../schemas/exclusion.js";
import { priorityEntryDoc, priorityImportDoc, priorityListDoc } from "../../schemas/priority.js";
import { inboxDoc, mailDoc, smsDoc } from "../../schemas/notifications.js";
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
} from "../../schemas/payouts.js";
import { clawbackDoc, repaymentDoc } from "../../schemas/clawbacks.js";
import { differencesPageDoc, reconciliationReportDoc } from "../../schemas/reconciliation.js";
import { verificationDecisionDoc } from "../../schemas/verification.js";
import {
  budgetEntryDoc,
  entitlementDoc,
  freedSeatDoc,
  paymentTokenDoc,
  purchaseDoc,
  scheduleDoc,
  settlementDoc,
  trainingChangeDoc,
  trainingDoc,
  trainingFlagDoc,
  trainingPartnerDoc,
  voucherDoc,
} from "../../schemas/training.js";
import { pidIndexDoc, waveDrawDoc, waveSecretDoc } from "../../schemas/waves.js";
import { deskReceiptDoc, nikDisputeDoc } from "../../schemas/desk.js";
import { closeChunkDoc, closeDraftDoc, closePartitionDoc, waveCloseDoc } from "../../schemas/waveClose.js";
import { closeRedriveDoc } from "../../schemas/closeRedrive.js";
import { Batch, Table } from "./store.js";

/** A Firebase Auth account as the memory adapters keep it. */
export interface AuthAccount {
  email?: string;
  /** E.164, as Auth stores it. */
  phone?: string;
  /** Custom claims, exactly as set. */
  claims: Partial<RoleClaims>;
  disabled: boolean;
  /** Tokens with a lower serial were revoked. */
  validFrom: number;
}

/** An ID token handed out by `memory.idTokens.issue`: whose, with which claims, in which order. */
export interface IssuedToken {
  uid: string;
  claims: Partial<RoleClaims>;
  serial: number;
}

/** Everything the memory adapters hold, by collection; keys are document IDs (`<parent>/<id>` for subcollections). */
export function emptyState() {
  return {
    /** Auth accounts by uid (not Firestore: no schema). */
    accounts: new Map<string, AuthAccount>(),
    idTokens: new Map<string, IssuedToken>(),
    roleGrants: new Table(COLLECTIONS.roleGrants, roleGrantDoc),
    programYears: new Table(COLLECTIONS.programYears, programYearDoc),
    applicants: new Table(COLLECTIONS.applicants, applicantDoc),
    /** `<uid>/<event id>`. */
    timeline: new Table(COLLECTIONS.timeline, timelineEventDoc, COLLECTIONS.applicants),
    nikIndex: new Table(COLLECTIONS.nikIndex, nikIndexDoc),
    families: new Table(COLLECTIONS.families, familyDoc),
    operatorDays: new Table(COLLECTIONS.operatorDays, operatorDayDoc),
    registerAttempts: new Table(COLLECTIONS.registerAttempts, registerAttemptsDoc),
    waves: new Table(COLLECTIONS.waves, waveDoc),
    /** `<wave id>/<state>`. */
    waveEvents: new Table(COLLECTIONS.waveEvents, waveEventDoc, COLLECTIONS.waves),
    waveSecrets: new Table(COLLECTIONS.waveSecrets, waveSecretDoc),
    leases: new Table(COLLECTIONS.leases, leaseDoc),
    pidIndex: new Table(COLLECTIONS.pidIndex, pidIndexDoc),
    waveDraws: new Table(COLLECTIONS.waveDraws, waveDrawDoc),
    /** `<wave id>/<page, 6 digits>`. */
    poolPages: new Table(COLLECTIONS.drawPool, poolPage, COLLECTIONS.waveDraws),
    /** `<wave id>/<page, 6 digits>`. */
    winnerPages: new Table(COLLECTIONS.drawWinners, winnersPage, COLLECTIONS.waveDraws),
    waveCloses: new Table(COLLECTIONS.waveCloses, waveCloseDoc),
    /** `<wave id>/<partition, 2 digits>`. */
    closePartitions: new Table(COLLECTIONS.closePartitions, closePartitionDoc, COLLECTIONS.waveCloses),
    /** `<wave id>/<NN-seq>`: a partition's pool lines. */
    closeChunks: new Table(COLLECTIONS.closeChunks, closeChunkDoc, COLLECTIONS.waveCloses),
    /** `<wave id>/manifest`: the drawn manifest before publication. */
    closeDrafts: new Table(COLLECTIONS.closeDrafts, closeDraftDoc, COLLECTIONS.waveCloses),
    /** `<wave id>/<request id>`. */
    closeRedrives: new Table(COLLECTIONS.closeRedrives, closeRedriveDoc, COLLECTIONS.waveCloses),
    exclusionEntries: new Table(COLLECTIONS.exclusionEntries, exclusionEntryDoc),
    exclusionLists: new Table(COLLECTIONS.exclusionLists, exclusionListDoc),
    exclusionImports: new Table(COLLECTIONS.exclusionImports, exclusionImportRecord),
    priorityLists: new Table(COLLECTIONS.priorityLists, priorityListDoc),
    priorityImports: new Table(COLLECTIONS.priorityImports, priorityImportDoc),
    priorityEntries: new Table(COLLECTIONS.priorityEntries, priorityEntryDoc),
    verificationDecisions: new Table(COLLECTIONS.verificationDecisions, verificationDecisionDoc),
    trainingPartners: new Table(COLLECTIONS.trainingPartners, trainingPartnerDoc),
    trainings: new Table(COLLECTIONS.trainings, trainingDoc),
    /** `<course code>/<version>`. */
    trainingHistory: new Table(COLLECTIONS.trainingHistory, trainingChangeDoc, COLLECTIONS.trainings),
    schedules: new Table(COLLECTIONS.schedules, scheduleDoc),
    vouchers: new Table(COLLECTIONS.vouchers, voucherDoc),
    purchases: new Table(COLLECTIONS.purchases, purchaseDoc),
    paymentTokens: new Table(COLLECTIONS.paymentTokens, paymentTokenDoc),
    entitlements: new Table(COLLECTIONS.entitlements, entitlementDoc),
    settlements: new Table(COLLECTIONS.settlements, settlementDoc),
    budgetLedger: new Table(COLLECTIONS.budgetLedger, budgetEntryDoc),
    freedSeats: new Table(COLLECTIONS.freedSeats, freedSeatDoc),
    trainingFlags: new Table(COLLECTIONS.trainingFlags, trainingFlagDoc),
    mail: new Table(COLLECTIONS.mail, mailDoc),
    sms: new Table(COLLECTIONS.sms, smsDoc),
    /** `<uid>/<key>`. */
    inbox: new Table(COLLECTIONS.inbox, inboxDoc, COLLECTIONS.applicants),
    payouts: new Table(COLLECTIONS.payouts, payoutDoc),
    /** `<installment id>/<version, 4 digits>`. */
    payoutEvents: new Table(COLLECTIONS.payoutEvents, payoutEventDoc, COLLECTIONS.payouts),
    payoutLedger: new Table(COLLECTIONS.payoutLedger, ledgerEntryDoc),
    paymentEvents: new Table(COLLECTIONS.paymentEvents, paymentEventDoc),
    paymentQuarantine: new Table(COLLECTIONS.paymentQuarantine, quarantineDoc),
    paymentPartners: new Table(COLLECTIONS.paymentPartners, paymentPartnerStateDoc),
    payoutAccounts: new Table(COLLECTIONS.payoutAccounts, payoutAccountDoc),
    accountUsers: new Table(COLLECTIONS.accountUsers, accountUsersDoc),
    payoutCases: new Table(COLLECTIONS.payoutCases, payoutCaseDoc),
    reconciliationReports: new Table(COLLECTIONS.reconciliationReports, reconciliationReportDoc),
    /** `<day>/<page, 4 digits>`. */
    reconciliationDifferences: new Table(COLLECTIONS.reconciliationDifferences, differencesPageDoc, COLLECTIONS.reconciliationReports),
    clawbacks: new Table(COLLECTIONS.clawbacks, clawbackDoc),
    /** `<installment id>/<request id>`. */
    clawbackRepayments: new Table(COLLECTIONS.clawbackRepayments, repaymentDoc, COLLECTIONS.clawbacks),
    nikDisputes: new Table(COLLECTIONS.nikDisputes, nikDisputeDoc),
    deskReceipts: new Table(COLLECTIONS.deskReceipts, deskReceiptDoc),
    /** The fake beacon's published rounds: `<source>#<round>` → value. */
    beaconRounds: new Map<string, string>(),
  };
}

export type MemoryState = ReturnType<typeof emptyState>;

/**
 * The state and its write log: every document (or Auth account) written, as `<collection>/<id>`,
 * in order. A test asserts that a refusal wrote nothing by comparing the log's length.
 */
export interface Memory {
  state: MemoryState;
  writes: string[];
  batch(): Batch;
  /** A new document ID, as `collection.doc()` makes one: unique, and here in creation order. */
  autoId(): string;
}

export function newMemory(): Memory {
  const writes: string[] = [];
  let ids = 0;
  return { state: emptyState(), writes, batch: () => new Batch(writes), autoId: () => `auto${String((ids += 1)).padStart(16, "0")}` };
}

/**
 * Lets other callers run before the operation goes on, as a round trip to Firestore does, so
 * concurrent calls interleave the way they would against the real database.
 */
export const roundTrip = () => new Promise<void>((resolve) => setImmediate(resolve));
