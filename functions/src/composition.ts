import { randomBytes } from "node:crypto";
import { firebaseAccounts, firebaseIdTokens } from "./adapters/accounts.js";
import { httpBeacon } from "./adapters/beacon.js";
import { firestoreCatalogue } from "./adapters/catalogue.js";
import { firestoreClawbacks } from "./adapters/clawbacks.js";
import { firestoreReconciliation } from "./adapters/reconciliation.js";
import { systemClock } from "./adapters/clock.js";
import { firestoreDrawStore, firestoreLatestDraw, firestorePublishedDraws } from "./adapters/drawStore.js";
import { firestoreExclusionImportRecords, firestoreExclusionImports, firestoreExclusionLists } from "./adapters/exclusionLists.js";
import { firestorePriorityLists } from "./adapters/priorityLists.js";
import { firestoreLeases } from "./adapters/leases.js";
import { firestoreWaveCloses } from "./adapters/waveCloses.js";
import { firestoreDrawRecipients, firestoreNotifications, firestoreSmsOutbox } from "./adapters/notifications.js";
import { configuredSmsGateway } from "./adapters/smsGateway.js";
import { firestorePartnerRegistry, firestoreUsedSignatures, secretPartnerKeys } from "./adapters/partners.js";
import { firestorePayoutCases } from "./adapters/payoutCases.js";
import { firestorePoolMembership } from "./adapters/poolMembership.js";
import { firestoreProgramYears } from "./adapters/programYears.js";
import { secretPseudonyms } from "./adapters/pseudonyms.js";
import { firestoreRegistrations } from "./adapters/registrations.js";
import { firestoreRegistrants } from "./adapters/registrants.js";
import { firestoreRoleGrants } from "./adapters/roleGrants.js";
import { firestoreTraining } from "./adapters/training.js";
import { firestoreDeadlines } from "./adapters/deadlines.js";
import { cloudTasks } from "./adapters/tasks.js";
import { configuredPaymentPartners } from "./adapters/payments/index.js";
import { firestorePayoutAccounts, firestorePayouts } from "./adapters/payouts.js";
import { cloudTaskQueues } from "./adapters/taskQueues.js";
import { firestoreVerifications } from "./adapters/verifications.js";
import { firestoreWaves } from "./adapters/waves.js";
import { secretVault } from "./adapters/vault.js";
import { firestoreDashboards } from "./adapters/dashboards.js";
import { firestoreAuditDays, firestoreAuditLog } from "./adapters/auditLog.js";
import { firestoreSubjectRecords } from "./adapters/subjectRecords.js";
import { firestoreDesk } from "./adapters/desk.js";
import { firestoreCloseRedrives } from "./adapters/closeRedrives.js";
import { REGION } from "./config.js";
import { QUICKNET } from "./domain/beacon.js";
import type { Ports, Pseudonyms } from "./usecases/ports.js";

/**
 * The composition root: the one module that builds production adapters, once per instance, on
 * first use (loading the code does no I/O). Triggers take the ports they need from `ports()`;
 * nothing else imports an adapter. Tests build the same shape from adapters/memory/.
 */
let built: Ports | null = null;

export function ports(): Ports {
  built ??= productionPorts();
  return built;
}

/** The production set, with some ports replaced (the command-line scripts and benchmarks). */
export function productionPorts(overrides: Partial<Omit<Ports, "pseudonyms">> & { pseudonyms?: Pseudonyms } = {}): Ports {
  let pseudonyms: Pseudonyms | null = overrides.pseudonyms ?? null;
  const base: Omit<Ports, "pseudonyms"> = {
    accounts: firebaseAccounts,
    idTokens: firebaseIdTokens,
    roleGrants: firestoreRoleGrants,
    waves: firestoreWaves,
    leases: firestoreLeases,
    clock: systemClock,
    lists: firestoreExclusionLists,
    programYears: firestoreProgramYears,
    registrations: firestoreRegistrations,
    verifications: firestoreVerifications,
    pool: firestorePoolMembership,
    draws: firestoreDrawStore,
    closes: firestoreWaveCloses,
    latestDraw: firestoreLatestDraw,
    published: firestorePublishedDraws,
    beacon: httpBeacon,
    beaconClock: QUICKNET,
    seeds: { newSeed: () => randomBytes(32).toString("hex") },
    imports: firestoreExclusionImports,
    importRecords: firestoreExclusionImportRecords,
    priorityLists: firestorePriorityLists,
    // Reads its secret on first use, inside a function the HTTP edge bound to it.
    partnerKeys: secretPartnerKeys(),
    partners: firestorePartnerRegistry,
    training: firestoreTraining,
    deadlines: firestoreDeadlines,
    random: { bytes: (length) => randomBytes(length) },
    usedSignatures: firestoreUsedSignatures,
    tasks: cloudTasks(REGION),
    notifications: firestoreNotifications(systemClock),
    drawRecipients: firestoreDrawRecipients,
    smsOutbox: firestoreSmsOutbox,
    smsGateway: configuredSmsGateway(),
    catalogue: firestoreCatalogue,
    reconciliation: firestoreReconciliation,
    clawbacks: firestoreClawbacks,
    payoutCases: firestorePayoutCases,
    payouts: firestorePayouts,
    payoutAccounts: firestorePayoutAccounts,
    // Reads its URLs and keys on first use, inside a function bound to PAYMENT_PARTNER_KEYS.
    paymentPartners: configuredPaymentPartners(),
    taskQueues: cloudTaskQueues(() => process.env.GCLOUD_PROJECT ?? process.env.GOOGLE_CLOUD_PROJECT ?? "", REGION),
    // Reads its keys on first use, inside a function bound to VAULT_KEYS.
    vault: secretVault(),
    // One transaction per act on the actor's chain of the day (adapters/auditLog.ts).
    audit: firestoreAuditLog,
    // Aggregation queries and the rollup documents of the regional dashboard (adapters/dashboards.ts).
    dashboards: firestoreDashboards,
    auditDays: firestoreAuditDays,
    registrants: firestoreRegistrants,
    subjectRecords: firestoreSubjectRecords,
    desk: firestoreDesk,
    closeRedrives: firestoreCloseRedrives,
  };
  return Object.defineProperty({ ...base, ...overrides }, "pseudonyms", {
    // The NIK hash key is a secret bound only to the functions that hash: read it on first use.
    get: () => (pseudonyms ??= secretPseudonyms()),
    enumerable: true,
  }) as Ports;
}
