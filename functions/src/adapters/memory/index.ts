import { QUICKNET, type BeaconClock } from "../../domain/beacon.js";
import { keyedId } from "../../domain/privacy.js";
import type { Clock, PartnerStanding, Ports, Pseudonyms } from "../../usecases/ports.js";
import { memoryAccounts, memoryIdTokens, memoryRoleGrants, type MemoryAccounts, type MemoryIdTokens } from "./accounts.js";
import { memoryCatalogue } from "./catalogue.js";
import { memoryClawbacks } from "./clawbacks.js";
import { memoryReconciliation } from "./reconciliation.js";
import { memoryDrawStore, memoryLatestDraw, memoryPublishedDraws } from "./draw.js";
import { memoryExclusionImportRecords, memoryExclusionImports, memoryExclusionLists } from "./exclusionLists.js";
import { memoryPriorityLists } from "./priorityLists.js";
import { memoryDrawRecipients, memoryNotifications, memorySmsGateway, memorySmsOutbox, type MemorySmsGateway } from "./notifications.js";
import { memoryPartnerKeys, memoryPartnerRegistry, memoryUsedSignatures } from "./partners.js";
import { memoryPaymentPartners, type MemoryPaymentPartners } from "./paymentPartners.js";
import { memoryPayoutAccounts, memoryPayouts } from "./payouts.js";
import { memoryPayoutCases } from "./payoutCases.js";
import { memoryRandom, memoryTraining } from "./training.js";
import { memoryDeadlines } from "./deadlines.js";
import { memoryDesk } from "./desk.js";
import { memoryCloseRedrives } from "./closeRedrives.js";
import { memoryWaveCloses } from "./waveCloses.js";
import { memoryProgramYears, memoryRegistrations, type MemoryProgramYears } from "./registration.js";
import { newMemory, type MemoryState } from "./state.js";
import { memorySubjectRecords } from "./subjectRecords.js";
import { memoryAuditLog, memoryVault, type MemoryAuditLog } from "./vault.js";
import { memoryAuditDays, memoryAuditStore } from "./auditLog.js";
import { memoryTaskQueues, memoryTasks, type MemoryTaskQueues, type MemoryTasks } from "./tasks.js";
import { memoryVerifications } from "./verifications.js";
import { memoryDashboards, type MemoryDashboards } from "./dashboards.js";
import { memoryRegistrants } from "./registrants.js";
import { memoryBeacon, memoryLeases, memoryPoolMembership, memorySeeds, memoryWaves, type MemoryBeacon } from "./waves.js";

export type { AuthAccount, MemoryState } from "./state.js";
export type { EnqueuedTask } from "./tasks.js";
export type { MemoryAccounts, MemoryBeacon, MemoryIdTokens, MemoryProgramYears, MemoryTasks };
export type { MemorySmsGateway, MemoryAuditLog };
export { MEMORY_VAULT_KEYS } from "./vault.js";
export type { MemoryPartnerAnswer, MemoryPartnerCall, MemoryPartnerTransaction, MemoryPaymentPartners } from "./paymentPartners.js";

/**
 * Every port in memory, for unit tests of the use cases: the documents the Firestore adapters
 * would write, validated by the same schemas, with the same transactional guards, and nothing
 * random — a clock the test sets, pseudonyms under a fixed key, numbered seeds, and a beacon
 * whose rounds come out when the test publishes them.
 */
export interface MemoryPorts extends Ports {
  /** Every collection, for a test to look at (or to set up what no port writes). */
  state: MemoryState;
  /** Every document written, as `<collection>/<id>` (Auth accounts as `auth/<uid>`), in order. */
  writes: string[];
  clock: MemoryClock;
  accounts: MemoryAccounts;
  idTokens: MemoryIdTokens;
  programYears: MemoryProgramYears;
  beacon: MemoryBeacon;
  partnerKeys: ReturnType<typeof memoryPartnerKeys>;
  partners: ReturnType<typeof memoryPartnerRegistry>;
  usedSignatures: ReturnType<typeof memoryUsedSignatures>;
  tasks: MemoryTasks;
  taskQueues: MemoryTaskQueues;
  smsGateway: MemorySmsGateway;
  paymentPartners: MemoryPaymentPartners;
  audit: MemoryAuditLog;
  dashboards: MemoryDashboards;
}

export interface MemoryClock extends Clock {
  set(at: Date | string): void;
  advance(ms: number): void;
}

export interface MemoryOptions {
  /** The clock's start (default 2026-03-02T03:00:00Z, a Monday morning in Jakarta). */
  now?: Date | string;
  /** Seeds `newSeed()` hands out first; after them, numbered ones. */
  seeds?: readonly string[];
  beaconClock?: BeaconClock;
  /** Partners' sign keys by client code (two during a rotation). */
  partnerKeys?: Record<string, string | string[]>;
  /** Partners' standings by client code. */
  partners?: Record<string, PartnerStanding>;
}

/** The key of the memory pseudonyms (keyedId wants 32 bytes at least). Tests may hash with it too. */
export const MEMORY_PSEUDONYM_KEY = "memory-adapters-test-key-0123456789abcdef";

export function memoryPseudonyms(key: string = MEMORY_PSEUDONYM_KEY): Pseudonyms {
  return {
    nik: (nik) => keyedId("nik", nik, key),
    kk: (kk) => keyedId("kk", kk, key),
    pid: (uid) => keyedId("pid", uid, key),
    family: (kkKey) => keyedId("family", kkKey, key),
    account: (value) => keyedId("account", value, key),
    request: (value) => keyedId("request", value, key),
  };
}

export function memoryClock(start: Date | string = "2026-03-02T03:00:00Z"): MemoryClock {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (at) => void (now = new Date(at)),
    advance: (ms) => void (now = new Date(now.getTime() + ms)),
  };
}

export function memoryPorts(options: MemoryOptions = {}): MemoryPorts {
  const memory = newMemory();
  const clock = memoryClock(options.now);
  const tasks = memoryTasks();
  return {
    state: memory.state,
    writes: memory.writes,
    accounts: memoryAccounts(memory),
    idTokens: memoryIdTokens(memory),
    roleGrants: memoryRoleGrants(memory),
    waves: memoryWaves(memory),
    leases: memoryLeases(memory),
    clock,
    lists: memoryExclusionLists(memory),
    pseudonyms: memoryPseudonyms(),
    programYears: memoryProgramYears(memory),
    registrations: memoryRegistrations(memory),
    verifications: memoryVerifications(memory),
    pool: memoryPoolMembership(memory),
    draws: memoryDrawStore(memory),
    closes: memoryWaveCloses(memory),
    latestDraw: memoryLatestDraw(memory),
    published: memoryPublishedDraws(memory),
    beacon: memoryBeacon(memory),
    beaconClock: options.beaconClock ?? QUICKNET,
    seeds: memorySeeds(options.seeds),
    imports: memoryExclusionImports(memory),
    importRecords: memoryExclusionImportRecords(memory),
    priorityLists: memoryPriorityLists(memory),
    partnerKeys: memoryPartnerKeys(options.partnerKeys),
    partners: memoryPartnerRegistry(options.partners),
    training: memoryTraining(memory),
    deadlines: memoryDeadlines(memory),
    random: memoryRandom(),
    usedSignatures: memoryUsedSignatures(),
    tasks,
    taskQueues: memoryTaskQueues(tasks),
    notifications: memoryNotifications(memory, clock),
    drawRecipients: memoryDrawRecipients(memory),
    smsOutbox: memorySmsOutbox(memory),
    smsGateway: memorySmsGateway(),
    catalogue: memoryCatalogue(memory),
    reconciliation: memoryReconciliation(memory),
    clawbacks: memoryClawbacks(memory),
    payouts: memoryPayouts(memory),
    payoutAccounts: memoryPayoutAccounts(memory),
    paymentPartners: memoryPaymentPartners(() => clock.now()),
    payoutCases: memoryPayoutCases(memory),
    vault: memoryVault(),
    audit: memoryAuditLog(),
    // Sealing is unit-tested on its own store with a chaining log (adapters/memory/auditLog.ts).
    auditDays: memoryAuditDays(memoryAuditStore()),
    desk: memoryDesk(memory),
    dashboards: memoryDashboards(memory),
    registrants: memoryRegistrants(memory),
    subjectRecords: memorySubjectRecords(memory),
    closeRedrives: memoryCloseRedrives(memory),
  };
}
