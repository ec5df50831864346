import type { BeaconClock } from "../domain/beacon.js";
import type { Candidate, DrawManifest, DrawResult, PoolPage, Publication, WinnersPage } from "../domain/draw/index.js";
import type { ExclusionListType } from "../domain/eligibility.js";
import type { RoleClaims } from "../domain/roles.js";
import type { WaveState } from "../domain/wave.js";
import type { ApplicantDoc, EligibilityDoc, FamilyDoc, TimelineEventDoc, VerificationDoc } from "../schemas/applicant.js";
import type { ProgramYearDoc, RoleGrantDoc, WaveDoc, WaveEventDoc } from "../schemas/documents.js";
import type { ExclusionImportRecord } from "../schemas/exclusion.js";
import type { TaskName, TaskPayload } from "../schemas/tasks.js";
import type { VerificationDecisionDoc } from "../schemas/verification.js";
import type { FrozenPoolDoc } from "../schemas/waves.js";
import type { PartnerKind } from "../domain/training/catalogue.js";
import type { PartnerCallDoc } from "../schemas/training.js";

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
  latestDraw: LatestDraws;
  published: PublishedDraws;
  beacon: Beacon;
  beaconClock: BeaconClock;
  seeds: Seeds;
  imports: ExclusionImports;
  importRecords: ExclusionImportRecords;
  partnerKeys: PartnerKeys;
  partners: PartnerRegistry;
  usedSignatures: UsedSignatures;
  tasks: Tasks;
}

export interface Accounts {
  uidByEmail(email: string): Promise<string | null>;
  uidByPhone(phone: string): Promise<string | null>;
  /** Sets the account's role and revokes the tokens it holds, so the old role ends at once. */
  setRole(uid: string, claims: RoleClaims): Promise<void>;
  /** Creates a phone-number account with this uid unless it exists already. */
  ensurePhoneAccount(uid: string, phone: string): Promise<void>;
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
}

/** Keyed hashing of identifiers with the program's secret key (domain/privacy.ts). */
export interface Pseudonyms {
  nik(nik: string): string;
  kk(kk: string): string;
  /** The person's pseudonymous ID in draws (from their uid). */
  pid(uid: string): string;
  /** The family's pseudonymous key in draws (from the KK's keyed hash). */
  family(kkKey: string): string;
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

export interface PoolMember {
  uid: string;
  applicant: ApplicantDoc;
}

/** A wave's draw, from the close to the publication. */
export interface DrawStore {
  wave(waveId: string): Promise<WaveDoc | null>;
  /** Everyone in the pool, page by page in document-ID order (partitionable by ID range). */
  poolMembers(): AsyncIterable<PoolMember[]>;
  families(kkKeys: string[]): Promise<Map<string, FamilyDoc>>;
  /** Stores the re-check of those found not eligible at the close, with a timeline event each. */
  recordExcluded(waveId: string, excluded: Array<{ uid: string; eligibility: EligibilityDoc }>, at: Date): Promise<void>;
  /** Writes the pool pages, then the commitment and the wave's `frozen` state in one transaction. */
  freeze(waveId: string, entries: Candidate[], frozen: FrozenPoolDoc): Promise<void>;
  frozen(waveId: string): Promise<{ frozen: FrozenPoolDoc; entries: Candidate[] } | null>;
  seed(waveId: string): Promise<string | null>;
  /** Makes the winners participants; those already selected in this wave are left as they are. */
  applyWinners(waveId: string, pids: string[], trainingBalance: number, at: Date): Promise<number>;
  /** Writes the manifest and its pages, and moves the wave to `drawn`, the last in one transaction. */
  publish(waveId: string, publication: Publication): Promise<void>;
}

/** The latest published draw: what a person needs to find their own place in it. */
export interface LatestDraw {
  waveId: string;
  closesAt: Date;
  drawKey: string;
  result: Pick<DrawResult, "strata" | "national">;
}

export interface LatestDraws {
  latest(): Promise<LatestDraw | null>;
}

/** The public draw of each wave, as it is served. */
export interface PublishedDraws {
  /** The manifest, once the draw is published; null before. */
  manifest(waveId: string): Promise<DrawManifest | null>;
  /** A page of the pool (public from the freeze) or of the winners (from the publication); null when absent. */
  page(waveId: string, folder: "pool" | "winners", page: number): Promise<PoolPage | WinnersPage | null>;
}

/** A public randomness beacon (drand): a round's value, or null while it is not published. */
export interface Beacon {
  value(source: string, round: number): Promise<string | null>;
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

export interface TaskOptions {
  /** The idempotency key of the work, e.g. `police-v7` for that import's expiry. */
  key: string;
  /** Seconds until the first attempt (the local emulator ignores it and runs the task at once). */
  delaySeconds?: number;
  /** How long one attempt may run before Cloud Tasks counts it failed (15–1800 s; default 600, emulator 60). */
  dispatchDeadlineSeconds?: number;
}
