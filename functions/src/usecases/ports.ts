import type { RoleClaims } from "../domain/roles.js";
import type { ProgramYearDoc, RoleGrantDoc, WaveDoc, WaveEventDoc } from "../schemas/documents.js";
import type { ApplicantDoc, EligibilityDoc, FamilyDoc, TimelineEventDoc } from "../schemas/applicant.js";
import type { WaveState } from "../domain/wave.js";
import type { ExclusionListType } from "../domain/eligibility.js";

/** What use cases need from the outside world. Adapters implement these over Firebase. */

export interface Accounts {
  uidByEmail(email: string): Promise<string | null>;
  uidByPhone(phone: string): Promise<string | null>;
  setRole(uid: string, claims: RoleClaims): Promise<void>;
  /** Creates a phone-number account with this uid unless it exists already. */
  ensurePhoneAccount(uid: string, phone: string): Promise<void>;
}

export interface RoleGrants {
  find(requestId: string): Promise<RoleGrantDoc | null>;
  /** Records the grant under its idempotency key; false when that key was already recorded. */
  recordOnce(requestId: string, grant: RoleGrantDoc): Promise<boolean>;
}

export interface Waves {
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
}

/** Whose daily count an assisted registration adds to: `operatorDays/{operatorUid}_{day}`. */
export interface AssistedBy {
  operatorUid: string;
  /** YYYY-MM-DD in Asia/Jakarta. */
  day: string;
}

export type RegistrationWrite =
  | { write: false }
  | { write: true; applicant: ApplicantDoc; event: TimelineEventDoc };

export interface Registrations {
  /**
   * One transaction: reads the NIK index, the account's applicant and the family card, lets
   * `decide` choose, then claims the NIK, writes the applicant and its first timeline event,
   * counts the registrant on the family card and (assisted) on the operator's day, all or nothing.
   */
  register(uid: string, nikKey: string, kkKey: string, decide: (state: RegistrationState) => RegistrationWrite, assisted?: AssistedBy): Promise<RegistrationState>;
  applicant(uid: string): Promise<ApplicantDoc | null>;
  timeline(uid: string): Promise<TimelineEventDoc[]>;
  family(kkKey: string): Promise<FamilyDoc>;
  /** Stores a re-check whose result differs from the stored one, with its timeline event. */
  recordEligibility(uid: string, eligibility: EligibilityDoc, event: TimelineEventDoc): Promise<void>;
}
