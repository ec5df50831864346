import type { BeaconClock } from "../domain/beacon.js";
import type { Candidate, DrawManifest, DrawResult, PoolPage, Publication, WinnersPage } from "../domain/draw/index.js";
import type { ExclusionListType } from "../domain/eligibility.js";
import type { RoleClaims } from "../domain/roles.js";
import type { WaveState } from "../domain/wave.js";
import type { AuditRecord } from "../domain/audit/acts.js";
import type { ChainHead } from "../domain/audit/chain.js";
import type { AuditDayRecord } from "../domain/audit/verify.js";
import type { SealedDoc } from "../schemas/vault.js";
import type { RegistrantRow } from "../schemas/registrants.js";
import type { DeskReceiptDoc, NikDisputeDoc } from "../schemas/desk.js";
import type { BlockedRegistration, FigureQuery } from "../domain/dashboard/queries.js";
import type { DashboardDoc, RegionTargetDoc } from "../schemas/dashboard.js";
import type { Outcome } from "../domain/outcome.js";
import type { PaymentPartnerCode, PayoutChannel } from "../domain/payouts/partners.js";
import type { PayoutState } from "../domain/payouts/payout.js";
import type {
  AccountUsersDoc,
  LedgerEntryDoc,
  PaymentEventDoc,
  PaymentPartnerStateDoc,
  PayoutAccountDoc,
  PayoutCaseDoc,
  PayoutDoc,
  PayoutEventDoc,
  QuarantineDoc,
} from "../schemas/payouts.js";
import type { ClawbackDoc, RepaymentDoc } from "../schemas/clawbacks.js";
import type { DifferencesPageDoc, ReconciliationReportDoc } from "../schemas/reconciliation.js";
import type { ApplicantDoc, EligibilityDoc, FamilyDoc, TimelineEventDoc, VerificationDoc } from "../schemas/applicant.js";
import type { ProgramYearDoc, RoleGrantDoc, WaveDoc, WaveDrawPlan, WaveEventDoc } from "../schemas/documents.js";
import type { ExclusionImportRecord } from "../schemas/exclusion.js";
import type { PriorityImportDoc, PriorityListDoc } from "../schemas/priority.js";
import type { TaskName, TaskPayload } from "../schemas/tasks.js";
import type { CloseRedriveDoc } from "../schemas/closeRedrive.js";
import type { InboxDoc, Notification, SmsDoc } from "../schemas/notifications.js";
import type { VerificationDecisionDoc } from "../schemas/verification.js";
import type { FrozenPoolDoc } from "../schemas/waves.js";
import type { ClosePartitionDoc, CloseStage, WaveCloseDoc } from "../schemas/waveClose.js";
import type { LearningMethod, PartnerKind } from "../domain/training/catalogue.js";
import type {
  ScheduleDoc as CatalogueScheduleDoc,
  TrainingChangeDoc,
  TrainingDoc as CatalogueTrainingDoc,
  TrainingPartnerDoc as PartnerDoc,
} from "../schemas/training.js";
import type {
  BudgetEntryDoc,
  EntitlementDoc,
  FreedSeatDoc,
  PartnerCallDoc,
  PaymentTokenDoc,
  PurchaseDoc,
  ScheduleDoc,
  SettlementDoc,
  TrainingDoc,
  TrainingFlagDoc,
  TrainingPartnerDoc,
  VoucherDoc,
} from "../schemas/training.js";

/**
 * Every port, in one place: what use cases need from the outside world. The Firebase adapters
 * (adapters/*) and the in-memory ones (adapters/memory/*) implement these; the composition
 * root (composition.ts) builds the production set once per instance. A use case names the
 * ports it uses as `Pick<Ports, ...>`.
 */
export interface Ports {
  accounts: Accounts;
  idTokens: IdTokens;
  roleGrants: RoleGrants;
  waves: Waves;
  leases: Leases;
  clock: Clock;
  lists: ExclusionLists;
  pseudonyms: Pseudonyms;
  programYears: ProgramYears;
  registrations: Registrations;
  verifications: Verifications;
  pool: PoolMembership;
  draws: DrawStore;
  closes: WaveCloses;
  latestDraw: LatestDraws;
  published: PublishedDraws;
  beacon: Beacon;
  beaconClock: BeaconClock;
  seeds: Seeds;
  imports: ExclusionImports;
  importRecords: ExclusionImportRecords;
  priorityLists: PriorityLists;
  partnerKeys: PartnerKeys;
  partners: PartnerRegistry;
  training: TrainingStore;
  deadlines: Deadlines;
  random: Random;
  usedSignatures: UsedSignatures;
  tasks: Tasks;
  catalogue: Catalogue;
  notifications: Notifications;
  drawRecipients: DrawRecipients;
  smsOutbox: SmsOutbox;
  smsGateway: SmsGateway;
  payouts: PayoutStore;
  payoutAccounts: PayoutAccounts;
  paymentPartners: PaymentPartners;
  payoutCases: PayoutCases;
  reconciliation: ReconciliationStore;
  clawbacks: ClawbackStore;
  taskQueues: TaskQueueAdmin;
  vault: Vault;
  audit: AuditLog;
  auditDays: AuditDays;
  registrants: Registrants;
  subjectRecords: SubjectRecords;
  desk: Desk;
  dashboards: Dashboards;
  closeRedrives: CloseRedrives;
}

export interface Accounts {
  uidByEmail(email: string): Promise<string | null>;
  uidByPhone(phone: string): Promise<string | null>;
  /** Sets the account's role and revokes the tokens it holds, so the old role ends at once. */
  setRole(uid: string, claims: RoleClaims): Promise<void>;
  /** Creates a phone-number account with this uid unless it exists already. */
  ensurePhoneAccount(uid: string, phone: string): Promise<void>;
  /** Email and claims of each account that exists (at most 100 uids); a uid without an account is absent. */
  profiles(uids: readonly string[]): Promise<Map<string, AccountProfile>>;
  /** Creates an email account (no password: the person sets one through "forgot password") with this uid unless it exists already. */
  ensureEmailAccount(uid: string, email: string): Promise<void>;
  /** The account as the desk shows it (clear email and phone: the use case masks them); null when there is no such account. */
  describe(uid: string): Promise<AccountSignIn | null>;
  /** Disables the account and revokes its tokens (a NIK dispute's other account); nothing when there is no such account. */
  block(uid: string): Promise<void>;
}

/** A Firebase Auth account's sign-in methods ("phone", "password", "google.com"…), contacts and whether it is disabled. */
export interface AccountSignIn {
  disabled: boolean;
  methods: string[];
  email: string | null;
  phone: string | null;
}

/** An account as the program office's console shows it: its email (if any) and its claims as stored. */
export interface AccountProfile {
  email?: string;
  claims: Record<string, unknown>;
}

/** Firebase Auth ID tokens, checked against the account as it is now. */
export interface IdTokens {
  /**
   * The token's account and claims; null when the token is malformed, expired, revoked, or its
   * account is disabled or deleted. Throws only when Auth cannot be reached (retry later).
   */
  verify(idToken: string): Promise<{ uid: string; token: Record<string, unknown> } | null>;
}

export interface RoleGrants {
  find(requestId: string): Promise<RoleGrantDoc | null>;
  /** Records the grant under its idempotency key; false when that key was already recorded. */
  recordOnce(requestId: string, grant: RoleGrantDoc): Promise<boolean>;
  /**
   * Grants (and revocations) newest first, filtered by role and exact region, after the grant
   * with ID `after` (a page's cursor), at most `limit`. Query shapes: ROLE_GRANT_QUERY_SHAPES.
   */
  list(filter: { role?: RoleClaims["role"]; region?: string }, page: { after?: string; limit: number }): Promise<Array<{ id: string; grant: RoleGrantDoc }>>;
}

export interface Waves {
  get(id: string): Promise<WaveDoc | null>;
  /** The wave and its secret seed, together or not at all; false when the wave exists. */
  create(id: string, wave: WaveDoc, seed: string): Promise<boolean>;
  /** Waves between their close and their publication. */
  drawing(): Promise<string[]>;
  /** Waves not yet closed (a handful at any time). */
  unfinished(): Promise<Array<{ id: string; wave: WaveDoc }>>;
  /**
   * Moves a wave forward to `to` in one transaction with its event record, re-reading
   * the wave so a concurrent run cannot move it backwards. Returns the state it ended in.
   */
  advance(id: string, to: WaveState, event: WaveEventDoc): Promise<WaveState>;
}

export interface Clock {
  now(): Date;
}

/** The current exclusion lists, read for one NIK. */
export interface ExclusionLists {
  /** The lists the NIK is on in their current version, and the versions that were current. */
  check(nikKey: string): Promise<{ hits: ExclusionListType[]; versions: Record<string, number> }>;
  /** The current version of each list (one query of at most 7 documents, cached like check's). */
  versions(): Promise<Partial<Record<ExclusionListType, number>>>;
  /** For each NIK key, the lists it is on in `versions` (one batched read per 300 keys, 1 read each). */
  hitsOf(nikKeys: readonly string[], versions: Partial<Record<ExclusionListType, number>>): Promise<Map<string, ExclusionListType[]>>;
}

/** Keyed hashing of identifiers with the program's secret key (domain/privacy.ts). */
export interface Pseudonyms {
  nik(nik: string): string;
  kk(kk: string): string;
  /** The person's pseudonymous ID in draws (from their uid). */
  pid(uid: string): string;
  /** The family's pseudonymous key in draws (from the KK's keyed hash). */
  family(kkKey: string): string;
  /** A payout account's key (`{partner}:{institution}:{number}`): how one account number linked by many people is found. */
  account(value: string): string;
  /** A request's input digest (`{callable}:{fields}`), stored to tell a retry from a reused request ID without storing what was said. */
  request(value: string): string;
}

export interface ProgramYears {
  get(year: number): Promise<ProgramYearDoc | null>;
}

/** What the registering transaction found, for the use case to decide on. */
export interface RegistrationState {
  family: FamilyDoc;
  /** The applicant this account already has, if any. */
  existing: ApplicantDoc | null;
  /** The account that registered this NIK, if any. */
  nikOwner: string | null;
  /** Assisted registrations the operator made today, when an operator registers. */
  assistedToday: number | null;
  /** Attempts of the caller today that registered nobody (`registerAttempts/{caller}_{day}`). */
  attemptsToday: number;
}

/** Who registers whom, and on which day (YYYY-MM-DD, Asia/Jakarta) their daily counts fall. */
export interface RegistrationRequest {
  /** The account the registration is for. */
  uid: string;
  nikKey: string;
  kkKey: string;
  /** The signed-in caller: the person themself, or the operator registering them. */
  caller: string;
  day: string;
  /** An assisted registration adds to the operator's day: `operatorDays/{caller}_{day}`. */
  assisted: boolean;
}

export type RegistrationWrite = { write: false; countAttempt: boolean } | { write: true; applicant: ApplicantDoc; event: TimelineEventDoc };

export interface Registrations {
  /**
   * One transaction: reads the NIK index, the account's applicant, the family card and the
   * caller's day (attempts; assisted: the operator's count), lets `decide` choose, then either
   * claims the NIK, writes the applicant and its first timeline event, counts the registrant on
   * the family card and (assisted) on the operator's day — or, for a refusal `decide` counts,
   * adds one to the caller's attempts. All or nothing.
   */
  register(request: RegistrationRequest, decide: (state: RegistrationState) => RegistrationWrite): Promise<RegistrationState>;
  applicant(uid: string): Promise<ApplicantDoc | null>;
  timeline(uid: string): Promise<TimelineEventDoc[]>;
  family(kkKey: string): Promise<FamilyDoc>;
  /** Stores a re-check whose result differs from the stored one, with its timeline event. */
  recordEligibility(uid: string, eligibility: EligibilityDoc, event: TimelineEventDoc): Promise<void>;
}

/** Which verification cases an operator lists: one state, one region, oldest request first. */
export interface VerificationQuery {
  state: "needs-verification" | "rejected";
  /** A province (2 digits) or regency (4 digits) of the person's domicile; null: everywhere. */
  region: string | null;
  /** The last case of the previous page (exclusive). */
  after: { requestedAt: Date; uid: string } | null;
  limit: number;
}

/** What the deciding transaction found: the person's registration and the decision under the request's ID. */
export interface VerificationDecisionState {
  applicant: ApplicantDoc | null;
  recorded: VerificationDecisionDoc | null;
}

export type VerificationWrite =
  { write: false } | { write: true; verification: VerificationDoc; eligibility: EligibilityDoc; event: TimelineEventDoc; record: VerificationDecisionDoc };

/** Identity verification cases (applicants with a `verification`) and operators' decisions. */
export interface Verifications {
  /** A page of cases, in (requestedAt, uid) order. */
  cases(query: VerificationQuery): Promise<Array<{ uid: string; applicant: ApplicantDoc }>>;
  /**
   * One transaction: reads the applicant and `verificationDecisions/{requestId}`, lets `decide`
   * choose, then writes the applicant's verification and eligibility, the timeline event
   * (`verification-{requestId}`) and the decision record — or nothing. All or nothing.
   */
  decide(uid: string, requestId: string, decide: (state: VerificationDecisionState) => VerificationWrite): Promise<VerificationDecisionState>;
}

/**
 * Short exclusive leases, so that overlapping runs of a schedule never do one step twice. A lease
 * taken and never released (the holder crashed) lapses at `until`.
 */
export interface Leases {
  /** Takes lease `name` for `holder` until `until` unless another holder's lease runs past `now`; true when taken. One transaction. */
  take(name: string, holder: string, now: Date, until: Date): Promise<boolean>;
  /** Gives the lease back, if `holder` still holds it. */
  release(name: string, holder: string): Promise<void>;
}

/** Putting an applicant in the draw pool. */
export interface PoolMembership {
  /** Puts the applicant in the pool and records their pseudonyms, unless already there; true when it did. */
  join(uid: string, pool: { pid: string; familyPid: string; waveId: string }, event: TimelineEventDoc): Promise<boolean>;
}

/** What a winner starts with (domain/training/deadline.ts participantTerms). */
export interface ParticipantTerms {
  /** Rupiah. */
  trainingBalance: number;
  purchaseDeadline: Date;
  remindAt: Date | null;
}

export interface PoolMember {
  uid: string;
  applicant: ApplicantDoc;
}

/** A wave's draw, from the close to the publication. */
export interface DrawStore {
  wave(waveId: string): Promise<WaveDoc | null>;
  families(kkKeys: string[]): Promise<Map<string, FamilyDoc>>;
  /** Stores the re-check of those found not eligible at the close, with a timeline event each; a family at its limit also takes the person out of the pool (`inPool` false). */
  recordExcluded(waveId: string, excluded: Array<{ uid: string; eligibility: EligibilityDoc }>, at: Date): Promise<void>;
  /** Writes the pool pages, then the commitment and the wave's `frozen` state in one transaction. */
  freeze(waveId: string, entries: Candidate[], frozen: FrozenPoolDoc): Promise<void>;
  seed(waveId: string): Promise<string | null>;
  /**
   * Makes the winners participants with their terms (training balance, first-purchase deadline
   * and its first reminder); those already selected in this wave are left as they are.
   */
  applyWinners(waveId: string, pids: string[], terms: ParticipantTerms, at: Date, familyLimit?: number): Promise<number>;
  /** Writes pool page `page.page` as published (the close's assembly; rewriting it writes the same bytes). */
  writePoolPage(waveId: string, page: PoolPage): Promise<void>;
  /** Writes winners page `page.page` (the close's draw). */
  writeWinnersPage(waveId: string, page: WinnersPage): Promise<void>;
  /** The commitment and the wave's `frozen` state in one transaction, if the wave is still `closed`; true when it moved. */
  commit(waveId: string, frozen: FrozenPoolDoc): Promise<boolean>;
  /** The frozen pool's commitment without its pages, or null before the freeze. */
  commitment(waveId: string): Promise<FrozenPoolDoc | null>;
  /** Writes the manifest and its pages, and moves the wave to `drawn`, the last in one transaction. */
  publish(waveId: string, publication: Publication): Promise<void>;
}

/** What a partition's attempt found when it came to take its partition. */
export type PartitionTake = "taken" | "done" | "superseded" | "held" | "missing";

/** A finished partition's counts (schemas/waveClose.ts). */
export interface PartitionTally {
  processed: number;
  eligible: number;
  excluded: number;
  excludedByReason: Record<string, number>;
  /** Chunk documents written, `00-000000` onwards. */
  chunks: number;
}

/**
 * A wave's close as it runs (docs/draw.md §10; schemas/waveClose.ts): `waveCloses/{waveId}`, its
 * partitions, their chunks of pool lines, and the manifest drawn but not yet published. Every
 * state change is one transaction that checks the state it starts from, so a duplicate or late
 * delivery of a task changes nothing.
 */
export interface WaveCloses {
  get(waveId: string): Promise<WaveCloseDoc | null>;
  /** Every partition, in index order. */
  partitions(waveId: string): Promise<ClosePartitionDoc[]>;
  /** Creates the close and its partitions unless the close exists; true when this call created it. */
  start(waveId: string, close: WaveCloseDoc, partitions: ClosePartitionDoc[]): Promise<boolean>;
  /**
   * Takes partition `index` for `attempt` until `leaseUntil`: `done` when it is finished, `superseded`
   * when a later attempt owns it, `held` while another delivery of this attempt holds its lease.
   */
  takePartition(waveId: string, index: number, attempt: number, now: Date, leaseUntil: Date): Promise<PartitionTake>;
  /** The applicants in the pool with a pid in `[from, to)` after `afterPid`, in pid order, at most `limit` (1 read each). */
  members(range: { from: string; to: string | null }, afterPid: string | null, limit: number): Promise<PoolMember[]>;
  /** Writes chunk `seq` of partition `index`: pool lines in pid order (a re-run writes the same ID). */
  writeChunk(waveId: string, index: number, seq: number, lines: string[]): Promise<void>;
  /** The lines of chunk `seq` of partition `index` (empty when absent). */
  chunk(waveId: string, index: number, seq: number): Promise<string[]>;
  /**
   * Ends a failed delivery's lease at `now`, if `attempt` still runs the partition: the retry of
   * the same attempt takes over at once instead of waiting out the lease. False when it no longer
   * owned it. A delivery that dies without calling it leaves the lease to lapse.
   */
  releasePartition(waveId: string, index: number, attempt: number, now: Date): Promise<boolean>;
  /** Records a running attempt's progress and extends its lease; false when the attempt no longer owns the partition. */
  progress(waveId: string, index: number, attempt: number, processed: number, leaseUntil: Date): Promise<boolean>;
  /**
   * Marks the partition done with its tally and adds it to the close's counts, if `attempt` still
   * owns it; moves the close to `assembling` with the last one. Null when it did not own it.
   */
  finishPartition(waveId: string, index: number, attempt: number, tally: PartitionTally, at: Date): Promise<{ allDone: boolean } | null>;
  /** Moves the close from one of `from` to `to` (with `fields`); false when it was in none of them. */
  moveStage(waveId: string, from: readonly CloseStage[], to: CloseStage, fields: Partial<WaveCloseDoc>, at: Date): Promise<boolean>;
  /** The manifest drawn and stored for the winners' tasks, before it is published. */
  saveDraft(waveId: string, draft: CloseDraft): Promise<void>;
  draft(waveId: string): Promise<CloseDraft | null>;
  /** Counts page `page`'s winners as applied, once; `allApplied` when every page is. Null when the close is not applying. */
  pageApplied(waveId: string, page: number, applied: number, at: Date): Promise<{ allApplied: boolean } | null>;
}

/** The draw's outcome kept between the draw task and the publication. */
export interface CloseDraft {
  manifest: DrawManifest;
  /** When the draw ran: every winners page gives its winners the terms of this moment. */
  drawnAt: Date;
  /** Winners per applying task (the last may hold fewer). */
  pageSize: number;
}

/** The latest published draw: what a person needs to find their own place in it. */
export interface LatestDraw {
  waveId: string;
  closesAt: Date;
  drawKey: string;
  result: Pick<DrawResult, "priority" | "strata" | "national">;
  /** The pool's size (the manifest's `poolSize`): a rank read as a position "of poolSize". */
  poolSize: number;
  /** The priority list the wave's plan declared (its version): whether a person's line was flagged. */
  priorityList?: { listId: string; version: number };
}

/** At most this many of a person's draws are read for their status (48 waves ran in 2020–2023). */
export const DRAWS_SINCE_LIMIT = 100;

export interface LatestDraws {
  latest(): Promise<LatestDraw | null>;
  /**
   * Every drawn wave that closed after `after`, newest first, at most DRAWS_SINCE_LIMIT: a
   * person's draws since they joined the pool. Query: waves state == "drawn", closesAt > after,
   * by closesAt descending (the index of `latest`), then one manifest read per wave.
   */
  since(after: Date): Promise<LatestDraw[]>;
}

/** The public draw of each wave, as it is served. */
export interface PublishedDraws {
  /** The manifest, once the draw is published; null before. */
  manifest(waveId: string): Promise<DrawManifest | null>;
  /** A page of the pool (public from the freeze) or of the winners (from the publication); null when absent. */
  page(waveId: string, folder: "pool" | "winners", page: number): Promise<PoolPage | WinnersPage | null>;
}

/**
 * A public randomness beacon (drand): the verified value (drand's `randomness`, 64 hex) of the
 * wave's planned round, or null while it is not published. The value is answered only after the
 * round verified against the plan's chain (BLS signature, randomness = SHA-256 of the signature;
 * domain/beaconRound.ts); an answer that does not verify throws `BeaconUnverified`, so no draw
 * uses it.
 */
export interface Beacon {
  value(beacon: WaveDrawPlan["beacon"]): Promise<string | null>;
}

/** The only randomness of the draw we make ourselves. */
export interface Seeds {
  /** 32 random bytes as hex, from a CSPRNG. */
  newSeed(): string;
}

/** One running import of one list version. */
export interface ImportSession {
  version: number;
  /** Versions of the list completed when this import began: the ones overlaps are exact for. */
  comparable: number[];
  /** The versions of this list each entry holds now (empty for a NIK on no version). */
  versionsOf(nikKeys: string[]): Promise<number[][]>;
  /** Adds this version to each entry; resolves once every write is durable. */
  add(nikKeys: string[]): Promise<void>;
  /** Completed; becomes current unless a higher version already is. True when it became current. */
  complete(result: { entries: number; rejectedLines: number; overlaps: Record<string, number>; at: Date }): Promise<boolean>;
  /** Failed: never current. Writes already made stay, under a version nothing reads. */
  fail(at: Date, tally?: { entries: number; rejectedLines: number }): Promise<void>;
}

export interface ExclusionImports {
  /** Allocates the next version of `type` (above every version ever started) as a running import. */
  begin(type: ExclusionListType, by: string, at: Date): Promise<ImportSession>;
  /**
   * Fails the import with `failure: "timed-out"` (finished at `at`) if, in one transaction, it is
   * found running past its timeout (domain/exclusionVersions.ts `importExpiry`); anything else is
   * left as it is. Returns the record as it was found, null when there is none.
   */
  expire(type: ExclusionListType, version: number, at: Date): Promise<ExclusionImportRecord | null>;
}

export interface ExclusionImportRecords {
  find(type: ExclusionListType, version: number): Promise<ExclusionImportRecord | null>;
}

/** One row of a priority list as the import writes it: the keyed NIK and, when the row had a mobile number, that number sealed (context "priority-invitation"). */
export interface PriorityRow {
  nikKey: string;
  phone?: SealedDoc;
}

/** An entry of a priority list's version as the invitation pass reads it (usecases/invitePriorityList.ts). */
export interface PriorityInvitee {
  nikKey: string;
  /** Registered: the NIK index names an account. */
  registered: boolean;
  phone?: SealedDoc;
  invited: boolean;
}

/** What one page of an invitation pass writes, once: the SMS invitations, and the counts it adds. */
export interface InvitationPage {
  /** The cursor the page started at (null: the first page). A page whose cursor moved meanwhile writes nothing. */
  after: string | null;
  /** The last entry of the page, or null when the pass reached the end. */
  next: string | null;
  registered: number;
  invitations: Array<{ nikKey: string; key: string; sms: SmsDoc }>;
  at: Date;
}

/**
 * Priority lists (domain/priority.ts; adapters/priorityLists.ts, in memory adapters/memory/priorityLists.ts):
 * `priorityLists/{listId}`, `priorityImports/{listId}-v{version}`, `priorityEntries/{nikKey}`.
 */
export interface PriorityLists {
  /** Registration: for each list, the versions the NIK was on (one read of its entry, also when absent). */
  membership(nikKey: string): Promise<Record<string, number[]>>;
  get(listId: string): Promise<PriorityListDoc | null>;
  /** Every list (a few dozen at most), by ID. */
  all(): Promise<Array<{ listId: string; list: PriorityListDoc }>>;
  /** Every import of a list, latest version first. */
  imports(listId: string): Promise<PriorityImportDoc[]>;
  findImport(listId: string, version: number): Promise<PriorityImportDoc | null>;
  /** Makes the list if new (texts replaced if not), and allocates its next version as a running import. */
  begin(listId: string, about: { name: string; description: string; source: string }, by: string, at: Date): Promise<PriorityImportSession>;
  /** Up to `limit` entries of the version after the keyed NIK `after`, in key order: one query, then the NIK index of each. */
  invitees(listId: string, version: number, after: string | null, limit: number): Promise<PriorityInvitee[]>;
  /**
   * Writes one invitation page in a transaction, unless the pass's cursor is no longer `after` (a
   * duplicate delivery): the `sms/{key}` creates, each entry's `invitedAt`, the counts on the import
   * and on the list (`invited`; `registered` too, once the pass ends on the current version) and the cursor.
   * False when nothing was written.
   */
  recordInvitations(listId: string, version: number, page: InvitationPage): Promise<boolean>;
}

export interface PriorityImportSession {
  version: number;
  /** This list's versions on each entry (one batched read), in the order given. */
  versionsOf(nikKeys: readonly string[]): Promise<number[][]>;
  /**
   * Adds the version (and the phone, when given) to each row's entry, and marks every registered
   * applicant among them (NIK index, then `priorityLists.<listId>` on the applicant): answers how
   * many were registered.
   */
  add(rows: readonly PriorityRow[]): Promise<number>;
  /** Completes the import and makes it current (if above the current version): true when it did. */
  complete(tally: { entries: number; withPhone: number; registered: number; rejectedLines: number; at: Date }): Promise<boolean>;
  fail(at: Date): Promise<void>;
}

/**
 * Partners' signing keys, by the client code each signs with (edge/httpAuth.ts checks the
 * signatures). In memory: adapters/memory/partners.ts.
 */
export interface PartnerKeys {
  /** The keys of this client code (two during a rotation); empty for a client code we do not know. */
  signKeys(clientCode: string): Promise<string[]>;
}

/** Where a signed-in partner stands: its kind, whether it is still listed, its rate limit. */
export interface PartnerStanding {
  kind: PartnerKind;
  status: "active" | "delisted";
  callsPerMinute: number;
}

/** The partners' registry and their audit trail of signed calls (edge/httpAuth.ts, edge/http.ts). */
export interface PartnerRegistry {
  /** The partner's standing now (read on every call: a de-listing stops it at once); null when not onboarded. */
  standing(clientCode: string): Promise<PartnerStanding | null>;
  /** Calls of this partner recorded since `since` (a count, not a read of each). */
  callsSince(clientCode: string, since: Date): Promise<number>;
  /** Records one signed call in the partner's audit trail, under the request's ID. */
  recordCall(requestId: string, call: PartnerCallDoc): Promise<void>;
}

/** Signatures already accepted, so that a captured request cannot be sent again (a replay). */
export interface UsedSignatures {
  /**
   * Records the accepted signature (under its hash) until `expiresAt`, once: false when it was
   * recorded already. Two requests with one signature arriving together: exactly one gets true.
   */
  recordOnce(signature: string, record: { clientCode: string; expiresAt: Date }): Promise<boolean>;
}

/**
 * Cloud Tasks: work for a task function (edge/task.ts) to do later, at least once. The task's ID
 * is derived from `key`, so enqueuing one key twice adds one task and both calls succeed. (Cloud
 * Tasks keeps a used ID for about an hour after its task ran; the local emulator for its session.)
 */
export interface Tasks {
  /** True when this call added the task, false when the key's task was there already. */
  enqueue<N extends TaskName>(name: N, payload: TaskPayload<N>, options: TaskOptions): Promise<boolean>;
}

/**
 * Re-driving one partition of a wave's close (usecases/redriveClosePartition.ts). One transaction
 * reads `waveCloses/{waveId}`, its `partitions/{NN}` and the request's `redrives/{requestId}` (and,
 * when the close is not found, `waves/{waveId}`), and
 * writes what `decide` returns: the partition's new state and the request's record, or nothing.
 */
export interface CloseRedrives {
  redrive<R>(at: RedriveAt, decide: (facts: RedriveFacts) => RedriveWrite<R>): Promise<R>;
}

export interface RedriveAt {
  waveId: string;
  partition: number;
  requestId: string;
}

export interface RedriveFacts {
  close: WaveCloseDoc | null;
  /** Whether `waves/{waveId}` exists: read only when the close is not found, to tell a wave not yet closing from no wave at all. */
  waveExists: boolean;
  partition: ClosePartitionDoc | null;
  /** This request's record, when an earlier call of it re-drove already. */
  earlier: CloseRedriveDoc | null;
}

export type RedriveWrite<R> = { result: R } | { result: R; partition: ClosePartitionDoc; record: CloseRedriveDoc };

export interface TaskOptions {
  /** The idempotency key of the work, e.g. `police-v7` for that import's expiry. */
  key: string;
  /** Seconds until the first attempt (the local emulator ignores it and runs the task at once). */
  delaySeconds?: number;
  /** How long one attempt may run before Cloud Tasks counts it failed (15–1800 s; default 600, emulator 60). */
  dispatchDeadlineSeconds?: number;
}

/**
 * The first-purchase deadline's bookkeeping (usecases/training/deadlines.ts): who lapsed, who is
 * due a reminder, and the seats lapsed participants free for later waves. Queries are single-field
 * range queries (`lapseAt <= now`, `remindAt <= now`, `toWave == null`): no composite index.
 */
export interface Deadlines {
  /** Participants whose deadline passed with nothing bought (`lapseAt <= now`), earliest first. */
  lapsed(now: Date, limit: number): Promise<string[]>;
  /** One transaction: re-reads the applicant, and writes what `decide` returns (nothing for `skip`). */
  revoke(uid: string, decide: (applicant: ApplicantDoc | null) => RevokeWrite): Promise<RevokeWrite>;
  /** Participants due a reminder (`remindAt <= now`), earliest first. */
  remindersDue(now: Date, limit: number): Promise<Array<{ uid: string; applicant: ApplicantDoc }>>;
  /** Moves the applicant's `remindAt` from `from` to `to`, if it is still `from`; false otherwise. */
  advanceReminder(uid: string, from: Date, to: Date | null): Promise<boolean>;
  /** Freed seats no wave has taken yet (`toWave == null`). */
  unassignedSeats(limit: number): Promise<Array<{ pid: string; seat: FreedSeatDoc }>>;
  /** The earliest wave not yet open (`scheduled`), or null. */
  nextScheduledWave(now: Date): Promise<{ id: string; wave: WaveDoc } | null>;
  /**
   * One transaction (at most 400 seats): if the wave is still `scheduled` and before its opening,
   * adds the seats still unassigned to its quota and its `freedSeats`, and marks each taken.
   * Returns how many it added.
   */
  assignSeats(waveId: string, pids: string[], now: Date): Promise<number>;
}

export type RevokeWrite =
  { kind: "skip" } | { kind: "revoke"; pid: string; balance: number; ledger: BudgetEntryDoc; seat: FreedSeatDoc; event: TimelineEventDoc };

/** Random bytes from a cryptographic source (codes, tokens, OTPs). In memory: a fixed sequence. */
export interface Random {
  bytes(length: number): Uint8Array;
}

/**
 * Trainings bought, attended and completed: the reads of the partner API, and each change of money
 * or seats as one transaction. Each transactional method reads what it names, hands it to
 * `decide` (pure: the use case's rules), and writes exactly what `decide` returned — all or
 * nothing, retried by the database on contention, so two concurrent purchases can never both
 * spend one balance or one seat.
 */
export interface TrainingStore {
  /** The uid of the participant with this pseudonymous ID (the `prakerja_id` partners send), or null. */
  uidOfPid(pid: string): Promise<string | null>;
  applicant(uid: string): Promise<ApplicantDoc | null>;
  training(courseCode: string): Promise<TrainingDoc | null>;
  schedule(scheduleCode: string): Promise<ScheduleDoc | null>;
  partner(clientCode: string): Promise<TrainingPartnerDoc | null>;
  voucher(redeemCode: string): Promise<VoucherDoc | null>;
  vouchersOf(uid: string): Promise<VoucherDoc[]>;
  purchase(invoiceKey: string): Promise<PurchaseDoc | null>;
  /** Stores a payment token waiting for its OTP, under the token's hash. */
  savePaymentToken(tokenHash: string, token: PaymentTokenDoc): Promise<void>;
  /** The participant's payment tokens (any state; few at a time: they expire in minutes), with their hashes. */
  paymentTokensOf(uid: string): Promise<Array<{ tokenHash: string; token: PaymentTokenDoc }>>;
  /** Marks the token declined by its participant, if it is theirs and unused; false otherwise. */
  declinePaymentToken(tokenHash: string, uid: string): Promise<boolean>;
  /** The payment token, its invoice's purchase, the buyer, their vouchers, the training and schedule; and whether `redeemCode` is taken. */
  authorize<R extends string>(ask: AuthorizeAsk, decide: (facts: AuthorizeFacts) => AuthorizeWrite<R>): Promise<AuthorizeWrite<R>>;
  /** The voucher and its institution; `decide` records attendance and what the institution is owed. */
  commit<R extends string>(redeemCode: string, decide: (facts: CommitFacts) => CommitWrite<R>): Promise<CommitWrite<R>>;
  /** The voucher, its purchase, its buyer and schedule; `decide` cancels (refund) or freezes it. */
  cancel<R extends string>(redeemCode: string, decide: (facts: CancelFacts) => CancelWrite<R>): Promise<CancelWrite<R>>;
  /** The voucher and the buyer's entitlement; `decide` records the review (and the entitlement). */
  review<R extends string>(redeemCode: string, decide: (facts: ReviewFacts) => ReviewWrite<R>): Promise<ReviewWrite<R>>;
  /** Redemptions since `since`, by course: `{courseCode, institutionCode, count}` (one read per voucher). */
  redemptionsSince(since: Date): Promise<Array<{ courseCode: string; institutionCode: string; count: number }>>;
  /** A course's redemptions in [from, to) (a count: one read per 1,000). */
  courseRedemptions(courseCode: string, from: Date, to: Date): Promise<number>;
  /** Records a flag under `id` unless it is there already; true when it was written now. */
  flag(id: string, flag: TrainingFlagDoc): Promise<boolean>;
  /** A partner's settlement entries of one month (`2026-11`). */
  settlementsOf(partnerCode: string, month: string): Promise<SettlementDoc[]>;
}

export interface AuthorizeAsk {
  tokenHash: string;
  invoiceKey: string;
  /** A fresh redeem code for the voucher, if one is issued. */
  redeemCode: string;
}

export interface AuthorizeFacts {
  token: PaymentTokenDoc | null;
  purchase: PurchaseDoc | null;
  /** The token's buyer (null when there is no token). */
  applicant: ApplicantDoc | null;
  vouchers: VoucherDoc[];
  training: TrainingDoc | null;
  schedule: ScheduleDoc | null;
  /** The training's institution, as it stands now. */
  institution: TrainingPartnerDoc | null;
  redeemCodeTaken: boolean;
}

export type Refused<R extends string = string> = { kind: "refused"; reason: R; details?: Record<string, string | number | boolean> };

export type AuthorizeWrite<R extends string = string> =
  /** Refused; a wrong OTP also counts the attempt on the token. */
  | (Refused<R> & { attempts?: number })
  /** The invoice was paid before with this token: the same answer, nothing written. */
  | { kind: "existing"; purchase: PurchaseDoc; voucher: VoucherDoc | null }
  | {
      kind: "bought";
      voucher: VoucherDoc;
      purchase: PurchaseDoc;
      /** The buyer's balance after (rupiah), and whether this was their first purchase. */
      balance: number;
      firstPurchase: boolean;
      /** The schedule's seats taken after; null for a schedule without a seat limit (not written). */
      booked: number | null;
      event: TimelineEventDoc;
      /** The buyer is now booked into overlapping sessions: a flag for the program office (not a refusal). */
      flag: TrainingFlagDoc | null;
    };

export interface CommitFacts {
  voucher: VoucherDoc | null;
  institution: TrainingPartnerDoc | null;
}

export type CommitWrite<R extends string = string> =
  | Refused<R>
  | { kind: "unchanged"; voucher: VoucherDoc }
  | { kind: "attended"; voucher: VoucherDoc; settlements: Array<{ id: string; entry: SettlementDoc }>; event: TimelineEventDoc | null };

export interface CancelFacts {
  voucher: VoucherDoc | null;
  purchase: PurchaseDoc | null;
  applicant: ApplicantDoc | null;
  schedule: ScheduleDoc | null;
  /** The buyer's other vouchers still standing (not cancelled, not frozen). */
  otherActive: number;
  /** What the voucher's institution has accrued or holds for it so far. */
  settlements: Array<{ id: string; entry: SettlementDoc }>;
}

export type CancelWrite<R extends string = string> =
  | Refused<R>
  | {
      kind: "cancelled";
      voucher: VoucherDoc;
      /** The buyer's balance after the refund (rupiah). */
      balance: number;
      /** Seats taken after; null: not written (no seat limit, or the seat stays held while frozen). */
      booked: number | null;
      purchaseStatus: "VOID" | null;
      event: TimelineEventDoc;
      /** The buyer holds no training any more: the first-purchase deadline applies again (null: unchanged). */
      deadline: { lapseAt: Date; remindAt: Date | null } | null;
      /** Settlement entries to hold (a report of a redeemed voucher, pending review). */
      hold: string[];
    };

export interface ReviewFacts {
  voucher: VoucherDoc | null;
  entitlement: EntitlementDoc | null;
}

export type ReviewWrite<R extends string = string> =
  | Refused<R>
  | {
      kind: "reviewed";
      voucher: VoucherDoc;
      entitlement: EntitlementDoc | null;
      /** The installments of a new entitlement (usecases/payouts/schedule.ts), written with it; empty otherwise. */
      schedule: PayoutChange[];
      event: TimelineEventDoc;
    };

/** What became of one `Notifications.send`. */
export type NotificationReceipt =
  /** Written now: the in-app copy, and an email and an SMS where the person has an address. */
  | { state: "sent"; email: boolean; sms: boolean }
  /** This key was sent before (a retry, or a second run): nothing written. */
  | { state: "already-sent" }
  /** No applicant and no account with this uid: nothing written. */
  | { state: "unknown-recipient" };

/**
 * Telling a person something (schemas/notifications.ts for the kinds and their parameters,
 * notificationTexts.ts for the words). One call writes, all or nothing: the in-app copy
 * (`applicants/{uid}/inbox/{key}`), an email in the Trigger Email extension's `mail` collection
 * when the account has an email address, and an SMS in the `sms` outbox when the registration has
 * a phone number. The addresses are looked up here, never passed in.
 */
export interface Notifications {
  /**
   * Sends `notification` once per `key` (schemas/notifications.ts `notificationKey`: stable IDs
   * only, e.g. `draw-result-<wave>-<pid>`, never a NIK, a name or a phone number): the same key
   * again writes nothing and answers `already-sent`, whatever the notification says.
   */
  send(key: string, notification: Notification): Promise<NotificationReceipt>;
}

/** Who a wave's pseudonymous IDs are, for telling them the draw's result. */
export interface DrawRecipient {
  pid: string;
  uid: string;
  /** Selected in this wave, with their terms (applicant `selectedWave`, `trainingBalance`, `purchaseDeadline`). */
  selected: { trainingBalance: number; purchaseDeadline: Date } | null;
}

export interface DrawRecipients {
  /** The people behind `pids` (pidIndex, then their applicants), in the order given; a pid without either is left out. */
  resolve(waveId: string, pids: string[]): Promise<DrawRecipient[]>;
}

/** The result of handing one SMS over, as written back on its `sms` document's `delivery`. */
export type SmsDelivery = { state: "SUCCESS"; providerId: string } | { state: "ERROR"; error: string };

/** The `sms` outbox, for the SMS sender (usecases/deliverSms.ts). */
export interface SmsOutbox {
  /**
   * Takes `sms/{id}` for delivery in one transaction: marks it PROCESSING (attempts + 1, lease
   * until `leaseUntil`) and returns it, unless it is gone, done (SUCCESS or ERROR) or being sent
   * by another run whose lease has not lapsed: then null. `to` is the number as sealed (context "sms").
   */
  claim(id: string, now: Date, leaseUntil: Date): Promise<{ to: SealedDoc; body: string } | null>;
  /** Writes the outcome of a claimed message. */
  settle(id: string, delivery: SmsDelivery, at: Date): Promise<void>;
}

/**
 * An SMS provider. Production: adapters/smsGateway.ts, which refuses to send until one is
 * configured; locally the stack's relay logs each message (scripts/stack/mail.ts).
 */
export interface SmsGateway {
  /** Hands one message to the provider: its reference there. Throws when it could not (the message is marked ERROR). */
  send(message: { to: string; body: string; reference: string }): Promise<{ providerId: string }>;
}

/** What a catalogue transaction's `decide` returns: the document(s) to write (null: nothing) and the use case's answer. */
export interface Decided<W, R> {
  write: W | null;
  result: R;
}

/** What saving a training found: the training, and the change recorded under the request's ID (an admin's retry). */
export interface TrainingState {
  training: CatalogueTrainingDoc | null;
  recorded: TrainingChangeDoc | null;
}

/** A new version of a training and its history record (`trainings/{courseCode}/history/{version}`), written together. */
export interface TrainingWrite {
  training: CatalogueTrainingDoc;
  change: TrainingChangeDoc;
}

/** What saving a schedule found: the schedule, and the training it is to be a run of. */
export interface ScheduleState {
  schedule: CatalogueScheduleDoc | null;
  training: CatalogueTrainingDoc | null;
}

/** A page of the public catalogue: listed trainings matching every filter given, in title order. */
export interface ListedQuery {
  /** A keyword (`keywords` array-contains), already made as keywords are. */
  word: string | null;
  category: string | null;
  method: LearningMethod | null;
  provinceCode: string | null;
  /** The course code of the last training of the page before (exclusive). */
  after: string | null;
  limit: number;
}

/**
 * The training catalogue: partners, trainings with a history of every change, schedules; and the
 * public browse. Each save is one transaction: it reads what it names, hands it to `decide` (the
 * use case's rules, pure), and writes exactly what `decide` returned — all or nothing.
 */
export interface Catalogue {
  /** The onboarded partners among these client codes (any status), by client code. */
  partners(clientCodes: readonly string[]): Promise<Map<string, PartnerDoc>>;
  savePartner<R>(clientCode: string, decide: (current: PartnerDoc | null) => Decided<PartnerDoc, R>): Promise<R>;
  /** Reads the training and, given a requestId, the history record made under it; writes the training and its history record together. */
  saveTraining<R>(courseCode: string, requestId: string | null, decide: (state: TrainingState) => Decided<TrainingWrite, R>): Promise<R>;
  /** Reads the schedule and the training `courseCode`; writes the schedule. */
  saveSchedule<R>(scheduleCode: string, courseCode: string, decide: (state: ScheduleState) => Decided<CatalogueScheduleDoc, R>): Promise<R>;
  training(courseCode: string): Promise<CatalogueTrainingDoc | null>;
  /** A page of listed trainings; `more` when another page follows. */
  listed(query: ListedQuery): Promise<{ trainings: CatalogueTrainingDoc[]; more: boolean }>;
  /** The training's runs starting after `after`, soonest first. */
  upcoming(courseCode: string, after: Date, limit: number): Promise<CatalogueScheduleDoc[]>;
}

/** An account an incentive is paid into, as the partner knows it. */
export interface PayoutDestination {
  channel: PayoutChannel;
  /** A bank's clearing code (`009`) or the e-wallet's code (`DOMPETKITA`): paymentPartner(code).institutions. */
  institution: string;
  /** The bank account number, or the e-wallet's customer number (the phone number it is registered to). */
  accountNumber: string;
}

/** What the partner's account inquiry found. */
export type AccountInquiry = { found: false } | { found: true; holderName: string };

/**
 * One instruction to pay. `reference` is the installment's idempotency key (SNAP
 * `partnerReferenceNo`): every attempt for the same installment sends the same one, and a partner
 * that has it already answers with that transaction instead of paying again. `externalId` is SNAP's
 * per-day `X-EXTERNAL-ID` of this attempt.
 */
export interface PayoutInstruction {
  reference: string;
  externalId: string;
  /** Rupiah, whole (SNAP sends it as "600000.00" IDR). */
  amount: number;
  destination: PayoutDestination;
  /** The transfer's remark the participant sees ("Insentif Prakerja 1/4"). */
  remark: string;
}

/** A partner's word on a payout, from its answer, its status API or its notification. */
export type PartnerPayoutState = "accepted" | "paid" | "failed" | "reversed";

export interface PartnerPayoutReport {
  state: PartnerPayoutState;
  /** Our reference (partnerReferenceNo) it is about. */
  reference: string;
  /** The partner's own reference of the transaction, once it has one. */
  partnerReference: string | null;
  /** Rupiah, as the partner reports it (a notification's amount is checked against ours). */
  amount: number | null;
  currency: string | null;
  /** The partner's service/case code and message (SNAP `responseCode`/`latestTransactionStatus`), for the timeline. */
  code: string;
  message: string;
  at: Date;
}

/** What a call to the partner came back with: its report, or no answer we can trust (a timeout, a 5xx, a reset connection). */
export type PartnerCallResult = { answered: true; report: PartnerPayoutReport } | { answered: false; error: string };

/** The partner's status API on one reference: its report, or that it has no such transaction. */
export type PartnerStatus = { known: true; report: PartnerPayoutReport } | { known: false } | { answered: false; error: string };

/** A notification the partner sent us, verified: a unique event ID and what it reports. */
export interface PartnerNotification {
  /** Unique per event at that partner (SNAP: `X-EXTERNAL-ID` of the notification; token gateways: their event `id`). */
  eventId: string;
  report: PartnerPayoutReport;
}

/** Why a notification was refused before anything was written: each answers 401 or 400 at the edge. */
export type NotificationRefusal = "signature-missing" | "signature-invalid" | "timestamp-stale" | "body-invalid";

/** The incoming request, as the webhook receiver has it. */
export interface IncomingNotification {
  method: string;
  /** The path as the partner called it (`/api/v1/payments/bank-nusantara/notify`). */
  path: string;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  /** The body's bytes as they arrived: signatures are over these, never over a re-serialised body. */
  rawBody: Buffer;
}

/** One line of a partner's daily statement: what it says it paid (or reversed) that day. */
export interface StatementLine {
  reference: string;
  partnerReference: string;
  state: "paid" | "reversed";
  amount: number;
  at: Date;
}

/**
 * One payment partner, whatever its protocol (adapters/payments/: SNAP, static token). Every method
 * but `verifyNotification` makes one or more HTTPS calls to the partner; none throws for an answer
 * the partner gave: a refusal is a report with state `failed`, and no trustworthy answer is
 * `answered: false` (the caller must then ask `status`, never send blind).
 */
export interface PaymentPartner {
  code: PaymentPartnerCode;
  /** Whether the account exists at the partner and whose name it is in. Throws when the partner could not be asked. */
  inquireAccount(destination: PayoutDestination): Promise<AccountInquiry>;
  /** Sends the payout (SNAP transfer or e-money top-up). */
  pay(instruction: PayoutInstruction): Promise<PartnerCallResult>;
  /** The partner's status API, by our reference (and the attempt's external ID and day, as SNAP asks). */
  status(query: { reference: string; externalId: string; sentAt: Date }): Promise<PartnerStatus>;
  /** Checks a notification's signature or token over the raw body and its timestamp against `now`; parses it. */
  verifyNotification(request: IncomingNotification, now: Date): Outcome<PartnerNotification, NotificationRefusal>;
  /** The partner's statement of one day (Asia/Jakarta), `YYYY-MM-DD`. Throws when it could not be fetched. */
  statement(day: string): Promise<StatementLine[]>;
}

/** The configured payment partners, by code. */
export interface PaymentPartners {
  get(code: PaymentPartnerCode): PaymentPartner;
}

/** One change of one payout, written together: the payout, its timeline event and its ledger moves (IDs `{id}-{version}-{n}`). */
export interface PayoutChange {
  payout: PayoutDoc;
  event: PayoutEventDoc;
  ledger: LedgerEntryDoc[];
}

/** What a payout transaction reads, for its `decide`. */
export interface PayoutFacts {
  payout: PayoutDoc | null;
  /** The participant's payout account (read when `withAccount`). */
  account: PayoutAccountDoc | null;
  /** The stored partner event being applied (read when `eventKey` is given). */
  event: PaymentEventDoc | null;
  /** Whether a repayment case (`clawbacks/{id}`) exists for a paid payout: its money is then the case's, not the partner's to reverse. */
  clawback: boolean;
}

/** What a payout transaction writes: each part optional; `result` is returned. */
export interface PayoutDecision<R> {
  change?: PayoutChange;
  /** A partner report put aside (`paymentQuarantine/{id}`). */
  quarantine?: { id: string; doc: QuarantineDoc };
  /** The outcome of the event being applied, and when. */
  eventOutcome?: PaymentEventDoc["outcome"];
  appliedAt?: Date;
  result: R;
}

/** A payout and its ID. */
export interface StoredPayout {
  id: string;
  payout: PayoutDoc;
}

/**
 * Payouts, their ledger and the partner events about them (adapters/payouts.ts). Every change of
 * a payout is one transaction through `change`: it reads the payout (and what `options` name),
 * hands them to `decide` (pure: domain/payouts/payout.ts), and writes exactly what it returns.
 */
export interface PayoutStore {
  change<R>(id: string, options: { withAccount?: boolean; eventKey?: string }, decide: (facts: PayoutFacts) => PayoutDecision<R>): Promise<R>;
  /** Several new payouts at once (a schedule), all or none; false when the first exists already. */
  createAll(changes: PayoutChange[]): Promise<boolean>;
  get(id: string): Promise<PayoutDoc | null>;
  /** Payouts in `state` whose `field` is before `before`, oldest first (then by ID), after `after` (the last of the page before). */
  inState(state: PayoutState, field: "dueAt" | "updatedAt" | "leaseUntil", before: Date, limit: number, after?: StoredPayout): Promise<StoredPayout[]>;
  /** A partner's payouts in `state`, for re-queueing on resume. */
  ofPartner(partner: PaymentPartnerCode, state: PayoutState, limit: number): Promise<StoredPayout[]>;
  /** How many payouts are in `state` (of one partner, or all): an aggregation count. */
  count(state: PayoutState, partner?: PaymentPartnerCode): Promise<number>;
  /** The participant's payouts with their timelines, in installment order. */
  ofParticipant(uid: string): Promise<Array<StoredPayout & { events: PayoutEventDoc[] }>>;
  /** An installment's ledger entries. */
  ledger(installmentId: string): Promise<LedgerEntryDoc[]>;
  /** A stored partner event. */
  event(key: string): Promise<PaymentEventDoc | null>;
  /** Stored partner events still `pending` that arrived before `before` (their task lost): for the poller to enqueue again. */
  pendingEvents(before: Date, limit: number): Promise<Array<{ key: string; event: PaymentEventDoc }>>;
  /** Stores a verified partner event under `key` unless stored already: false for a duplicate. */
  recordEvent(key: string, event: PaymentEventDoc): Promise<boolean>;
  /** Quarantines without a payout (an unknown reference). */
  quarantine(id: string, doc: QuarantineDoc, eventKey: string): Promise<void>;
  /** Puts a report aside under `id` without touching any event (a redelivery that contradicts the stored event); false when `id` is there already. */
  putAside(id: string, doc: QuarantineDoc): Promise<boolean>;
  openQuarantine(limit: number): Promise<Array<{ id: string; doc: QuarantineDoc }>>;
  partnerState(code: PaymentPartnerCode): Promise<PaymentPartnerStateDoc | null>;
  setPaused(code: PaymentPartnerCode, paused: boolean, by: string, at: Date): Promise<PaymentPartnerStateDoc | null>;
}

/** What linking an account found: the participant's current account and who else uses that account number. */
export interface AccountFacts {
  current: PayoutAccountDoc | null;
  users: AccountUsersDoc | null;
}

export interface PayoutAccounts {
  get(uid: string): Promise<PayoutAccountDoc | null>;
  /** Links in one transaction: writes the account and adds the uid to the account number's users, unless `decide` returns null. */
  link<R>(uid: string, accountKey: string, decide: (facts: AccountFacts) => { account: PayoutAccountDoc | null; result: R }): Promise<R>;
  /** Accounts waiting for the program office's review (`status == review`), oldest link first (then by uid). */
  inReview(limit: number): Promise<Array<{ uid: string; account: PayoutAccountDoc }>>;
  /** Decides on one account in one transaction: writes the account `decide` returns (null: nothing), returns its result. */
  decide<R>(uid: string, decide: (current: PayoutAccountDoc | null) => { account: PayoutAccountDoc | null; result: R }): Promise<R>;
}

/** A participant's report on an installment, or a quarantined partner report, with its ID. */
export interface StoredPayoutCase {
  id: string;
  doc: PayoutCaseDoc;
}

/** What opening a participant's report found: it was opened now, or an earlier one stands (same request, or one still open on that installment). */
export type OpenedPayoutCase = { kind: "created" | "existing"; id: string; doc: PayoutCaseDoc };

/**
 * What the program office resolves by hand (adapters/payoutCases.ts): participants' reports on
 * their installments (`payoutCases/{requestId}`) and partner reports put in quarantine
 * (`paymentQuarantine/{id}`, which PayoutStore writes).
 */
export interface PayoutCases {
  /**
   * Opens `payoutCases/{id}` in one transaction unless that case exists (a retried request) or
   * the participant has a case still open on the same installment: then that one, unchanged.
   */
  open(id: string, doc: PayoutCaseDoc): Promise<OpenedPayoutCase>;
  /** The participant's cases, newest first. */
  ofParticipant(uid: string): Promise<StoredPayoutCase[]>;
  /** Cases still open, oldest first. */
  openCases(limit: number): Promise<StoredPayoutCase[]>;
  /** Resolves a quarantined report in one transaction with what `decide` returns for it (null: leave it as it is). */
  resolveQuarantine<R>(id: string, decide: (current: QuarantineDoc | null) => { doc: QuarantineDoc | null; result: R }): Promise<R>;
  /** Resolves a participant's report in one transaction with what `decide` returns for it (null: leave it as it is). */
  resolveCase<R>(id: string, decide: (current: PayoutCaseDoc | null) => { doc: PayoutCaseDoc | null; result: R }): Promise<R>;
}

/** The payout queues' admin (adapters/taskQueues.ts): Cloud Tasks' pause, resume and depth where it has them. */
export interface TaskQueueAdmin {
  /** Pauses the Cloud Tasks queue; `supported: false` where there is no such API (the local emulator). */
  pause(queue: string): Promise<{ supported: boolean }>;
  resume(queue: string): Promise<{ supported: boolean }>;
  /** Tasks waiting in the queue; null when it cannot be told. */
  depth(queue: string): Promise<number | null>;
}

/** Installments counted and summed (an aggregation: one read per 1,000 index entries). */
export interface DueTotals {
  count: number;
  amount: number;
}

/**
 * The daily three-way reconciliation report (adapters/reconciliation.ts): the reads it needs
 * beyond PayoutStore, each one query of a shape firestore.indexes.json serves, and the report's
 * documents (`reconciliationReports/{day}`, its pages `…/differences/{nnnn}`).
 */
export interface ReconciliationStore {
  /** Payouts whose `paidAt` is in [from, to), by `paidAt` then ID, `limit` after `after` (the last of the page before). */
  paidBetween(from: Date, to: Date, limit: number, after: StoredPayout | null): Promise<StoredPayout[]>;
  /** Installments whose `dueAt` is before `to` (and at or after `from`, when given): how many, how many rupiah. */
  dueTotals(from: Date | null, to: Date): Promise<DueTotals>;
  report(day: string): Promise<ReconciliationReportDoc | null>;
  /** The latest day's report. */
  latest(): Promise<ReconciliationReportDoc | null>;
  /** One page of a day's differences; null when there is no such page. */
  page(day: string, page: number): Promise<DifferencesPageDoc | null>;
  /**
   * Stores a day's report: its pages, then pages left over from an earlier report of the day
   * deleted, then the head document last (a reader who finds the head finds its pages).
   */
  save(report: ReconciliationReportDoc, pages: DifferencesPageDoc[]): Promise<void>;
}

/** A clawback case and its ID (the installment's). */
export interface StoredClawback {
  id: string;
  clawback: ClawbackDoc;
}

/** What a clawback transaction reads, for its `decide`. */
export interface ClawbackFacts {
  payout: PayoutDoc | null;
  clawback: ClawbackDoc | null;
  /** The repayment recorded under the act's request ID, when one is given. */
  repayment: RepaymentDoc | null;
}

/** What a clawback transaction writes: the case, a repayment (under the request ID), ledger entries (created: a second writer fails). */
export interface ClawbackDecision<R> {
  clawback?: ClawbackDoc;
  repayment?: RepaymentDoc;
  ledger?: Array<{ id: string; entry: LedgerEntryDoc }>;
  result: R;
}

/**
 * Clawback cases (adapters/clawbacks.ts): `clawbacks/{installmentId}`, their repayments
 * `clawbacks/{id}/repayments/{requestId}`, and their moves in `payoutLedger`. Every act is one
 * transaction through `act`: it reads the payout, the case and the request's repayment, hands
 * them to `decide` (pure), and writes exactly what it returns.
 */
export interface ClawbackStore {
  act<R>(installmentId: string, requestId: string | null, decide: (facts: ClawbackFacts) => ClawbackDecision<R>): Promise<R>;
  get(installmentId: string): Promise<ClawbackDoc | null>;
  /** Cases with something owed (`open`, `escalated`), soonest deadline first. */
  outstanding(limit: number): Promise<StoredClawback[]>;
  /** Open cases whose deadline is at or before `now`, soonest first. */
  lapsed(now: Date, limit: number): Promise<StoredClawback[]>;
  /** The cases of these installments (those that have one). */
  ofInstallments(ids: readonly string[]): Promise<Map<string, ClawbackDoc>>;
  /** Cases changed in [from, to) (opened, repaid, escalated): the report checks their ledgers. */
  changedBetween(from: Date, to: Date, limit: number): Promise<StoredClawback[]>;
}

/**
 * The personal-data vault (domain/vault/envelope.ts): seals and opens flat records of strings
 * for a `context` ("applicant", "payout-account", "sms"). Production wraps data keys with a key
 * from Secret Manager; locally from functions/.secret.local; in memory with a fixed test key.
 */
export interface Vault {
  seal(fields: Readonly<Record<string, string>>, context: string): Promise<SealedDoc>;
  /** Throws when the seal does not open (unknown key, altered bytes, other context). */
  open(sealed: SealedDoc, context: string): Promise<Record<string, string>>;
}

/**
 * The append-only, hash-chained audit log of privileged acts (domain/audit/). `append` is
 * idempotent by (act, actor, key): a retried act is recorded once.
 */
export interface AuditLog {
  append(record: AuditRecord): Promise<void>;
}

/**
 * What is held about one person that no other port reads by their uid, for the right of access
 * (usecases/downloadMyData.ts): each read is one document, one subcollection or one `uid ==`
 * equality (served by the field's own index), and a person has a handful of each.
 */
export interface SubjectRecords {
  /** `entitlements/{uid}`. */
  entitlement(uid: string): Promise<EntitlementDoc | null>;
  /** `applicants/{uid}/inbox`, in key order. */
  inbox(uid: string): Promise<Array<{ key: string; doc: InboxDoc }>>;
  /** `clawbacks` with `uid ==`, each with its `repayments`, in installment order. */
  clawbacksOf(uid: string): Promise<Array<{ installmentId: string; doc: ClawbackDoc; repayments: RepaymentDoc[] }>>;
}

/**
 * Which registrants a list or an export reads (usecases/registrants/): equalities only, in account
 * (document ID) order. `region`: a province (2 digits), regency (4) or district (6) code of the
 * person's domicile, null for everywhere; `joinedWave`: people who joined that wave.
 */
export interface RegistrantQuery {
  region: string | null;
  status: ApplicantDoc["status"] | null;
  joinedWave: string | null;
}

/** The registrants of a region, read a page at a time (adapters/registrants.ts). */
export interface Registrants {
  /** Up to `limit` registrants after the account `after` (exclusive), in account order. */
  page(query: RegistrantQuery, after: string | null, limit: number): Promise<Array<{ uid: string; applicant: ApplicantDoc }>>;
  /** How many registrants the query finds now (an aggregation: 1 read per 1,000 index entries). */
  count(query: RegistrantQuery): Promise<number>;
  /** The account that registered the NIK with this keyed hash (`nikIndex/{nikKey}`), or null. */
  uidOfNik(nikKey: string): Promise<string | null>;
}

/**
 * The regional dashboard (adapters/dashboards.ts): aggregation queries (`count()`, `sum()`) of the
 * shapes domain/dashboard/queries.ts builds, the waves to count, the rollup documents
 * `dashboards/{scope}` and the program office's targets `regionTargets/{scope}`.
 */
export interface Dashboards {
  /** How many documents match the query, and the sum of its `sum` field (0 without one). */
  count(query: FigureQuery): Promise<{ count: number; sum: number }>;
  /** The blocked registrations the query finds (domain/dashboard/queries.ts regencyBlocked: a few documents, only the fields figures filter on). */
  blocked(query: FigureQuery): Promise<BlockedRegistration[]>;
  /** Every wave's ID, and whether it is published (its joined and drawn counts no longer change). */
  waves(): Promise<Array<{ id: string; final: boolean }>>;
  get(scope: string): Promise<DashboardDoc | null>;
  /** Writes the documents (each whole, once), in batches. */
  save(docs: readonly DashboardDoc[]): Promise<void>;
  target(scope: string): Promise<RegionTargetDoc | null>;
  /** Sets (or, with 0 registrants, deletes) a region's target. */
  setTarget(scope: string, target: RegionTargetDoc): Promise<void>;
}

/**
 * The audit log's daily roots (domain/audit/chain.ts DayRoot), for the sealer (usecases/sealAuditDays.ts):
 * once a Jakarta day is over, a root over its chains' heads, chained to the day before's.
 */
export interface AuditDays {
  /** The latest day record (sealed, or left `sealing` by a sealer that stopped); null before the first seal. */
  latest(): Promise<AuditDayRecord | null>;
  /** The earliest day with a chain; null when nothing was ever recorded. */
  firstChainDay(): Promise<string | null>;
  /**
   * Marks `day` as being sealed with the day before's root `prev` (idempotent: an existing record
   * stays). From then on appends dated that day go on the next day's chains, so the heads no longer move.
   */
  beginSeal(day: string, prev: string): Promise<void>;
  /** Up to `limit` heads of `day` by chain ID, after chain `after` (null: from the first). */
  heads(day: string, after: string | null, limit: number): Promise<ChainHead[]>;
  /** Stores the day's root (sealed); the same root again is a no-op. */
  finishSeal(day: string, sealed: { prev: string; root: string; chains: number; entries: number; sealedAt: Date }): Promise<void>;
}

/** What resolving a NIK dispute reads in its transaction, for the use case's `decide`. */
export interface NikDisputeFacts {
  dispute: NikDisputeDoc | null;
  /** The account `nikIndex/{dispute's nikKey}` names now. */
  nikOwner: string | null;
  /** `applicants/{dispute.uid}` and its timeline (oldest first). */
  registration: ApplicantDoc | null;
  timeline: TimelineEventDoc[];
  /** `applicants/{dispute.claimantUid}`: the claimant's own registration, if any. */
  claimantRegistration: ApplicantDoc | null;
}

/**
 * What resolving writes: the case, and for a re-tie the move — `nikIndex` → the claimant, the
 * registration and a copy of each timeline event under the claimant's uid with `claimantEvent`,
 * and the other account's applicant as `blocked` with `blockedEvent` (its own timeline stays).
 */
export interface NikDisputeWrite<R> {
  dispute?: NikDisputeDoc;
  retie?: { moved: ApplicantDoc; claimantEvent: TimelineEventDoc; blocked: ApplicantDoc; blockedEvent: TimelineEventDoc };
  result: R;
}

/**
 * The desk's reads and the NIK dispute cases (adapters/desk.ts): `nikIndex`, `operatorDays` and
 * `nikDisputes/{id}`. No query: every read is one document or one person's timeline.
 */
export interface Desk {
  /** The account `nikIndex/{nikKey}` names, null when the NIK is not registered. */
  nikOwner(nikKey: string): Promise<string | null>;
  /** Assisted registrations `operatorDays/{uid}_{day}` counts (0 when absent). */
  assistedOn(operatorUid: string, day: string): Promise<number>;
  dispute(id: string): Promise<NikDisputeDoc | null>;
  /** Creates `nikDisputes/{id}` unless it exists; answers the case as stored (the existing one for a retry). */
  openDispute(id: string, doc: NikDisputeDoc): Promise<{ created: boolean; dispute: NikDisputeDoc }>;
  /** One transaction: reads the facts, writes what `decide` returns (nothing for a refusal or a repeat). */
  resolveDispute<R>(id: string, decide: (facts: NikDisputeFacts) => NikDisputeWrite<R>): Promise<R>;
  /** `deskReceipts/{requestId}`: the receipt sent under this request, null when none was. */
  receipt(requestId: string): Promise<DeskReceiptDoc | null>;
  /** Creates `deskReceipts/{requestId}` unless it exists; answers the receipt as stored (the existing one for a retry or a reuse). */
  recordReceipt(requestId: string, doc: DeskReceiptDoc): Promise<DeskReceiptDoc>;
}

/** Where an export's rows go (exportRegistrants: the HTTP endpoint writes them as CSV, waiting while the client is slow). */
export interface ExportSink {
  /** Once, before any row: how many rows the query finds now (the web app shows "n of N"). */
  begin(total: number): Promise<void>;
  /** One page of rows; resolves when they are written. */
  rows(rows: RegistrantRow[]): Promise<void>;
}

/** Where the vault's seals sit: a collection, the field holding a `SealedDoc` (a dotted path for a nested one, e.g. `resolved.note`), and its context. */
export interface SealedField {
  collection: "applicants" | "payoutAccounts" | "sms" | "nikDisputes" | "priorityEntries";
  field: string;
  context: string;
  /** Whether `<field>.keyId` is indexed (found by a query); otherwise the collection is scanned by ID. */
  indexed: boolean;
}

/** A seal not under the current key, as read: the document's ID and the version the write must still find. */
export interface StaleSeal {
  id: string;
  sealed: SealedDoc;
  /** The document's version when read (opaque; Firestore: its update time): a write made after it (a new account linked) is not overwritten. */
  version: string;
}

/** The vault's seals in the database, for key rotation (usecases/rotateVaultKeys.ts). */
export interface SealedStore {
  /** Up to `limit` documents whose `field` is sealed under another key than `current`, after `cursor`; the next cursor (null: the end). */
  stale(field: SealedField, current: string, cursor: string | null, limit: number): Promise<{ seals: StaleSeal[]; next: string | null }>;
  /** Writes the rewrapped seals (at most 500), each only if its document is unchanged since read; how many were written. */
  replace(field: SealedField, rewrapped: Array<{ seal: StaleSeal; sealed: SealedDoc }>): Promise<number>;
}
